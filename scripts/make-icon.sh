#!/usr/bin/env bash
# Draws resources/icon.png (1024×1024): 校 in Noto Sans CJK SC Bold on a rounded square. Needs ImageMagick
# and fonts-noto-cjk. electron-builder derives the .ico and .icns from this one PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
font=$(fc-match -f '%{file}' 'Noto Sans CJK SC:style=Bold')
convert -size 1024x1024 xc:none \
  -fill '#b3261e' -draw 'roundrectangle 64,64 960,960 200,200' \
  -fill '#fff8f0' -font "$font" -pointsize 600 -gravity center -annotate +0+20 '校' \
  -depth 8 -define png:color-type=6 resources/icon.png
echo "wrote resources/icon.png"
