#!/usr/bin/env bash
# The package's systemd units under a real systemd, as root: boots a minimal
# Debian (this machine's release, from the mirror its apt uses, built once
# with debootstrap and kept in the cache folder) in a systemd-nspawn
# container, installs the .deb there with apt-get, and checks what only a
# running systemd can show:
#   - tapsheet-kiosk and tapsheet-board start as user tapsheet, and are
#     "active" only after READY=1 (Type=notify); the kiosk runs with the
#     unit's hardening in force (read-only /usr and /home, no privileges);
#   - the watchdog is fed (WatchdogSec shortened to 3 s: no restart), and a
#     hung kiosk (SIGSTOP) is killed by it and restarted;
#   - exit status 75 restarts without a failure, 0 stays stopped, 2 stays
#     failed, 1 restarts (a stand-in program exits with each);
#   - a fleet's board machine set up by the Raspberry Pi guide's section 8,
#     step by step: mosquitto with the event's TLS, passwords and ACL (and
#     the tapsheet drop-in), tapsheet-hub active after READY=1 as tapsheet,
#     hardened and feeding its watchdog, and the kiosk's unit (given kiosk-1's
#     [fleet] table) online at the hub through the broker, before and after
#     a broker restart.
# There is no GPU or touchscreen in the container: the units draw on an Xvfb
# display there (a drop-in sets DISPLAY, as the units' comments tell a
# desktop user to), so KMS/DRM itself is not exercised.
#
# Works whether or not systemd is PID 1 on this machine. Takes about 3
# minutes the first time (the container's system), under 1 minute after.
# With --prepare it only builds the container's system (deploy/test.sh runs
# that beside the builds).
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE_DIR=${TAPSHEET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tapsheet}
# shellcheck source=/dev/null
. /etc/os-release
RELEASE=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
ROOT=$CACHE_DIR/nspawn-$RELEASE
NSPAWN=(systemd-nspawn -q --register=no --keep-unit -D "$ROOT")
DROPIN_DIR=$ROOT/etc/systemd/system/tapsheet-kiosk.service.d

pass() { echo "service-test: ok      $*"; }
fail() {
  echo "service-test: FAILED  $*" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || fail "run as root: it boots a container"

# The first Debian archive the machine's apt names (deb822 or one-line).
machine_mirror() {
  cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' | grep -v -- -security | head -1 ||
    true
  awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file|ftp):/) {print $i; break}}' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v -- -security | head -1 || true
}

if [ ! -x "$ROOT/lib/systemd/systemd" ]; then
  mirror=$(machine_mirror | head -1)
  [ -n "$mirror" ] || fail "no Debian mirror in this machine's apt sources"
  echo "service-test: building a minimal Debian $RELEASE in $ROOT (once)"
  rm -rf "$ROOT"
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,xvfb,xauth,procps \
    "$RELEASE" "$ROOT" "$mirror" >"$CACHE_DIR/debootstrap.log" 2>&1 ||
    { tail -20 "$CACHE_DIR/debootstrap.log"; fail "debootstrap $RELEASE"; }
  # The container's apt uses the same sources as this machine.
  rm -f "$ROOT/etc/apt/sources.list"
  cp /etc/apt/sources.list.d/*.sources "$ROOT/etc/apt/sources.list.d/" 2>/dev/null || true
  if [ -f /etc/apt/sources.list ]; then cp /etc/apt/sources.list "$ROOT/etc/apt/"; fi
fi
pass "a minimal Debian $RELEASE to boot"
[ "${1:-}" != --prepare ] || exit 0

# nspawn keeps state under /run/systemd/nspawn and refuses to clean it up
# on a disk (where /run is not a tmpfs, as on machines without systemd).
mounted_run=no
if [ "$(stat -f -c %T /run 2>/dev/null)" != tmpfs ] && ! mountpoint -q /run/systemd/nspawn; then
  mkdir -p /run/systemd/nspawn
  mount -t tmpfs tmpfs /run/systemd/nspawn
  mounted_run=yes
fi
# The container is reused: each run starts from (and leaves) a system
# without tapsheet, its results or the test's units.
reset_container() {
  "${NSPAWN[@]}" dpkg --purge tapsheet >/dev/null 2>&1 || true
  "${NSPAWN[@]}" systemctl disable mosquitto.service >/dev/null 2>&1 || true
  rm -rf "$ROOT/var/lib/tapsheet" "$DROPIN_DIR" "$ROOT/etc/systemd/system/tapsheet-board.service.d" \
    "$ROOT/etc/systemd/system/xvfb.service" "$ROOT/var/tmp/tapsheet.deb" "$ROOT/etc/tapsheet" \
    "$ROOT/etc/systemd/system/tapsheet-hub.service.d" "$ROOT/etc/systemd/system/mosquitto.service.d" \
    "$ROOT/etc/mosquitto/tapsheet" "$ROOT/etc/mosquitto/conf.d/tapsheet.conf" "$ROOT/root/service-test" \
    "$ROOT/var/lib/mosquitto/mosquitto.db"
}
nspawn_pid=""
cleanup() {
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    kill "$nspawn_pid" 2>/dev/null || true
    wait "$nspawn_pid" 2>/dev/null || true
  fi
  reset_container
  if [ "$mounted_run" = yes ]; then umount /run/systemd/nspawn || true; fi
}
trap cleanup EXIT
reset_container

deb=$(deploy/package.sh 2>"$CACHE_DIR/package.log") || { cat "$CACHE_DIR/package.log"; fail "deploy/package.sh"; }
cp "$deb" "$ROOT/var/tmp/tapsheet.deb"
"${NSPAWN[@]}" --pipe sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q /var/tmp/tapsheet.deb' \
  >"$CACHE_DIR/nspawn-install.log" 2>&1 || { tail -20 "$CACHE_DIR/nspawn-install.log"; fail "apt-get install in the container"; }
pass "installed $(basename "$deb") in the container with apt-get"

# A display for the units (as on a desktop), and a short watchdog. The
# units' own command line once the program reads --config; until then the
# same settings as options.
exec_start=""
"${NSPAWN[@]}" /usr/bin/tapsheet kiosk --help 2>/dev/null | grep -- --config >/dev/null ||
  fail "this tapsheet takes no --config: the units' command line cannot run"
cat >"$ROOT/etc/systemd/system/xvfb.service" <<'EOF'
[Service]
ExecStart=/usr/bin/Xvfb :99 -screen 0 1024x768x24 -ac -nolisten tcp
EOF
for unit in kiosk board; do
  mkdir -p "$ROOT/etc/systemd/system/tapsheet-$unit.service.d"
  cat >"$ROOT/etc/systemd/system/tapsheet-$unit.service.d/test.conf" <<EOF
[Unit]
Requires=xvfb.service
After=xvfb.service
[Service]
Environment=DISPLAY=:99
WatchdogSec=3s
EOF
  if [ -n "$exec_start" ]; then
    printf 'ExecStart=\nExecStart=/usr/bin/tapsheet %s --db /var/lib/tapsheet/tapsheet.db\n' "$unit" \
      >>"$ROOT/etc/systemd/system/tapsheet-$unit.service.d/test.conf"
  fi
done
# A fleet's board machine, set up as the Pi guide's section 8 says (steps
# 1 to 5, its commands as written), with a kiosk of the fleet on the same
# system: the hub writes its own file here, as the kiosk writes the default.
# debootstrap's minbase writes no /etc/hosts (an installed Debian or
# Raspberry Pi OS has one): without it "localhost" does not resolve.
[ -f "$ROOT/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOT/etc/hosts"
"${NSPAWN[@]}" --pipe sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q mosquitto openssl' \
  >>"$CACHE_DIR/nspawn-install.log" 2>&1 || { tail -20 "$CACHE_DIR/nspawn-install.log"; fail "apt-get install mosquitto"; }
"${NSPAWN[@]}" --pipe sh -eu >"$CACHE_DIR/nspawn-fleet.log" 2>&1 <<'EOF' || { tail -20 "$CACHE_DIR/nspawn-fleet.log"; fail "the Pi guide's fleet steps"; }
/usr/libexec/tapsheet/fleet-setup service-test /root/service-test --hub-host localhost kiosk-1
cd /root/service-test
install -d -m 750 -g mosquitto /etc/mosquitto/tapsheet
install -m 644 mosquitto/ca.crt mosquitto/server.crt mosquitto/acl /etc/mosquitto/tapsheet/
install -m 640 -g mosquitto mosquitto/server.key mosquitto/passwd /etc/mosquitto/tapsheet/
install -m 644 mosquitto/tapsheet.conf /etc/mosquitto/conf.d/tapsheet.conf
install -D -m 644 /usr/share/doc/tapsheet/raspberrypi/mosquitto.service.d/tapsheet-db-check.conf \
  /etc/systemd/system/mosquitto.service.d/tapsheet-db-check.conf
systemctl enable mosquitto
install -d -m 750 -g tapsheet /etc/tapsheet/fleet
install -m 644 ca.crt hub.crt kiosk-1.crt /etc/tapsheet/fleet/
install -m 640 -g tapsheet hub.key hub.password kiosk-1.key kiosk-1.password /etc/tapsheet/fleet/
sed 's|^database = .*|database = "/var/lib/tapsheet/hub.db"|' hub.toml >hub-here.toml
install -m 640 -g tapsheet hub-here.toml /etc/tapsheet/hub.toml
systemctl enable tapsheet-hub
cat kiosk-1.toml >>/etc/tapsheet/tapsheet.toml
tapsheet validate --config /etc/tapsheet/tapsheet.toml
EOF
pass "the Pi guide's fleet set-up: fleet-setup, mosquitto's files and drop-in, the hub's and kiosk-1's files"
mkdir -p "$ROOT/etc/systemd/system/tapsheet-hub.service.d"
printf '[Service]\nWatchdogSec=3s\n' >"$ROOT/etc/systemd/system/tapsheet-hub.service.d/test.conf"
"${NSPAWN[@]}" systemctl enable tapsheet-kiosk.service tapsheet-board.service >/dev/null 2>&1
# A private network: the container's Xvfb :99 never meets a host display :99
# (X's abstract sockets belong to the network namespace).
"${NSPAWN[@]}" --private-network --boot >"$CACHE_DIR/nspawn-boot.log" 2>&1 &
nspawn_pid=$!
leader=""
for _ in $(seq 300); do
  # nspawn forks a short-lived helper before the container's init: wait for
  # the init itself (under load the helper was caught, then vanished).
  leader=$(pgrep -x -P "$nspawn_pid" systemd | head -1 || true)
  [ -n "$leader" ] && break
  sleep 0.1
done
[ -n "$leader" ] || fail "the container did not boot (see $CACHE_DIR/nspawn-boot.log)"
in_container() { nsenter -t "$leader" -a "$@"; }
property() { in_container systemctl show -p "$2" --value "$1"; }
# journald takes a moment to store what a service wrote.
journal_has() {
  for _ in $(seq 50); do
    in_container journalctl -b --no-pager -u "$1" | grep -- "$2" >/dev/null && return 0
    sleep 0.2
  done
  in_container journalctl -b --no-pager -u "$1" | tail -15
  return 1
}
wait_active() {
  for _ in $(seq 90); do
    [ "$(in_container systemctl is-active "$1" 2>/dev/null || true)" = active ] && return 0
    sleep 1
  done
  in_container journalctl -b --no-pager -u "$1" | tail -20
  return 1
}

for unit in tapsheet-kiosk.service tapsheet-board.service; do
  wait_active "$unit" || fail "$unit did not become active"
  journal_has "$unit" "first frame presented" || fail "$unit: no 'first frame presented' in the journal"
  [ "$(property "$unit" User)" = tapsheet ] || fail "$unit does not run as tapsheet"
  pass "$unit: active after READY=1, as user tapsheet, logging to the journal"
done
# The hardening is in force around the running kiosk, not only written down.
pid=$(property tapsheet-kiosk.service MainPID)
mounts=$(in_container cat "/proc/$pid/mountinfo")
awk '$5 == "/usr" && $6 ~ /(^|,)ro(,|$)/ {found = 1} END {exit !found}' <<<"$mounts" ||
  fail "/usr is not read-only for the kiosk (ProtectSystem=full)"
awk '$5 == "/home" && $6 ~ /(^|,)ro(,|$)/ {found = 1} END {exit !found}' <<<"$mounts" ||
  fail "/home is not read-only for the kiosk (ProtectHome=read-only)"
grep -q '^NoNewPrivs:[[:space:]]*1' <(in_container cat "/proc/$pid/status") || fail "the kiosk may gain privileges"
grep -q '^CapBnd:[[:space:]]*0000000000000000' <(in_container cat "/proc/$pid/status") ||
  fail "the kiosk has capabilities in its bounding set"
pass "the kiosk runs hardened: /usr and /home read-only, no new privileges, no capabilities"

# The fleet: the broker and the hub started at boot; the kiosk's unit
# reaches the hub through the broker (TLS, its password, the ACL).
wait_active mosquitto.service || fail "mosquitto did not become active with the guide's tapsheet.conf"
wait_active tapsheet-hub.service || fail "tapsheet-hub did not become active"
[ "$(property tapsheet-hub.service User)" = tapsheet ] || fail "tapsheet-hub does not run as tapsheet"
journal_has tapsheet-hub.service "writing /var/lib/tapsheet/hub.db" || fail "tapsheet-hub: no 'writing' line"
hub_pid=$(property tapsheet-hub.service MainPID)
grep -q '^CapBnd:[[:space:]]*0000000000000000' <(in_container cat "/proc/$hub_pid/status") ||
  fail "the hub has capabilities in its bounding set"
awk '$5 == "/" && $6 ~ /(^|,)ro(,|$)/ {found = 1} END {exit !found}' <(in_container cat "/proc/$hub_pid/mountinfo") ||
  fail "/ is not read-only for the hub (ProtectSystem=strict)"
pass "tapsheet-hub: active after READY=1 as tapsheet, / read-only, no capabilities"
# fleet-status exits 0 with kiosk-1 online once the kiosk's status came.
fleet_online() {
  local out=""
  for _ in $(seq 60); do
    out=$(in_container runuser -u tapsheet -- tapsheet fleet-status --config /etc/tapsheet/hub.toml 2>&1) &&
      grep -q '^kiosk-1 *online' <<<"$out" && return 0
    sleep 1
  done
  echo "$out"
  return 1
}
fleet_online || fail "kiosk-1 is not online at the hub (fleet-status above)"
pass "the kiosk's unit is online at the hub through mosquitto (fleet-status exit 0)"
in_container systemctl restart mosquitto.service
wait_active mosquitto.service || fail "mosquitto did not come back after a restart"
sleep 2
fleet_online || fail "kiosk-1 is not online at the hub after a broker restart"
[ "$(property tapsheet-hub.service NRestarts)" = 0 ] || fail "tapsheet-hub restarted when the broker did"
pass "a broker restart: the hub and the kiosk reconnect by themselves (neither restarted)"
sleep 8
for unit in tapsheet-kiosk.service tapsheet-board.service tapsheet-hub.service; do
  [ "$(property "$unit" NRestarts)" = 0 ] || fail "$unit restarted although it feeds the watchdog"
done
pass "8 s with WatchdogSec=3s and no restart: the kiosk, the board and the hub feed the watchdog"

pid=$(property tapsheet-kiosk.service MainPID)
in_container kill -STOP "$pid"
for _ in $(seq 30); do
  [ "$(property tapsheet-kiosk.service NRestarts)" != 0 ] && break
  sleep 1
done
journal_has tapsheet-kiosk.service "Watchdog timeout" || fail "a hung kiosk was not caught by the watchdog"
[ "$(property tapsheet-kiosk.service NRestarts)" != 0 ] || fail "the hung kiosk was not restarted"
wait_active tapsheet-kiosk.service || fail "the kiosk did not come back after the watchdog"
pass "a hung kiosk (SIGSTOP) is killed by the watchdog and restarted"
in_container systemctl stop tapsheet-kiosk.service tapsheet-board.service
[ "$(property tapsheet-kiosk.service Result)" = success ] || fail "stopping the kiosk is not a clean stop"
pass "systemctl stop: a clean stop (SIGTERM ends the loop)"
if [ "$(stat -c %a "$ROOT/var/lib/tapsheet")" != 750 ] || [ ! -f "$ROOT/var/lib/tapsheet/tapsheet.db" ]; then
  fail "no results database in /var/lib/tapsheet (mode 750)"
fi
pass "the results database is in /var/lib/tapsheet"

# The units' exit status handling, with a stand-in program in the kiosk's unit.
failures_logged() { in_container journalctl -b --no-pager -o cat -u tapsheet-kiosk.service | grep -c "Failed with result" || true; }
expect_after_exit() { # status state-or-any restarted(yes|no) failure-logged(yes|no) why
  cat >"$DROPIN_DIR/test.conf" <<EOF
[Service]
Type=simple
ExecStart=
ExecStart=/bin/sh -c 'sleep 1; exit $1'
EOF
  in_container systemctl daemon-reload
  in_container systemctl reset-failed tapsheet-kiosk.service 2>/dev/null || true
  local failures_before state restarts restarted=no logged=no
  failures_before=$(failures_logged)
  in_container systemctl start tapsheet-kiosk.service
  sleep 6
  state=$(property tapsheet-kiosk.service ActiveState)
  restarts=$(property tapsheet-kiosk.service NRestarts)
  in_container systemctl stop tapsheet-kiosk.service 2>/dev/null || true
  [ "$restarts" != 0 ] && restarted=yes
  [ "$(failures_logged)" != "$failures_before" ] && logged=yes
  if [ "$restarted" != "$3" ] || [ "$logged" != "$4" ] || { [ "$2" != any ] && [ "$state" != "$2" ]; }; then
    fail "exit $1: $state, restarted: $restarted, failure logged: $logged; expected ${2/any/-}, $3, $4"
  fi
  pass "exit $1: restarted: $restarted, failure logged: $logged ($5)"
}
expect_after_exit 75 any yes no "the admin panel's Restart"
expect_after_exit 0 inactive no no "the admin panel's Quit"
expect_after_exit 2 failed no yes "a bad option or config is not retried"
expect_after_exit 1 any yes yes "any other failure is retried"
in_container systemctl poweroff >/dev/null 2>&1 || true
wait "$nspawn_pid" 2>/dev/null || true
nspawn_pid=""
echo "service-test: all checks passed"
