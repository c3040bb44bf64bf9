#!/bin/sh
# Re-renders the committed PNG icons from bouncelens.svg. Run it after editing the SVG
# (needs rsvg-convert: apt-get install librsvg2-bin). The PNGs are committed so that
# building BounceLens does not need librsvg.
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --output "hicolor/${size}x${size}/apps/bouncelens.png" bouncelens.svg
done
