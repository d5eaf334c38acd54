#!/usr/bin/env bash
# Sets everything up and runs the demo: installs dependencies, builds, and
# starts `tapsheet demo` with the default content. Extra arguments go to it.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "demo.sh: no display found (DISPLAY/WAYLAND_DISPLAY unset). Run it from a desktop session," >&2
  echo "         or take screenshots instead: build/release/tapsheet screenshot --help" >&2
  exit 1
fi
exec build/release/tapsheet demo "$@"
