#!/usr/bin/env bash
# Cross-builds tapsheet for arm64 (a Raspberry Pi with the 64-bit Raspberry Pi
# OS) on a Debian 12 / 13 x86_64 machine, as root, and runs the unit tests of
# that build under qemu-user: the proof that the Pi's build compiles, links
# against Debian's arm64 libraries and works, without a Pi.
#
#   deploy/cross-arm64.sh          # set up, build into build/arm64, run the tests
#   deploy/cross-arm64.sh --prepare   # only the set-up (packages)
#   deploy/cross-arm64.sh --build     # the set-up and the build, no tests
#
# It adds the arm64 architecture to dpkg, installs Debian's aarch64 cross
# compiler, qemu-user and the arm64 -dev packages (multiarch, into this
# machine's own root), builds with cmake/aarch64-linux-gnu.cmake and
# TAPSHEET_GLES=ON (the Pi's renderer), and runs ctest, which starts every
# arm64 test binary through qemu-aarch64 (CMAKE_CROSSCOMPILING_EMULATOR).
# The arm64 package indexes come from the mirrors the machine's apt already
# uses. Idempotent: a second run only checks, then rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${TAPSHEET_ARM64_BUILD:-build/arm64}
TOOLCHAIN=cmake/aarch64-linux-gnu.cmake
BINFMT=/proc/sys/fs/binfmt_misc

# Tools that run here (x86_64).
HOST_PACKAGES=(g++-aarch64-linux-gnu qemu-user qemu-user-binfmt file)
# What the arm64 build links against, and Mesa for its GL tests under Xvfb.
ARM64_PACKAGES=(
  libsdl2-dev libglfw3-dev libgles-dev libegl-dev libgl1-mesa-dri
  libsqlite3-dev libtomlplusplus-dev libfreetype-dev libqrencode-dev libpng-dev libsodium-dev
  libgtest-dev libgmock-dev libx11-dev libxtst-dev
  libmosquitto-dev # app/fleet: the kiosk's outbox and the hub speak MQTT through libmosquitto
)

log() { printf 'cross-arm64: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_get() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -q "$@"
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

missing_packages() {
  local p
  for p in "${HOST_PACKAGES[@]}"; do installed "$p" || echo "$p"; done
  for p in "${ARM64_PACKAGES[@]}"; do installed "$p:arm64" || echo "$p:arm64"; done
}

# Debian archives the machine's apt lists for its own architecture but not
# for arm64 (a source restricted with "Architectures:" or "[arch=...]"), as
# "URI suite component" lines. The mirror is whatever the machine uses.
sources_without_arm64() {
  local native
  native=$(dpkg --print-architecture)
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT) $(ARCHITECTURE)' \
    'Created-By: Packages' 'Origin: Debian' | sort -u |
    awk -v native="$native" '
      $4 == native { want[$1 " " $2 " " $3] = 1 }
      $4 == "arm64" { have[$1 " " $2 " " $3] = 1 }
      END { for (k in want) if (!(k in have)) print k }' | sort
}

# Adds arm64 to the Debian sources that leave it out, in a file of our own
# (the machine's own source files are not edited).
add_arm64_sources() {
  local missing file=/etc/apt/sources.list.d/tapsheet-arm64.sources
  missing=$(sources_without_arm64)
  [ -n "$missing" ] || return 0
  log "adding arm64 to the machine's Debian sources in $file"
  echo "$missing" | awk '
    { key = $1 " " $2; if (!(key in comps)) order[++n] = key; comps[key] = comps[key] " " $3 }
    END {
      for (i = 1; i <= n; i++) {
        split(order[i], k, " ")
        printf "Types: deb\nURIs: %s\nSuites: %s\nComponents:%s\nArchitectures: arm64\n", k[1], k[2], comps[order[i]]
        printf "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
      }
    }' | as_root tee "$file" >/dev/null
  apt_get update
}

setup_packages() {
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "adding the arm64 architecture to dpkg"
    as_root dpkg --add-architecture arm64
  fi
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  if [ -z "${missing// /}" ]; then
    log "cross toolchain, qemu-user and ${#ARM64_PACKAGES[@]} arm64 packages present"
    return
  fi
  log "installing: $missing"
  apt_get update
  add_arm64_sources
  # shellcheck disable=SC2086 # one word per package
  apt_get install -y --no-install-recommends $missing
}

# The tests start arm64 programs of their own (the tapsheet binary, the
# SIGKILL writer); the kernel runs those through qemu when binfmt_misc has
# the entry qemu-user-binfmt ships. Without systemd (containers) nobody
# registered it, so do it here. True when the kernel runs arm64 programs.
setup_binfmt() {
  local conf=/usr/lib/binfmt.d/qemu-aarch64.conf
  [ -e "$BINFMT/register" ] || as_root mount -t binfmt_misc binfmt_misc "$BINFMT" 2>/dev/null || true
  if [ ! -e "$BINFMT/qemu-aarch64" ] && [ -e "$BINFMT/register" ] && [ -f "$conf" ]; then
    log "registering qemu-aarch64 with binfmt_misc"
    grep -v '^#' "$conf" | as_root tee "$BINFMT/register" >/dev/null 2>&1 || true
  fi
  [ -e "$BINFMT/qemu-aarch64" ] && grep -qx enabled "$BINFMT/qemu-aarch64"
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja --toolchain "$TOOLCHAIN" -DTAPSHEET_GLES=ON -DTAPSHEET_ARCH_TESTS_ONLY=ON \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

check_binary() {
  local what
  what=$(file -b "$BUILD_DIR/tapsheet")
  echo "tapsheet: $what"
  case "$what" in
  *"ARM aarch64"*) ;;
  *) log "$BUILD_DIR/tapsheet is not an arm64 program"; exit 1 ;;
  esac
}

# The arm64 program itself, as a kiosk's service starts it: the default
# content validates and a kiosk screen renders to a PNG through GLES.
smoke_binary() {
  local png
  png=$(mktemp --suffix=.png)
  "$BUILD_DIR/tapsheet" validate assets/content/default.toml
  xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD_DIR/tapsheet" screenshot --role kiosk --screen attract \
    --size 800x480 --out "$png" --content assets/content/default.toml
  echo "tapsheet screenshot (arm64): $(file -b "$png")"
  rm -f "$png"
}

# ctest under a virtual X display (the X server is the machine's own; the
# arm64 programs are its clients, drawing with Mesa's llvmpipe under qemu).
run_tests() {
  local skip=KillTest
  echo "NOT BUILT for arm64 (TAPSHEET_ARCH_TESTS_ONLY): the suites that drive the same code through"
  echo "  processes and windows or test other programs, each run natively in deploy/test.sh:"
  echo "  cli (the subcommands; their code is the libraries tested here), e2e (kiosk and board windows"
  echo "  tapped through X; emulated, a visit run takes many times its native 90 s), fleet (mosquitto's"
  echo "  TLS, passwords and ACL; the fleet's own code is in the store suite, run here), bench and vm."
  echo "NOT RUN under qemu: KillTest.AcknowledgedWritesSurviveSigkill. Its guard that the 50 kills"
  echo "  hit a busy writer (at least 200 acknowledged answers) is sized for native speed; emulated,"
  echo "  the writer gets 130 to 310 answers written before it is killed, so it would fail at random."
  echo "  It runs natively in deploy/test.sh."
  if ! setup_binfmt || ! "$BUILD_DIR/tapsheet" --help >/dev/null 2>&1; then
    echo "NOT RUN: the store tests that start a second arm64 process (TwoProcessTest, DiskFullTest):"
    echo "  this kernel cannot run arm64 programs directly (no binfmt_misc entry for qemu-aarch64"
    echo "  here), only through ctest's qemu-aarch64."
    echo "NOT RUN: the arm64 program's own smoke check (validate, screenshot), for the same reason."
    skip="$skip|TwoProcessTest|DiskFullTest"
  else
    smoke_binary
  fi
  xvfb-run -a -s "-screen 0 1920x1080x24" \
    ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 900 -j "$(nproc)" -E "$skip"
}

start=$SECONDS
deploy/install-deps.sh >/dev/null
setup_packages
# --prepare: only the packages (deploy/test.sh installs them beside the builds).
[ "${1:-}" != --prepare ] || exit 0
echo "== build: arm64 ($BUILD_DIR)"
build
check_binary
# --build: deploy/test.sh builds beside the native tests, and tests later.
[ "${1:-}" != --build ] || exit 0
echo "== tests: arm64 under qemu-user"
run_tests
echo "== arm64 cross-build and tests took $((SECONDS - start)) s"
