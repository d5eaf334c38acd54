#!/usr/bin/env bash
# Builds tapsheet's Debian package: installs the build dependencies, builds
# the release preset's tapsheet (prefix /usr), and runs cpack. Prints the
# .deb's path (and only that) on stdout; build output goes to stderr.
#
#   deploy/package.sh [--revision N] [--out DIR]
#     --revision N  the Debian revision (default 1): 0.1.0-N
#     --out DIR     where the .deb goes (default build/package)
#
# Install it with `sudo apt-get install ./tapsheet_0.1.0-1_amd64.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."

revision=1
out=build/package
while [ $# -gt 0 ]; do
  case "$1" in
  --revision) revision=${2:?--revision needs a number}; shift 2 ;;
  --out) out=${2:?--out needs a folder}; shift 2 ;;
  *) echo "package.sh: unknown option '$1' (see the comment at the top)" >&2; exit 2 ;;
  esac
done
case "$revision" in
'' | *[!0-9]*) echo "package.sh: --revision takes a number, not '$revision'" >&2; exit 2 ;;
esac

deploy/install-deps.sh >/dev/null
cmake --preset release >&2
cmake --build --preset release --target tapsheet -j "$(nproc)" >&2

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/tapsheet_*-"$revision"_*.deb
(cd build/release && cpack -G DEB -B "$out" -D CPACK_DEBIAN_PACKAGE_RELEASE="$revision") >&2

debs=("$out"/tapsheet_*-"$revision"_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  echo "package.sh: cpack made no tapsheet_*-${revision}_*.deb in $out" >&2
  exit 1
fi
echo "${debs[0]}"
