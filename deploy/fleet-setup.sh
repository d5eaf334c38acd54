#!/usr/bin/env bash
# Makes everything a fleet (several kiosks, one board) needs to talk through
# mosquitto: the event's own certificate authority, the broker's certificate,
# a certificate, key and random password per kiosk and for the hub, the
# broker's password and ACL files and its config, and each machine's [fleet]
# table. Run it once per event, on the organiser's laptop or the board's Pi;
# platform/raspberrypi/README.md ("A fleet") says where each file goes.
#
#   deploy/fleet-setup.sh EVENT OUTDIR --hub-host NAME [--port 8883] [--days 825] [--force] KIOSK_ID...
#     EVENT        the event id, in every topic (letters, digits, _ and -, up to 64)
#     OUTDIR       where the files go (made if missing)
#     --hub-host   the board's machine as the kiosks reach it (hub.local, 192.168.1.10):
#                  the broker's certificate names it, with localhost and 127.0.0.1
#     --port       the broker's TLS port (default 8883)
#     --days       how long the certificates are valid (default 825)
#     --force      replace an OUTDIR that already holds a CA (every file is made anew)
#     KIOSK_ID     each kiosk's [kiosk] id, also its MQTT user (same characters as EVENT)
#   --broker-dir and --client-dir (default /etc/mosquitto/tapsheet, /etc/tapsheet/fleet)
#   change where the configs say the files are; the tests use them.
#
# In OUTDIR: ca.crt and ca.key (keep ca.key off the Pis), <user>.crt, <user>.key,
# <user>.password and <user>.toml for every kiosk and the hub, and mosquitto/
# (the broker's files, tapsheet.conf for /etc/mosquitto/conf.d). Keys and
# passwords are readable by their owner only. Exit 2 on bad use, 1 on failure.
set -euo pipefail

usage() { # usage [STATUS]: the lines above that say how to call it
  sed -n '9,19p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-2}"
}
bad() {
  echo "fleet-setup: $*" >&2
  exit 2
}
fail() {
  echo "fleet-setup: $*" >&2
  exit 1
}

event='' outdir='' hub_host='' port=8883 days=825 force=no
broker_dir=/etc/mosquitto/tapsheet client_dir=/etc/tapsheet/fleet
kiosks=()
while [ $# -gt 0 ]; do
  case "$1" in
  --hub-host) hub_host=${2:-}; shift 2 || usage ;;
  --port) port=${2:-}; shift 2 || usage ;;
  --days) days=${2:-}; shift 2 || usage ;;
  --broker-dir) broker_dir=${2:-}; shift 2 || usage ;;
  --client-dir) client_dir=${2:-}; shift 2 || usage ;;
  --force) force=yes; shift ;;
  -h | --help) usage 0 ;;
  -*) bad "unknown option '$1' (--help lists them)" ;;
  *)
    if [ -z "$event" ]; then event=$1
    elif [ -z "$outdir" ]; then outdir=$1
    else kiosks+=("$1"); fi
    shift
    ;;
  esac
done

# Ids end up in topics, file names and the ACL: nothing but [A-Za-z0-9_-].
valid_id() { [[ $1 =~ ^[A-Za-z0-9_-]{1,64}$ ]]; }
if [ -z "$event" ] || [ -z "$outdir" ]; then usage; fi
valid_id "$event" || bad "event id '$event': use 1 to 64 letters, digits, _ or -"
[ -n "$hub_host" ] || bad "--hub-host NAME is required: the board's machine as the kiosks reach it"
[[ $hub_host =~ ^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$ ]] || bad "--hub-host '$hub_host' is not a host name or IPv4 address"
if ! [[ $port =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then bad "--port '$port': use 1 to 65535"; fi
[[ $days =~ ^[1-9][0-9]{0,4}$ ]] || bad "--days '$days': use a number of days, 1 to 99999"
[[ $broker_dir == /* && $client_dir == /* ]] || bad "--broker-dir and --client-dir take absolute paths"
[ ${#kiosks[@]} -gt 0 ] || bad "name at least one kiosk id after the options"
for k in "${kiosks[@]}"; do
  valid_id "$k" || bad "kiosk id '$k': use 1 to 64 letters, digits, _ or -"
  [ "$k" != hub ] || bad "'hub' is the hub's own user; give the kiosk another id"
done
dupes=$(printf '%s\n' "${kiosks[@]}" | sort | uniq -d)
[ -z "$dupes" ] || bad "kiosk id given twice: $dupes (two kiosks with one id would throw each other off)"
for tool in openssl mosquitto_passwd; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run deploy/install-deps.sh (packages openssl, mosquitto)"
done
if [ -e "$outdir/ca.key" ] && [ "$force" = no ]; then
  bad "$outdir already holds an event CA; --force replaces it (then every kiosk needs its new files)"
fi

umask 077 # keys, passwords and the password file: their owner only
mkdir -p "$outdir/mosquitto"
cd "$outdir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# P-256 keys: small, quick on a Pi, understood by every TLS library in Debian.
new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>"$work/err" || fail "$(cat "$work/err")"; }

# sign NAME CN EXTENSION...: NAME.crt for NAME.key, signed by the event's CA.
sign() {
  local name=$1 cn=$2
  shift 2
  openssl req -new -key "$name.key" -subj "/CN=$cn" -out "$work/csr" 2>"$work/err" || fail "$(cat "$work/err")"
  printf '%s\n' "basicConstraints = critical, CA:FALSE" "keyUsage = critical, digitalSignature" \
    "subjectKeyIdentifier = hash" "authorityKeyIdentifier = keyid" "$@" >"$work/ext"
  openssl x509 -req -in "$work/csr" -CA ca.crt -CAkey ca.key -CAcreateserial -CAserial "$work/ca.srl" \
    -days "$days" -sha256 -extfile "$work/ext" -out "$name.crt" 2>"$work/err" || fail "$(cat "$work/err")"
  chmod 644 "$name.crt"
}

echo "fleet-setup: event $event, broker $hub_host:$port, kiosks ${kiosks[*]}"
new_key ca.key
openssl req -x509 -key ca.key -subj "/CN=tapsheet $event CA" -days "$days" -sha256 \
  -addext "basicConstraints = critical, CA:TRUE, pathlen:0" -addext "keyUsage = critical, keyCertSign, cRLSign" \
  -out ca.crt 2>"$work/err" || fail "$(cat "$work/err")"
chmod 644 ca.crt

san="DNS:$hub_host"
[[ $hub_host =~ ^[0-9.]+$ ]] && san="IP:$hub_host"
new_key mosquitto/server.key
sign mosquitto/server "$hub_host" "subjectAltName = $san, DNS:localhost, IP:127.0.0.1" "extendedKeyUsage = serverAuth"
cp ca.crt mosquitto/ca.crt && chmod 644 mosquitto/ca.crt

users=("${kiosks[@]}" hub)
for user in "${users[@]}"; do
  new_key "$user.key"
  sign "$user" "$user" "extendedKeyUsage = clientAuth"
  openssl rand -hex 16 >"$user.password" # 128 random bits, one line: the [fleet] password_file
  create=()
  [ "$user" != "${users[0]}" ] || create=(-c) # a new password file, whatever was there
  mosquitto_passwd "${create[@]}" -b mosquitto/passwd "$user" "$(cat "$user.password")" ||
    fail "mosquitto_passwd could not add $user"
done

# The fleet contract's ACL (issue 12), keyed on the authenticated user
# (%u, never the client id): a kiosk writes only its own topics, reads only its ack.
cat >mosquitto/acl <<EOF
# tapsheet fleet, event $event: made by deploy/fleet-setup.sh
user hub
topic read tapsheet/$event/kiosk/+/visits
topic read tapsheet/$event/kiosk/+/status
topic write tapsheet/$event/kiosk/+/ack
topic readwrite tapsheet/$event/hub/status

pattern write tapsheet/$event/kiosk/%u/visits
pattern write tapsheet/$event/kiosk/%u/status
pattern read tapsheet/$event/kiosk/%u/ack
# For every user (mosquitto warns that it names no %u or %c: meant so).
pattern read tapsheet/$event/hub/status
EOF

cat >mosquitto/tapsheet.conf <<EOF
# tapsheet fleet, event $event: made by deploy/fleet-setup.sh. Goes to
# /etc/mosquitto/conf.d/tapsheet.conf, the files it names to $broker_dir.
# One TLS listener: every client, kiosk or hub, shows a certificate of the
# event's CA and its user's password; the ACL keeps each kiosk to its topics.
# The password and ACL settings are global (per_listener_settings false, the
# default): with this file the broker has no other listener, no anonymous one.
listener $port
cafile $broker_dir/ca.crt
certfile $broker_dir/server.crt
keyfile $broker_dir/server.key
require_certificate true
allow_anonymous false
password_file $broker_dir/passwd
acl_file $broker_dir/acl
# PUBACK is not durability: mosquitto saves its queue at autosave_interval and
# at a clean stop. Kiosks count an answer delivered only on the hub's ack.
persistence true
# Small messages leave at once, not after the last segment's delayed ACK
# (Nagle's algorithm): answers reach the board in milliseconds, not 100 ms+.
set_tcp_nodelay true
EOF

# fleet_toml USER BROKER [EXTRA]: the [fleet] table for one machine.
fleet_toml() {
  printf '[fleet]\nbroker = "%s"\nevent = "%s"\nuser = "%s"\n' "$2" "$event" "$1"
  printf 'password_file = "%s/%s.password"\n' "$client_dir" "$1"
  printf 'ca = "%s/ca.crt"\ncert = "%s/%s.crt"\nkey = "%s/%s.key"\n' "$client_dir" "$client_dir" "$1" "$client_dir" "$1"
  printf '%s' "${3:-}"
}
for k in "${kiosks[@]}"; do
  { printf '# Add to /etc/tapsheet/tapsheet.toml on kiosk %s, whose [kiosk] id must be "%s".\n' "$k" "$k"
    fleet_toml "$k" "$hub_host:$port"; } >"$k.toml"
done
quoted=$(printf '"%s", ' "${kiosks[@]}")
{
  echo "# /etc/tapsheet/hub.toml on the board's machine (tapsheet hub --config /etc/tapsheet/hub.toml)."
  echo "# The hub writes every kiosk's visits into database; the board there reads that same"
  echo "# file: keep it equal to database in /etc/tapsheet/tapsheet.toml."
  printf '[kiosk]\ndatabase = "/var/lib/tapsheet/tapsheet.db"\n\n'
  fleet_toml hub "localhost:$port" "kiosks = [${quoted%, }]"$'\n'
} >hub.toml
chmod 644 ./*.toml mosquitto/acl mosquitto/tapsheet.conf

echo "fleet-setup: made in $(pwd):"
echo "  ca.crt, ca.key                the event's CA (keep ca.key on this machine only)"
echo "  mosquitto/                    the broker's files; tapsheet.conf goes to /etc/mosquitto/conf.d/"
echo "  <user>.crt .key .password .toml  for ${users[*]} (their files go to $client_dir/)"
