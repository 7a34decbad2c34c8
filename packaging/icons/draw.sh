#!/usr/bin/env bash
# Draws PoolLab's icon: a pool of connections as four bars (active blue, idle grey, waiting orange, as in every
# PoolLab chart) under a green throughput line, on a dark rounded square. Writes the PNG sizes Linux wants, a
# Windows .ico and a macOS .icns. Needs ImageMagick and python3.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 1024x1024 xc:none \
  -fill '#0d1117' -draw 'roundrectangle 40,40 984,984 180,180' \
  -fill '#0072B2' -draw 'roundrectangle 190,470 330,830 22,22' \
  -fill '#0072B2' -draw 'roundrectangle 370,390 510,830 22,22' \
  -fill '#999999' -draw 'roundrectangle 550,560 690,830 22,22' \
  -fill '#E69F00' -draw 'roundrectangle 730,680 870,830 22,22' \
  -stroke '#009E73' -strokewidth 44 -fill none \
  -draw 'stroke-linecap round stroke-linejoin round path "M 170,400 L 330,290 L 470,330 L 640,200 L 860,250"' \
  -stroke none -fill '#E6EDF3' -draw 'roundrectangle 150,870 890,900 14,14' \
  poollab-1024.png
for size in 16 24 32 48 64 128 256 512; do
  convert poollab-1024.png -resize ${size}x${size} poollab-${size}.png
done
convert poollab-16.png poollab-24.png poollab-32.png poollab-48.png poollab-64.png poollab-128.png poollab-256.png \
  poollab.ico
# ICNS: a header, then one PNG per entry type (ic07 128, ic08 256, ic09 512, ic10 1024 px).
python3 - <<'PY'
import struct
entries = b''
for kind, size in (('ic07', 128), ('ic08', 256), ('ic09', 512), ('ic10', 1024)):
    data = open(f'poollab-{size}.png', 'rb').read()
    entries += kind.encode() + struct.pack('>I', len(data) + 8) + data
open('poollab.icns', 'wb').write(b'icns' + struct.pack('>I', len(entries) + 8) + entries)
PY
# jpackage takes the Linux menu icons from the resource folder, named after each launcher.
cp poollab-256.png ../linux/PoolLab.png
cp poollab-256.png ../linux/poollab.png
