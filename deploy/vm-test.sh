#!/usr/bin/env bash
# The Raspberry Pi path without a Pi (issue 13): a small Debian guest under
# QEMU with a virtio-gpu display (a real DRM/KMS device in the guest, drawn
# by Mesa's software rasteriser through GBM), virtio input (evdev) and no X
# server or desktop. The project's .deb is installed in it with apt-get,
# tapsheet-kiosk enabled with the Pi guide's KMSDRM drop-in, and the host
# checks it through QEMU's QMP socket:
#   - the kiosk comes up by itself after boot, and its first frame is on
#     the DRM display: the guest's screendump is compared with `tapsheet
#     screenshot` of the attract screen at the same size;
#   - boot to first frame, and service start to first frame from the
#     guest's journal, are printed.
# An amd64 guest: the DRM path is the same code as on a Pi's arm64, and an
# arm64 guest boots about 30% slower under TCG and takes 10 min more to
# build its image (../shared notes, measured).
#
#   deploy/vm-test.sh [--keep]     as root; --keep leaves the run's folder
#   deploy/vm-test.sh --prepare    only the host's packages and the guest's
#                                  base system (deploy/test.sh runs this
#                                  beside the builds: it waits on the
#                                  network and dpkg, not the compiler)
#
# The guest's base system (debootstrap, from the mirror this machine's apt
# uses) is built once and kept in the cache folder; each run copies it,
# installs the .deb and boots. Exit 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE_DIR=${TAPSHEET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tapsheet}
# shellcheck source=/dev/null
. /etc/os-release
RELEASE=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
BASE=$CACHE_DIR/vm-$RELEASE-amd64
SIZE=1280x800        # the kiosk's display (virtio-gpu's first head)
BOARD_SIZE=1920x1080 # the board's (its second head: a TV)
PIN=2468      # the guest kiosk's staff PIN
keep=no prepare=no
[ "${1:-}" = --keep ] && keep=yes
[ "${1:-}" = --prepare ] && prepare=yes

pass() { echo "vm-test: ok      $*"; }
fail() {
  echo "vm-test: FAILED  $*" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || fail "run as root: it builds a system image"
mkdir -p "$CACHE_DIR"

# The first Debian archive the machine's apt names (deb822 or one-line).
machine_mirror() {
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' | grep -v -- -security | head -1 ||
    true
  awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file|ftp):/) {print $i; break}}' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v -- -security | head -1 || true
}

host_packages() {
  local missing=() p
  for p in qemu-system-x86 qemu-utils debootstrap e2fsprogs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$CACHE_DIR/vm-apt.log" 2>&1 ||
    { tail -20 "$CACHE_DIR/vm-apt.log"; fail "apt-get install ${missing[*]}"; }
}

# A kernel, systemd and udev; Mesa and SDL come with the .deb's dependencies.
build_base() {
  [ -x "$BASE/lib/systemd/systemd" ] && [ -n "$(ls "$BASE"/boot/vmlinuz-* 2>/dev/null)" ] && return 0
  local mirror
  mirror=$(machine_mirror | head -1)
  [ -n "$mirror" ] || fail "no Debian mirror in this machine's apt sources"
  echo "vm-test: building a minimal Debian $RELEASE guest in $BASE (once, about 3 minutes)"
  rm -rf "$BASE"
  debootstrap --variant=minbase \
    --include=linux-image-amd64,systemd-sysv,udev,kmod,procps,util-linux,sqlite3,libgl1-mesa-dri,libegl-mesa0,libgbm1 \
    "$RELEASE" "$BASE" "$mirror" >"$CACHE_DIR/vm-debootstrap.log" 2>&1 ||
    { tail -20 "$CACHE_DIR/vm-debootstrap.log"; fail "debootstrap $RELEASE"; }
  rm -f "$BASE/etc/apt/sources.list"
  cp /etc/apt/sources.list.d/*.sources "$BASE/etc/apt/sources.list.d/" 2>/dev/null || true
  if [ -f /etc/apt/sources.list ]; then cp /etc/apt/sources.list "$BASE/etc/apt/"; fi
}

# A command in the guest's files (a chroot with /proc, /sys and /dev: a
# container would need systemd's /run on a tmpfs, which not every CI has).
in_guest() {
  local root=$1 status=0
  shift
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys"
  mount --make-rslave "$root/sys"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  chroot "$root" "$@" || status=$?
  umount -R "$root/dev" "$root/sys" "$root/proc"
  return "$status"
}

# The run's system: the base, the .deb installed with apt-get, the kiosk
# enabled as the Pi guide says, and a unit that tells the host (on the
# serial console) when the kiosk's first frame is on the display.
make_guest() {
  local root=$1 deb=$2
  cp -a "$BASE" "$root"
  cp "$deb" "$root/var/tmp/tapsheet.deb"
  in_guest "$root" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q /var/tmp/tapsheet.deb' \
    >"$WORK/install.log" 2>&1 || { tail -20 "$WORK/install.log"; fail "apt-get install of the .deb in the guest"; }
  # The host's folder $WORK/share (9p): the kiosk's probe, what it drew
  # and where its targets are, written after each frame, read by the host.
  # A staff PIN, set as the Pi guide says (set-pin reads it from a pipe).
  echo "$PIN" | in_guest "$root" tapsheet set-pin --config /etc/tapsheet/tapsheet.toml >>"$WORK/install.log" 2>&1 ||
    fail "tapsheet set-pin in the guest"
  printf '/dev/vda / ext4 defaults 0 1\nshare /run/vm-share 9p trans=virtio,version=9p2000.L,nofail 0 0\n' \
    >"$root/etc/fstab"
  mkdir -p "$root/etc/systemd/system/tapsheet-kiosk.service.d"
  # SDL_EVENT_LOGGING=2 and TAPSHEET_INPUT_TRACE=1: every event SDL hands
  # the kiosk (taps, window focus) and what ImGui and the kiosk made of it,
  # in the journal: a tap the kiosk did not act on shows where it stopped.
  printf '[Unit]\nRequiresMountsFor=/run/vm-share\n[Service]\nEnvironment=TAPSHEET_PROBE=/run/vm-share/kiosk.probe\nEnvironment=SDL_EVENT_LOGGING=2\nEnvironment=TAPSHEET_INPUT_TRACE=1\n' \
    >"$root/etc/systemd/system/tapsheet-kiosk.service.d/vm-probe.conf"
  # Every 2 s, the kiosk's threads (state, kernel wait, kernel stack) to
  # the host: a failed wait prints them (the host sees only QEMU's).
  cat >"$root/usr/local/sbin/vm-threads" <<'EOF'
#!/bin/sh
out=/run/vm-share
while sleep 2; do
  pid=$(systemctl show -p MainPID --value tapsheet-kiosk)
  [ "$pid" -gt 0 ] 2>/dev/null || continue
  for task in /proc/$pid/task/*; do
    echo "$(basename $task) $(cat $task/comm) $(cut -d' ' -f3 $task/stat) in $(cat $task/wchan)"
    sed 's/^/    /' $task/stack 2>/dev/null | head -8
  done >$out/kiosk.threads.tmp 2>/dev/null
  mv $out/kiosk.threads.tmp $out/kiosk.threads
done
EOF
  chmod 755 "$root/usr/local/sbin/vm-threads"
  cat >"$root/etc/systemd/system/vm-threads.service" <<'EOF'
[Unit]
Description=the kiosk's threads to the host every 2 s (a failed wait prints them)
RequiresMountsFor=/run/vm-share
After=tapsheet-kiosk.service
[Service]
ExecStart=/usr/local/sbin/vm-threads
[Install]
WantedBy=multi-user.target
EOF
  echo tapsheet-vm >"$root/etc/hostname"
  printf '127.0.0.1\tlocalhost tapsheet-vm\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
  # A Pi 4 with a touchscreen and a TV: kiosk and board in one process, on
  # the two outputs of one DRM device (the Pi guide's section 4).
  sed -i 's/^with_board = false/with_board = true/' "$root/etc/tapsheet/tapsheet.toml"
  grep -q '^with_board = true' "$root/etc/tapsheet/tapsheet.toml" || fail "with_board not set in the guest's config"
  # The boots after a power cut (tests/vm/guest_test.cpp) start the kiosk
  # alone: tapsheet.board=off on the kernel's command line, read by a
  # generator before any unit starts (nothing written to the disk at boot).
  cp -p "$root/etc/tapsheet/tapsheet.toml" "$root/etc/tapsheet/vm-no-board.toml"
  sed -i 's/^with_board = true/with_board = false/' "$root/etc/tapsheet/vm-no-board.toml"
  mkdir -p "$root/etc/systemd/system-generators"
  cat >"$root/etc/systemd/system-generators/vm-board" <<'EOF'
#!/bin/sh
grep -qw 'tapsheet.board=off' /proc/cmdline || exit 0
mkdir -p "$1/tapsheet-kiosk.service.d"
printf '[Service]\nExecStart=\nExecStart=/usr/bin/tapsheet kiosk --config /etc/tapsheet/vm-no-board.toml\n' \
  >"$1/tapsheet-kiosk.service.d/vm-no-board.conf"
EOF
  chmod 755 "$root/etc/systemd/system-generators/vm-board"
  install -D -m 644 "$root/usr/share/doc/tapsheet/raspberrypi/tapsheet-kiosk.service.d/kmsdrm.conf" \
    "$root/etc/systemd/system/tapsheet-kiosk.service.d/kmsdrm.conf"
  cat >"$root/etc/systemd/system/vm-first-frame.service" <<'EOF'
[Unit]
Description=tell the host (ttyS0) when the kiosk's first frame is presented
After=tapsheet-kiosk.service
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'until journalctl -b -u tapsheet-kiosk -o cat | grep -q "first frame presented"; do sleep 0.5; done; \
  start=$(journalctl -b -u tapsheet-kiosk -o short-monotonic | grep -m1 "Starting tapsheet-kiosk" | sed "s/^\\[ *\\([0-9.]*\\)\\].*/\\1/"); \
  frame=$(journalctl -b -u tapsheet-kiosk -o short-monotonic | grep -m1 "first frame presented" | sed "s/^\\[ *\\([0-9.]*\\)\\].*/\\1/"); \
  echo "VM-FIRST-FRAME boot $frame service-start $start" >/dev/ttyS0'
[Install]
WantedBy=multi-user.target
EOF
  # Before the kiosk starts, at every boot: its results file's integrity
  # and a copy of it, to the host (run as the kiosk's user, so any -wal or
  # -shm file sqlite3 makes stays the kiosk's).
  cat >"$root/usr/local/sbin/vm-boot-check" <<'EOF'
#!/bin/sh
out=/run/vm-share
db=$(find /var/lib/tapsheet -name '*.db' -type f | head -1)
if [ -z "$db" ]; then
  echo "no results file yet" >$out/boot-check.tmp
else
  # One sqlite3 for both (each start costs a second under TCG).
  rm -f /tmp/boot.db
  ok=$(sqlite3 "$db" "PRAGMA integrity_check" ".backup /tmp/boot.db" 2>&1 | tr '\n' ' ' | sed 's/ $//')
  cp /tmp/boot.db $out/boot.db
  echo "integrity $ok" >$out/boot-check.tmp
fi
mv $out/boot-check.tmp $out/boot-check.txt
EOF
  chmod 755 "$root/usr/local/sbin/vm-boot-check"
  cat >"$root/etc/systemd/system/vm-boot-check.service" <<'EOF'
[Unit]
Description=tell the host the results file's integrity and give it a copy, before the kiosk starts
RequiresMountsFor=/run/vm-share /var/lib/tapsheet
Before=tapsheet-kiosk.service
[Service]
Type=oneshot
User=tapsheet
ExecStart=/usr/local/sbin/vm-boot-check
[Install]
WantedBy=multi-user.target
EOF
  # The journal on the console too: vm_guest_test's log of each boot.
  mkdir -p "$root/etc/systemd/journald.conf.d"
  printf '[Journal]\nForwardToConsole=yes\nTTYPath=/dev/ttyS0\nMaxLevelConsole=info\n' \
    >"$root/etc/systemd/journald.conf.d/vm-console.conf"
  in_guest "$root" systemctl enable tapsheet-kiosk.service vm-first-frame.service vm-boot-check.service vm-threads.service \
    >/dev/null 2>&1 || fail "systemctl enable in the guest"
  # No root password, no getty: nobody logs in to a kiosk. And none of the
  # housekeeping a Debian system does at boot or on a timer (ext4 snapshot
  # clean-up, apt, man-db): under TCG, e2scrub_reap alone took 5 s of the
  # two CPUs while the kiosk started, at each of some twenty boots.
  in_guest "$root" systemctl mask serial-getty@ttyS0.service getty@tty1.service e2scrub_reap.service \
    e2scrub_all.timer apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer fstrim.timer man-db.timer \
    >/dev/null 2>&1 || true
  # The initramfs needs only the disk (virtio, ext4): Debian's (MODULES=most,
  # 36 MB) took seconds of each boot to unpack and to probe its modules.
  printf 'virtio_pci\nvirtio_blk\next4\n' >>"$root/etc/initramfs-tools/modules"
  sed -i 's/^MODULES=.*/MODULES=list/' "$root/etc/initramfs-tools/initramfs.conf"
  in_guest "$root" update-initramfs -u >"$WORK/initramfs.log" 2>&1 ||
    { tail -20 "$WORK/initramfs.log"; fail "update-initramfs in the guest"; }
}

# The guest's machine, without its console (boot() sends that to a file,
# vm_guest_test to its log). cache=writethrough: the guest's writes reach
# the host's file before they are acknowledged, so a killed QEMU loses only
# what the guest had not yet written, as a power cut does. No PS/2 or
# VMware mouse (i8042, vmport): a Pi has neither, and either would take
# QMP's button events away from the virtio tablet the kiosk reads. Two
# heads: QEMU reports the second connected only once a front end asks for
# a size on it, which `vm_tool head` does through a VNC server bound to it.
qemu_args() {
  printf '%s\n' "$(command -v qemu-system-x86_64)" -machine q35,i8042=off,vmport=off -accel tcg -m 1024 -smp 2 -cpu max \
    -kernel "$WORK/vmlinuz" -initrd "$WORK/initrd.img" -append "root=/dev/vda rw console=ttyS0 loglevel=4 systemd.show_status=0" \
    -drive "file=$WORK/disk.raw,format=raw,if=virtio,cache=writethrough" \
    -vga none -device "virtio-gpu-pci,id=gpu,max_outputs=2,xres=${SIZE%x*},yres=${SIZE#*x}" \
    -vnc "unix:$WORK/vnc.sock,display=gpu,head=1" -device virtio-tablet-pci \
    -device virtio-keyboard-pci -virtfs "local,path=$WORK/share,mount_tag=share,security_model=none,id=share" \
    -qmp "unix:$WORK/qmp.sock,server=on,wait=off" -display none -nic none -monitor none
}

boot() {
  local args
  mapfile -t args < <(qemu_args)
  "${args[@]}" -serial "file:$WORK/serial.log" &
  qemu_pid=$!
  # The second head on before the guest's kernel looks (held until QEMU ends).
  build/release/tests/vm/vm_tool head "$WORK/vnc.sock" "${BOARD_SIZE%x*}" "${BOARD_SIZE#*x}" &
}

# Waits for a line of the serial console matching $1, at most $2 s.
wait_serial() {
  for _ in $(seq $(($2 * 4))); do
    grep -a -m1 "$1" "$WORK/serial.log" 2>/dev/null && return 0
    kill -0 "$qemu_pid" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

host_packages
build_base
pass "a minimal Debian $RELEASE guest with a kernel"
[ "$prepare" = no ] || exit 0

WORK=$(mktemp -d /var/tmp/tapsheet-vm.XXXXXX)
qemu_pid=""
cleanup() {
  if [ -n "$qemu_pid" ]; then kill -9 "$qemu_pid" 2>/dev/null || true; fi
  if [ "$keep" = yes ]; then echo "vm-test: the run's files are in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

deb=$(deploy/package.sh 2>"$WORK/package.log") || { cat "$WORK/package.log"; fail "deploy/package.sh"; }
cmake --build --preset release --target vm_tool vm_guest_test >"$WORK/vm_tool.log" 2>&1 ||
  { cat "$WORK/vm_tool.log"; fail "vm_tool, vm_guest_test"; }
vm_tool=build/release/tests/vm/vm_tool
make_guest "$WORK/root" "$deb"
truncate -s 3G "$WORK/disk.raw"
mkfs.ext4 -q -F -d "$WORK/root" "$WORK/disk.raw"
# QEMU boots the guest's own kernel directly (no boot loader to emulate).
kernels=("$WORK"/root/boot/vmlinuz-*) initrds=("$WORK"/root/boot/initrd.img-*)
cp "${kernels[0]}" "$WORK/vmlinuz"
cp "${initrds[0]}" "$WORK/initrd.img"
rm -rf "$WORK/root"
pass "installed $(basename "$deb") in the guest; the kiosk enabled with the KMSDRM drop-in"

mkdir -m 1777 "$WORK/share"
started=$SECONDS
boot
line=$(wait_serial "VM-FIRST-FRAME" 300) || { tail -30 "$WORK/serial.log"; fail "no first frame within 300 s of boot"; }
host_seconds=$((SECONDS - started))
read -r _ _ guest_frame _ guest_start <<<"$line"
service_to_frame=$(awk -v a="$guest_start" -v b="$guest_frame" 'BEGIN {printf "%.2f", b - a}')
pass "the kiosk's first frame after boot: $host_seconds s from QEMU's start (host clock);" \
  "guest clock: kernel start to first frame $guest_frame s, service start to first frame $service_to_frame s"

sleep 3 # a few frames more under TCG's few frames a second
grep -q "^state	screen	attract" "$WORK/share/kiosk.probe" 2>/dev/null ||
  fail "the guest's kiosk wrote no probe saying attract in the shared folder"
pass "the guest's kiosk writes its probe to the host's shared folder (9p): on the attract screen"
build/release/tapsheet screenshot --role kiosk --screen attract --size "$SIZE" --content assets/content/default.toml \
  --out "$WORK/attract-host.png" >"$WORK/screenshot.log" 2>&1 || { cat "$WORK/screenshot.log"; fail "tapsheet screenshot"; }
# The same screen drawn by Mesa on the guest's DRM device and offscreen
# here: equal but for the screen care drift (a shift, found by vm_tool)
# and anti-aliasing. Threshold: under 1% of pixels differ by more than 32
# in a channel. A different screen (the PIN pad) must fail it.
same_screen() { # PNG PNG: prints the comparison, true when they match
  local result differing
  result=$("$vm_tool" compare "$1" "$2")
  echo "$result"
  differing=$(sed -n 's/.* differing \([0-9.]*\)%.*/\1/p' <<<"$result")
  awk -v d="$differing" 'BEGIN {exit !(d < 1.0)}'
}
# GUEST HOST SECONDS [HEAD]: screendumps head HEAD (0, the kiosk's, unless
# given) to GUEST until it shows HOST's screen, for up to SECONDS (TCG draws
# a few frames a second); the last comparison is left in $result.
screen_becomes() {
  local give_up=$((SECONDS + $3))
  while :; do
    "$vm_tool" qmp "$WORK/qmp.sock" screendump "$1" "${4:-0}" || fail "QMP screendump of head ${4:-0}"
    result=$(same_screen "$1" "$2") && return 0
    [ "$SECONDS" -lt "$give_up" ] || return 1
    sleep 2
  done
}
build/release/tapsheet screenshot --role kiosk --screen pin-pad --size "$SIZE" --content assets/content/default.toml \
  --out "$WORK/pin-pad-host.png" >>"$WORK/screenshot.log" 2>&1 || { cat "$WORK/screenshot.log"; fail "tapsheet screenshot"; }
# The first frame is presented; the display may still show the console
# a moment (seen once under heavy load): up to a minute for the screen.
screen_becomes "$WORK/attract-guest.png" "$WORK/attract-host.png" 60 ||
  fail "the guest's attract screen is not tapsheet screenshot's: $result"
if control=$(same_screen "$WORK/attract-guest.png" "$WORK/pin-pad-host.png"); then
  fail "the comparison cannot tell the attract screen from the PIN pad: $control"
fi
pass "the guest's attract screen (QMP screendump) matches tapsheet screenshot's: $result (the PIN pad: $control)"

# The board on the second head, from the same process: as tapsheet
# screenshot draws it on an empty results file (made by a real kiosk).
grep -q "^display	${BOARD_SIZE%x*}.0	${BOARD_SIZE#*x}.0" "$WORK/share/kiosk.probe.board" 2>/dev/null ||
  fail "the guest's board is not on a ${BOARD_SIZE} display: $(grep -s ^display "$WORK/share/kiosk.probe.board")"
xvfb-run -a -s "-screen 0 1024x768x24" build/release/tapsheet kiosk --content assets/content/default.toml \
  --db "$WORK/empty.db" --locked no --windowed 800x480 --frames 3 >"$WORK/empty.log" 2>&1 ||
  { cat "$WORK/empty.log"; fail "an empty results file"; }
build/release/tapsheet screenshot --role board --view controls --size "$BOARD_SIZE" \
  --content assets/content/default.toml --db "$WORK/empty.db" --out "$WORK/board-host.png" \
  >>"$WORK/screenshot.log" 2>&1 || { cat "$WORK/screenshot.log"; fail "tapsheet screenshot --role board"; }
screen_becomes "$WORK/board-guest.png" "$WORK/board-host.png" 60 1 ||
  fail "the guest's second head is not the board as tapsheet screenshot draws it: $result"
pass "the board on the second head (${BOARD_SIZE}), as tapsheet screenshot draws it: $result"

# The staff gesture through the tablet: a finger held 3 s in the top-left
# corner opens the PIN pad (as tapsheet screenshot draws it); Cancel closes it.
probe_has() { # REGEX [SECONDS]: waits until the guest's probe has a matching line
  for _ in $(seq $((${2:-60} * 4))); do
    grep -qE "$1" "$WORK/share/kiosk.probe" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}
tap_target() { # ID: taps the centre of the guest's target ID, once it is enabled
  local xy
  probe_has "^target	$1	[^	]*	[0-9.]+	[0-9.]+	[0-9.]+	[0-9.]+	1	1	" 30 || fail "no enabled '$1' in the guest's probe"
  xy=$(awk -F'\t' -v id="$1" '$1 == "target" && $2 == id {printf "%d %d", ($4 + $6) / 2, ($5 + $7) / 2}' \
    "$WORK/share/kiosk.probe")
  # shellcheck disable=SC2086 # two numbers
  "$vm_tool" qmp "$WORK/qmp.sock" tap $xy || fail "QMP tap on $1"
  sleep 1 # past the kiosk's 0.35 s guard at TCG's frame rate
}
# Held 4.5 s: under TCG the kiosk may see the press a moment late.
"$vm_tool" qmp "$WORK/qmp.sock" hold 6 6 4.5 || fail "QMP hold"
probe_has "^target	pin-1	" || fail "the corner held 4.5 s did not open the PIN pad"
screen_becomes "$WORK/pin-pad-guest.png" "$WORK/pin-pad-host.png" 30 ||
  fail "the guest's PIN pad is not tapsheet screenshot's: $result"
pass "the corner held 4.5 s through the tablet: the PIN pad, as tapsheet screenshot draws it ($result)"
# (The PIN tapped in and the staff panel: vm_guest_test, below.)
tap_target pin-cancel
probe_has "^state	screen	attract" || fail "Cancel on the PIN pad did not go back to the attract screen"
pass "Cancel on the PIN pad: back to the attract screen"

# A tap through the guest's virtio tablet (evdev in the guest, SDL's
# KMSDRM input): "Tap to start" where the guest's kiosk says it drew it
# (its probe), then the first step must be on the screen.
read -r start_x start_y < <(awk -F'\t' '$1 == "target" && $2 == "start" {printf "%d %d\n", ($4 + $6) / 2, ($5 + $7) / 2}' \
  "$WORK/share/kiosk.probe" | tail -1)
[ -n "${start_x:-}" ] || fail "no start button in the guest kiosk's probe"
"$vm_tool" qmp "$WORK/qmp.sock" tap "$start_x" "$start_y" || fail "QMP input-send-event"
# The same start here (Xvfb, this machine's CPU), for the ratio: TCG's
# absolute figures are not a Pi's. The kiosk draws 5 frames and quits.
# shellcheck disable=SC2016 # the inner script's own variables
xvfb-run -a -s "-screen 0 ${SIZE}x24" bash -c 'date +%s.%N >"$1.start"
  build/release/tapsheet kiosk --content assets/content/default.toml --db "$1.db" --locked no --redraw always \
    --frames 5 2>&1 | while IFS= read -r line; do
    case $line in *"first frame presented"*) date +%s.%N >"$1.frame" ;; esac
  done' _ "$WORK/host-start"
host_frame=$(awk 'NR == 1 {s = $1} NR == 2 {printf "%.2f", $1 - s}' "$WORK/host-start.start" "$WORK/host-start.frame")
echo "vm-test: service start to first frame: guest $service_to_frame s, here $host_frame s" \
  "(x$(awk -v g="$service_to_frame" -v h="$host_frame" 'BEGIN {printf "%.0f", g / h}'))"
build/release/tapsheet screenshot --role kiosk --screen level --size "$SIZE" --content assets/content/default.toml \
  --out "$WORK/level-host.png" >>"$WORK/screenshot.log" 2>&1 || { cat "$WORK/screenshot.log"; fail "tapsheet screenshot"; }
screen_becomes "$WORK/level-guest.png" "$WORK/level-host.png" 60 ||
  fail "a tap on Tap to start ($start_x, $start_y) did not bring the first step: $result"
pass "a tap through QMP's absolute pointer at ($start_x, $start_y): the first step, as tapsheet screenshot draws it: $result"

# Keys that leave a desktop program must not leave the locked kiosk: Alt+F4,
# Escape, Ctrl+Alt+Backspace, and Ctrl+Alt+F2 (the kernel's switch to
# another console, with no X server to refuse it). Still the same step.
for combo in alt-f4 esc ctrl-alt-backspace ctrl-alt-f2; do
  "$vm_tool" qmp "$WORK/qmp.sock" key "$combo" || fail "QMP send-key $combo"
done
sleep 5
"$vm_tool" qmp "$WORK/qmp.sock" screendump "$WORK/after-keys.png" || fail "QMP screendump"
result=$(same_screen "$WORK/after-keys.png" "$WORK/level-host.png") ||
  fail "after Alt+F4, Escape, Ctrl+Alt+Backspace and Ctrl+Alt+F2 the kiosk's step is gone: $result"
pass "Alt+F4, Escape, Ctrl+Alt+Backspace, Ctrl+Alt+F2: still the kiosk's step ($result)"
# The keyboard is the board's under KMSDRM (SDL gives it to the window
# opened last): the board must still be there too.
screen_becomes "$WORK/board-after-keys.png" "$WORK/board-host.png" 20 1 ||
  fail "after those keys the board is gone from the second head: $result"
pass "and the board still on the second head ($result)"

# Whole visits and power cuts (tests/vm/power_cuts.cpp): the guest booted
# again and again, visits tapped through its tablet, QEMU killed with
# SIGKILL at a random moment each time; after every boot the guest's own
# check of its file, and every visit whose thank-you screen was seen in it.
kill -9 "$qemu_pid" 2>/dev/null || true
wait "$qemu_pid" 2>/dev/null || true
qemu_pid=""
qemu_args >"$WORK/qemu.args"
cuts=${TAPSHEET_VM_CUTS:-20}
seed=${TAPSHEET_VM_SEED:-$(date +%s)}
echo "vm-test: $cuts power cuts at random moments (seed $seed: TAPSHEET_VM_SEED=$seed repeats them)"
status=0
build/release/tests/vm/vm_guest_test "$WORK/qemu.args" "$WORK/qmp.sock" "$WORK/share" "$WORK" "$cuts" "$seed" "$PIN" \
  "$WORK/vnc.sock" "$BOARD_SIZE" || status=$?
if [ "$status" -ne 0 ]; then
  last=$(ls -t "$WORK"/boot-*.console.log 2>/dev/null | head -1)
  [ -z "$last" ] || { echo "vm-test: the end of $last:"; tail -40 "$last"; }
  fail "power cuts (vm_guest_test's exit status $status; over 128: killed by signal $((status - 128)))"
fi
pass "$cuts power cuts: after each boot the kiosk came back by itself, its file passed integrity_check, and every visit whose thank-you screen was seen was in it"
