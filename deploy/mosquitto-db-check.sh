#!/bin/sh
# Keeps a damaged persistence file from keeping mosquitto down. mosquitto
# 2.0.11 refuses to start when its mosquitto.db is not whole ("Unable to
# restore persistent database. Unrecognised file format", exit 1, measured on
# a file zeroed as a power cut leaves it (mosquitto issues 2639 and 3160) and
# on files cut short), so its Restart=on-failure only fails again. Run before
# mosquitto (the ExecStartPre of mosquitto.service.d/tapsheet-db-check.conf),
# this moves such a file aside, to FILE.damaged-DATE, and mosquitto starts
# empty. Nothing of the fleet's is lost: each kiosk's own file is the queue,
# and kiosks resend whatever the hub has not confirmed.
#
#   mosquitto-db-check [FILE]      (default /var/lib/mosquitto/mosquitto.db)
#
# Whole means: the header mosquitto writes (magic, CRC, version), then chunks
# (a 4-byte type from 1 to 6 and a 4-byte length, big-endian) that end exactly
# at the end of the file. Versions 5 and 6 (mosquitto 1.6 to 2.0) are walked;
# a file of another version is only checked for the magic. Missing or empty
# files are left alone: mosquitto starts on those. Exits 0 unless the file
# could not be moved.
set -eu

db=${1:-/var/lib/mosquitto/mosquitto.db}
[ -s "$db" ] || exit 0

# od prints every byte as a decimal number, 16 to a line; awk follows the
# chunk lengths without looking at the bytes between headers.
verdict=$(od -An -v -tu1 "$db" | awk '
  BEGIN { split("0 181 0 109 111 115 113 117 105 116 116 111 32 100 98", magic, " "); pos = 0; next_header = 23 }
  function take(b) {
    if (pos < 15 && b != magic[pos + 1]) bad = "no mosquitto header"
    else if (pos >= 19 && pos < 23) version = version * 256 + b
    else if (pos >= next_header && pos < next_header + 8) {
      field = field * 256 + b
      if (pos == next_header + 3) { type = field; field = 0 }
      if (pos == next_header + 7) {
        if (type < 1 || type > 6) bad = "a chunk of unknown type " type " at byte " next_header
        next_header += 8 + field; field = 0
      }
    }
    pos++
  }
  {
    if (bad != "") exit
    # A line wholly inside a chunk body: skip it.
    if (pos >= 23 && (version == 5 || version == 6) && pos + NF <= next_header) { pos += NF; next }
    for (i = 1; i <= NF && bad == ""; i++) take($i)
    if (pos >= 23 && version != 5 && version != 6) exit
  }
  END {
    if (bad == "" && pos < 23) bad = "cut short in its header"
    if (bad == "" && (version == 5 || version == 6) && pos != next_header) bad = "cut short in a chunk"
    print (bad == "" ? "whole" : bad)
  }')

[ "$verdict" = whole ] && exit 0
aside="$db.damaged-$(date +%Y%m%dT%H%M%S)"
mv "$db" "$aside"
echo "mosquitto-db-check: $db was not whole ($verdict); moved to $aside so mosquitto starts empty." \
  "Kiosks resend what the hub has not confirmed." >&2
