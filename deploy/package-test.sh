#!/usr/bin/env bash
# Builds tapsheet's Debian package and proves it on this machine, as root:
# install with apt-get (dependencies resolved), the files, the user tapsheet
# and its groups, /var/lib/tapsheet, `systemd-analyze verify` of the
# installed units (systemd need not be PID 1), the installed program
# (validate, a kiosk and a board run as tapsheet on the results, export),
# then an upgrade to a higher revision that keeps the results and an edited
# config file, and remove and purge, which keep the results too.
#
# Each check prints a line as it passes; the first that fails stops the test
# with FAILED and a non-zero exit. At the end the package is purged, and what
# the test itself made is gone: its results folder, and the user tapsheet if
# it was not there before. CI runs it after deploy/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
STATE=/var/lib/tapsheet
MARKER=$STATE/.made-by-package-test # tells this test's results from an organiser's
CONFIG=/etc/tapsheet/tapsheet.toml
UNIT_DIR=/usr/lib/systemd/system
UNITS=(tapsheet-kiosk.service tapsheet-board.service tapsheet-hub.service)
HUB_CONFIG=/etc/tapsheet/hub.toml # the hub's own config (its [fleet] table), made by the organiser
ENABLED_LINK=/etc/systemd/system/multi-user.target.wants/tapsheet-kiosk.service

pass() { echo "package-test: ok      $*"; }
fail() {
  echo "package-test: FAILED  $*" >&2
  exit 1
}
check() { # check "what" command...: passes when the command succeeds
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

[ "$(id -u)" -eq 0 ] || fail "run as root: it installs and removes a package"

package_status() { dpkg-query -W -f='${Status}' tapsheet 2>/dev/null || true; }
package_known() { [ -n "$(package_status)" ] && [ "$(package_status)" != "unknown ok not-installed" ]; }

# --- the machine before ------------------------------------------------------
if [ -d "$STATE" ] && [ ! -f "$MARKER" ] && [ -n "$(ls -A "$STATE")" ]; then
  fail "$STATE holds results that are not this test's; run on a machine without them"
fi
if package_known && [ ! -f "$MARKER" ]; then
  fail "tapsheet is installed here ($(package_status)); purge it first"
fi
# Whether the user tapsheet was here before the test (then it stays); an
# earlier run that stopped half-way wrote down what it found.
user_existed=no
if [ -f "$MARKER" ]; then
  user_existed=$(cat "$MARKER")
elif getent passwd tapsheet >/dev/null; then
  user_existed=yes
fi

cleanup() {
  if package_known; then apt-get purge -y -q tapsheet >/dev/null 2>&1 || dpkg --purge tapsheet >/dev/null 2>&1 || true; fi
  if [ -f "$MARKER" ]; then rm -rf "$STATE"; fi
  rm -rf /var/cache/tapsheet "$ENABLED_LINK"
  if [ "$user_existed" = no ] && getent passwd tapsheet >/dev/null; then userdel tapsheet || true; fi
  if [ "$user_existed" = no ] && getent group tapsheet >/dev/null; then groupdel tapsheet || true; fi
  rm -rf "${work:-}"
}
# A run that stopped half-way left its package or its results behind.
if [ -f "$MARKER" ] || package_known; then cleanup; fi
work=$(mktemp -d /tmp/tapsheet-package-test.XXXXXX)
chmod 755 "$work" # apt's _apt user reads the .debs from here
trap cleanup EXIT

# --- the packages ------------------------------------------------------------
echo "package-test: building the packages (revisions 1 and 2)"
for revision in 1 2; do
  deploy/package.sh --revision "$revision" --out "$work/debs" >"$work/deb-$revision" 2>"$work/package.log" ||
    { cat "$work/package.log"; fail "deploy/package.sh --revision $revision"; }
done
deb1=$(cat "$work/deb-1")
deb2=$(cat "$work/deb-2")
pass "built $(basename "$deb1") and $(basename "$deb2")"
version1=$(dpkg-deb -f "$deb1" Version)
version2=$(dpkg-deb -f "$deb2" Version)
check "revision 2 ($version2) is newer than revision 1 ($version1)" dpkg --compare-versions "$version2" gt "$version1"

depends=$(dpkg-deb -f "$deb1" Depends)
echo "package-test: Depends: $depends"
for needed in libc6 libstdc++6 libsdl2-2.0-0 libglfw3 libsqlite3-0 libfreetype6 libpng16-16 libqrencode4 \
  'fonts-noto-core | fonts-dejavu-core' adduser libegl1; do
  case "$depends" in *"$needed"*) ;; *) fail "Depends lacks $needed" ;; esac
done
pass "Depends names the libraries (dpkg-shlibdeps), the fonts, EGL and adduser"
# Every dependency can be had: installed, or offered by this machine's apt.
IFS=',' read -ra groups <<<"$depends"
for group in "${groups[@]}"; do
  found=no
  IFS='|' read -ra alternatives <<<"$group"
  for alternative in "${alternatives[@]}"; do
    name=$(echo "$alternative" | sed 's/(.*)//; s/[[:space:]]//g')
    if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'ok installed' ||
      apt-cache policy "$name" 2>/dev/null | grep -q 'Candidate: [^(]'; then
      found=yes
    fi
  done
  [ "$found" = yes ] || fail "no package here satisfies the dependency '$group'"
done
pass "every dependency is installed or installable from this machine's apt sources"
conffiles=$(dpkg-deb --ctrl-tarfile "$deb1" | tar -xO ./conffiles)
check "the package marks $CONFIG as a conffile" [ "$conffiles" = "$CONFIG" ]

# --- install -----------------------------------------------------------------
apt-get install -y -q "$deb1" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install $deb1"; }
pass "apt-get install $(basename "$deb1")"
echo "$user_existed" >"$MARKER"
check "dpkg says tapsheet $version1 is installed" [ "$(dpkg-query -W -f='${Status} ${Version}' tapsheet)" = "install ok installed $version1" ]
for file in /usr/bin/tapsheet /usr/share/tapsheet/content/default.toml /usr/share/tapsheet/content/welsh-demo.toml \
  "$CONFIG" "$UNIT_DIR/tapsheet-kiosk.service" "$UNIT_DIR/tapsheet-board.service" "$UNIT_DIR/tapsheet-hub.service" \
  /usr/lib/sysusers.d/tapsheet.conf /usr/share/doc/tapsheet/README.md \
  /usr/share/doc/tapsheet/raspberrypi/mosquitto.service.d/tapsheet-db-check.conf; do
  [ -f "$file" ] || fail "missing $file"
done
pass "installed: the program, both content packs, the config, the three units, the sysusers.d file, the README, the mosquitto drop-in"
check "/usr/libexec/tapsheet/mosquitto-db-check (the mosquitto drop-in's ExecStartPre) is executable" \
  [ -x /usr/libexec/tapsheet/mosquitto-db-check ]
check "/usr/libexec/tapsheet/fleet-setup (the guide's \"A fleet\") is executable" [ -x /usr/libexec/tapsheet/fleet-setup ]
/usr/libexec/tapsheet/fleet-setup package-test "$work/fleet" --hub-host localhost kiosk-1 >/dev/null 2>"$work/fleet.log" ||
  { cat "$work/fleet.log"; fail "the installed fleet-setup"; }
key_modes=$(stat -c %a "$work"/fleet/{ca.key,kiosk-1.key,kiosk-1.password,hub.key,hub.password,mosquitto/server.key} | sort -u)
check "the installed fleet-setup made the event's files, keys and passwords readable by their owner only" \
  [ "$key_modes" = 600 ]
head -c 4096 /dev/zero >"$work/mosquitto.db" # a persistence file as a power cut can leave it
/usr/libexec/tapsheet/mosquitto-db-check "$work/mosquitto.db" 2>/dev/null || fail "mosquitto-db-check failed"
moved_aside() { [ ! -e "$work/mosquitto.db" ] && ls "$work"/mosquitto.db.damaged-* >/dev/null 2>&1; }
check "mosquitto-db-check moves a zeroed mosquitto.db aside" moved_aside
check "/usr/bin/tapsheet is executable" [ -x /usr/bin/tapsheet ]
if ldd /usr/bin/tapsheet | grep -q 'not found'; then fail "unresolved libraries: $(ldd /usr/bin/tapsheet | grep 'not found')"; fi
pass "every library /usr/bin/tapsheet links is present"
check "dpkg registered $CONFIG as a conffile" grep -q "$CONFIG" <(dpkg-query -W -f='${Conffiles}' tapsheet)

# The user, its groups and the results folder.
IFS=: read -r _ _ uid gid _ home shell < <(getent passwd tapsheet) || fail "no user tapsheet"
system_user() { [ "$uid" -lt 1000 ] && [ "$home" = "$STATE" ] && [ "$shell" = /usr/sbin/nologin ]; }
check "user tapsheet is a system user (uid $uid, home $home, shell $shell)" system_user
check "group tapsheet is the user's primary group" [ "$(getent group tapsheet | cut -d: -f3)" = "$gid" ]
# Even where the groups did not exist yet (a fresh chroot): systemd-sysusers.
for group in video render input; do
  check "tapsheet is in the group $group" grep -qw "$group" <(id -nG tapsheet)
done
check "$STATE is owned by tapsheet:tapsheet, mode 750" [ "$(stat -c '%U:%G %a' "$STATE")" = "tapsheet:tapsheet 750" ]
for unit in "${UNITS[@]}"; do
  if find /etc/systemd/system -name "$unit" -path '*.wants/*' | grep -q .; then fail "$unit was enabled by the install"; fi
done
pass "the install enabled no unit (the organiser does, with systemctl enable)"

# --- the units ---------------------------------------------------------------
pid1=$(ps -p 1 -o comm= || true)
units=("${UNITS[@]/#/$UNIT_DIR/}")
if ! verify=$(systemd-analyze verify "${units[@]}" 2>&1); then
  echo "$verify"
  fail "systemd-analyze verify ${UNITS[*]}"
fi
if echo "$verify" | grep -q tapsheet; then
  echo "$verify"
  fail "systemd-analyze verify warns about the units"
fi
pass "systemd-analyze verify: the units are clean (PID 1 here is '$pid1')"
for unit in "${UNITS[@]}"; do
  role=${unit#tapsheet-}
  role=${role%.service}
  config=$CONFIG
  [ "$role" != hub ] || config=$HUB_CONFIG
  for setting in Type=notify NotifyAccess=main WatchdogSec= Restart=on-failure SuccessExitStatus=75 \
    RestartForceExitStatus=75 RestartPreventExitStatus=2 User=tapsheet StateDirectory=tapsheet \
    "ExecStart=/usr/bin/tapsheet $role --config $config"; do
    grep -qx -- "$setting.*" "$UNIT_DIR/$unit" || fail "$unit lacks $setting"
  done
done
pass "the units: Type=notify, watchdog, restart on failure and on 75 (not on 2), user tapsheet, /var/lib/tapsheet"
grep -qx 'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6' "$UNIT_DIR/tapsheet-hub.service" ||
  fail "tapsheet-hub.service does not allow exactly Unix sockets, IPv4 and IPv6"
grep -q '^After=.*mosquitto.service' "$UNIT_DIR/tapsheet-hub.service" || fail "tapsheet-hub.service does not start after mosquitto"
pass "tapsheet-hub: after mosquitto, network limited to Unix sockets, IPv4 and IPv6"

# --- the installed program ---------------------------------------------------
check "tapsheet validate accepts the installed packs" \
  /usr/bin/tapsheet validate /usr/share/tapsheet/content/default.toml /usr/share/tapsheet/content/welsh-demo.toml
mkdir -p "$work/home" && chown tapsheet:tapsheet "$work/home"
as_tapsheet() { (cd "$work/home" && runuser -u tapsheet -- env HOME="$work/home" XDG_CACHE_HOME="$work/home/cache" "$@"); }
db=$STATE/tapsheet.db
as_tapsheet xvfb-run -a -s "-screen 0 1024x768x24" /usr/bin/tapsheet kiosk --windowed 800x480 --frames 3 --db "$db" \
  >"$work/kiosk.log" 2>&1 || { cat "$work/kiosk.log"; fail "the installed kiosk, run as tapsheet"; }
check "the kiosk, run as tapsheet, made its database in $STATE" [ -f "$db" ]
check "the database belongs to tapsheet" [ "$(stat -c %U "$db")" = tapsheet ]
as_tapsheet xvfb-run -a -s "-screen 0 1024x768x24" /usr/bin/tapsheet board --windowed 800x480 --frames 3 --db "$db" \
  >"$work/board.log" 2>&1 || { cat "$work/board.log"; fail "the installed board, run as tapsheet"; }
check "the installed program finds its own default pack in /usr/share/tapsheet" \
  grep -q "content /usr/share/tapsheet/content/default.toml" "$work/board.log"
# The units' own command line, with the installed config (whose database is
# $db), as far as a test display allows.
as_tapsheet xvfb-run -a -s "-screen 0 1024x768x24" /usr/bin/tapsheet kiosk --config "$CONFIG" \
  --windowed 800x480 --frames 3 >"$work/kiosk-config.log" 2>&1 ||
  { cat "$work/kiosk-config.log"; fail "tapsheet kiosk --config $CONFIG, run as tapsheet"; }
check "tapsheet kiosk --config $CONFIG runs as tapsheet, on the config's pack and database" \
  grep -q "content /usr/share/tapsheet/content/default.toml, results in $db" "$work/kiosk-config.log"
check "the installed config is not readable by everyone (it holds the PIN's hash)" \
  [ "$(stat -c %a:%U:%G "$CONFIG")" = 640:root:tapsheet ]
check "tapsheet validate --config passes on the installed config" /usr/bin/tapsheet validate --config "$CONFIG"
as_tapsheet sqlite3 "$db" >/dev/null <<'SQL' || fail "adding known visits with sqlite3"
INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, filtered)
  SELECT 'package-test-1', 'kiosk-test', hash, 'en', 1, '2024-04-11T09:00:00.000Z', '2024-04-11T09:01:00.000Z',
         'complete', 0 FROM packs LIMIT 1;
INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) VALUES
  ('package-test-1', 'level', 'system', '', '2024-04-11T09:00:05.000Z'),
  ('package-test-1', 'benefits', 'workplace-culture', '', '2024-04-11T09:00:40.000Z');
SQL
pass "two known answers stored in $db"
export_results() { as_tapsheet /usr/bin/tapsheet export --db "$db" --out "$work/home/$1" && cat "$work/home/$1"; }
before=$(export_results before.csv) || fail "tapsheet export"
check "tapsheet export: a header and the two answers" [ "$(printf '%s\n' "$before" | grep -c .)" -eq 3 ]
check "tapsheet export: labels from the pack ('System level', 'Improved workplace culture')" \
  grep -q "System level" <<<"$before"
grep -q "Improved workplace culture" <<<"$before" || fail "export lacks 'Improved workplace culture'"
results_sum=$(sha256sum "$db" | cut -d' ' -f1)

# --- upgrade -----------------------------------------------------------------
echo "# edited by deploy/package-test.sh" >>"$CONFIG"
systemctl enable "${UNITS[0]}" >/dev/null 2>&1 || fail "systemctl enable ${UNITS[0]}"
check "systemctl enable ${UNITS[0]} linked it into multi-user.target" [ -L "$ENABLED_LINK" ]
apt-get install -y -q "$deb2" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; fail "apt-get install $deb2"; }
pass "upgraded to $(basename "$deb2")"
check "dpkg says tapsheet $version2 is installed" [ "$(dpkg-query -W -f='${Version}' tapsheet)" = "$version2" ]
check "the edited config survived the upgrade" grep -q "edited by deploy/package-test.sh" "$CONFIG"
check "no .dpkg-dist or .dpkg-old copy was needed" [ -z "$(ls /etc/tapsheet/*.dpkg-* 2>/dev/null)" ]
check "the results database is byte for byte the same" [ "$(sha256sum "$db" | cut -d' ' -f1)" = "$results_sum" ]
check "$STATE is still tapsheet's, mode 750" [ "$(stat -c '%U:%G %a' "$STATE")" = "tapsheet:tapsheet 750" ]
check "the kiosk is still enabled" [ -L "$ENABLED_LINK" ]
after=$(export_results after-upgrade.csv) || fail "tapsheet export after the upgrade"
check "the upgraded program exports the same results" [ "$after" = "$before" ]

# --- remove, then purge --------------------------------------------------------
apt-get remove -y -q tapsheet >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get remove tapsheet"; }
check "removed: dpkg keeps only its config files" [ "$(package_status)" = "deinstall ok config-files" ]
program_gone() {
  [ ! -e /usr/bin/tapsheet ] && [ ! -e "$UNIT_DIR/tapsheet-kiosk.service" ] && [ ! -e "$UNIT_DIR/tapsheet-board.service" ] &&
    [ ! -e "$UNIT_DIR/tapsheet-hub.service" ] && [ ! -e /usr/libexec/tapsheet ]
}
check "removed: the program and the units are gone" program_gone
check "removed: the edited config is kept" grep -q "edited by deploy/package-test.sh" "$CONFIG"
check "removed: the results are kept, unchanged" [ "$(sha256sum "$db" | cut -d' ' -f1)" = "$results_sum" ]
apt-get purge -y -q tapsheet >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "apt-get purge tapsheet"; }
not_known() { ! package_known; }
check "purged: dpkg no longer knows tapsheet" not_known
check "purged: /etc/tapsheet is gone" [ ! -e /etc/tapsheet ]
not_linked() { [ ! -e "$ENABLED_LINK" ] && [ ! -L "$ENABLED_LINK" ]; }
check "purged: the enablement link is gone" not_linked
check "purged: the results are still there, unchanged" [ "$(sha256sum "$db" | cut -d' ' -f1)" = "$results_sum" ]
check "purged: the user tapsheet still owns them" [ "$(stat -c %U "$db")" = tapsheet ]
grep -q "results stay in $STATE" "$work/purge.log" || fail "purge did not tell where the results are"
pass "purge told the organiser where the results stay"

# --- the machine after -------------------------------------------------------
trap - EXIT
cleanup
check "clean: dpkg does not know tapsheet" not_known
nothing_left() { program_gone && [ ! -e /etc/tapsheet ] && [ ! -e "$STATE" ] && [ ! -e /var/cache/tapsheet ]; }
check "clean: no program, unit, config, cache or test results left" nothing_left
no_user() { ! getent passwd tapsheet >/dev/null; }
if [ "$user_existed" = no ]; then check "clean: the user tapsheet the test made is gone" no_user; fi
echo "package-test: all checks passed"
