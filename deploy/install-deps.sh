#!/usr/bin/env bash
# Installs everything tapsheet needs to build, test and run, from Debian's
# packages, on Debian 12 / 13 or Raspberry Pi OS. Idempotent: a second run
# with everything present only checks and returns.
#
# Dear ImGui 1.90.1 (Debian 13's version) comes from Debian's `imgui` source
# package. On machines whose own apt does not offer it (Debian 12), it is
# fetched with `apt-get source` under a private apt configuration in the cache
# folder, reusing the Debian mirror the machine's apt already names, so the
# machine's own sources are never touched.
set -euo pipefail

IMGUI_VERSION=1.90.1
CACHE_DIR=${TAPSHEET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tapsheet}
IMGUI_DIR="$CACHE_DIR/imgui-$IMGUI_VERSION"

PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev clang-format
  libsdl2-dev libglfw3-dev libgl-dev libgles-dev libegl-dev
  libsqlite3-dev sqlite3 libtomlplusplus-dev libfreetype-dev
  libqrencode-dev libpng-dev libsodium-dev
  googletest libgtest-dev libgmock-dev
  fonts-noto-core fonts-dejavu-core
  xvfb xauth x11-utils procps libx11-dev libxtst-dev
  # tests/cli: which system calls `set-pin` makes to write the config.
  strace
  # The Debian package (deploy/package.sh, package-test.sh): cpack needs
  # `file` for dpkg-shlibdeps; systemd-analyze checks the units, and
  # deploy/service-test.sh boots them in a systemd-nspawn container.
  file systemd systemd-container debootstrap
  # A fleet (several kiosks, one board): the MQTT broker the board's machine
  # runs, its command-line clients, the client library app/fleet links, and
  # openssl for deploy/fleet-setup.sh (the event's CA and certificates).
  # tests/fleet starts a private mosquitto of its own.
  mosquitto mosquitto-clients libmosquitto-dev openssl
)

log() { printf 'install-deps: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "all ${#PACKAGES[@]} packages present"
    return
  fi
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The first Debian archive URI the machine's apt is configured with
# (deb822 .sources files first, then one-line sources.list entries).
machine_mirror() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' "$f" | grep -v -- '-security' | grep -E '/debian/?$' | head -1 || true)
    [ -n "$uri" ] && { echo "${uri%/}"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk '$1 == "deb" || $1 == "deb-src" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file|ftp):/) { print $i; break } }' "$f" |
      grep -v -- '-security' | grep -E '/debian/?$' | head -1 || true)
    [ -n "$uri" ] && { echo "${uri%/}"; return; }
  done
  return 1
}

have_imgui() {
  [ -f "$IMGUI_DIR/imgui.cpp" ] && grep -q "IMGUI_VERSION *\"$IMGUI_VERSION\"" "$IMGUI_DIR/imgui.h" 2>/dev/null
}

# Sources the system already ships (for example a future imgui source package).
system_imgui() {
  local d
  for d in /usr/src/imgui /usr/share/imgui /usr/share/imgui/src; do
    if [ -f "$d/imgui.cpp" ] && grep -q "IMGUI_VERSION *\"$IMGUI_VERSION\"" "$d/imgui.h" 2>/dev/null; then
      echo "$d"
      return
    fi
  done
  return 1
}

fetch_imgui() {
  if have_imgui; then
    log "Dear ImGui $IMGUI_VERSION sources present in $IMGUI_DIR"
    return
  fi
  local sys
  if sys=$(system_imgui); then
    log "using the system's Dear ImGui $IMGUI_VERSION sources in $sys"
    mkdir -p "$CACHE_DIR"
    rm -rf "$IMGUI_DIR"
    cp -r "$sys" "$IMGUI_DIR"
    return
  fi
  local mirror
  mirror=$(machine_mirror) || { log "no Debian mirror found in the machine's apt sources"; exit 1; }
  local apt_dir="$CACHE_DIR/apt"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/work"
  # Debian 13 (trixie) carries imgui 1.90.1; only its source index is needed.
  printf 'deb-src [signed-by=%s] %s trixie main\n' "$keyring" "$mirror" >"$apt_dir/sources.list"
  local opts=(
    -o "Dir::Etc::SourceList=$apt_dir/sources.list"
    -o "Dir::Etc::SourceParts=/nonexistent"
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir/cache"
    -o "APT::Sandbox::User=root"
    -o "Debug::NoLocking=1"
  )
  log "fetching the imgui source package (Debian 13) through a private apt configuration"
  apt-get "${opts[@]}" -q update >&2
  local version
  version=$(apt-cache "${opts[@]}" showsrc imgui | awk '/^Version:/ {print $2}' | grep "^$IMGUI_VERSION" | head -1 || true)
  [ -n "$version" ] || { log "imgui $IMGUI_VERSION is not in the trixie source index"; exit 1; }
  rm -rf "$apt_dir/work" && mkdir -p "$apt_dir/work"
  (cd "$apt_dir/work" && apt-get "${opts[@]}" -q source "imgui=$version" >&2)
  local src
  src=$(find "$apt_dir/work" -maxdepth 1 -mindepth 1 -type d -name 'imgui-*' | head -1)
  [ -f "$src/imgui.cpp" ] || { log "unpacked source has no imgui.cpp"; exit 1; }
  rm -rf "$IMGUI_DIR"
  mv "$src" "$IMGUI_DIR"
  rm -rf "$apt_dir/work"
  have_imgui || { log "fetched sources are not Dear ImGui $IMGUI_VERSION"; exit 1; }
  log "Dear ImGui $IMGUI_VERSION sources in $IMGUI_DIR"
}

install_packages
fetch_imgui
echo "$IMGUI_DIR"
