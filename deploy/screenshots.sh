#!/usr/bin/env bash
# Renders every kiosk screen at the three reference sizes, and every board view
# at the TV and projector sizes, into docs/screenshots
# (or the folder given), with the project's own `tapsheet screenshot`.
# Usage: deploy/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
out=${2:-docs/screenshots}
mkdir -p "$out"
screens=(attract level aim improvement benefits reflect domains keyboard still-there thanks out-of-service)
for size in 800x480 720x1280 1920x1080; do
  for screen in "${screens[@]}"; do
    "$build/tapsheet" screenshot --role kiosk --screen "$screen" --size "$size" --out "$out/kiosk-$screen-$size.png" >/dev/null
  done
done
# The staff screens (PIN pad, panel tabs), over demo figures.
staff=(pin-pad pin-locked admin admin:texts admin:export admin:content admin:power admin:fleet admin:fleet-hub)
for size in 800x480 720x1280 1920x1080; do
  for screen in "${staff[@]}"; do
    "$build/tapsheet" screenshot --role kiosk --screen "$screen" --size "$size" \
      --out "$out/kiosk-${screen/:/-}-$size.png" >/dev/null 2>&1
  done
done
# The bilingual pack, in Welsh.
"$build/tapsheet" screenshot --role kiosk --content assets/content/welsh-demo.toml --screen attract --size 1280x800 \
  --out "$out/kiosk-welsh-attract-1280x800.png" >/dev/null
"$build/tapsheet" screenshot --role kiosk --content assets/content/welsh-demo.toml --lang cy --screen gains --size 1280x800 \
  --out "$out/kiosk-welsh-gains-1280x800.png" >/dev/null
# The board, with a deterministic set of demo visits (tapsheet writes them to a
# temporary database).
views=(poll poll:aim poll:improvement sheet domains crosstab totals timer evidence evidence:2 moderation controls)
for size in 1920x1080 1280x720; do
  for view in "${views[@]}"; do
    "$build/tapsheet" screenshot --role board --view "$view" --size "$size" --out "$out/board-${view/:/-}-$size.png" >/dev/null
  done
done
# The strip's fleet tag over a hub's file of eight kiosks (made by the real
# writer, batches and ingest), and with the hub silent.
for size in 800x480 720x1280 1920x1080; do
  for view in fleet fleet-silent; do
    "$build/tapsheet" screenshot --role board --view "$view" --size "$size" --out "$out/board-$view-$size.png" >/dev/null
  done
done
"$build/tapsheet" screenshot --role board --content assets/content/welsh-demo.toml --lang cy --view sheet --size 1920x1080 \
  --out "$out/board-welsh-sheet-1920x1080.png" >/dev/null
echo "screenshots in $out"
