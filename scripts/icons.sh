#!/usr/bin/env bash
# Draws the application icon's PNGs (the hicolor theme's sizes) from assets/icons/twe-planner.svg
# with rsvg-convert (Debian's librsvg2-bin). Run after changing the SVG; the PNGs are committed
# so that a build needs no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" twe-planner.svg -o "hicolor/${size}x${size}/apps/twe-planner.png"
done
mkdir -p hicolor/scalable/apps
cp twe-planner.svg hicolor/scalable/apps/twe-planner.svg
