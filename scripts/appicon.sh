#!/usr/bin/env bash
# Draws build/appicon.png (1024×1024), the source of every app icon: Wails
# turns it into build/windows/icon.ico and the macOS .icns, and `make dist`
# scales it for the Linux hicolor theme. It is the top bar's mark (a ring
# around a dot, the sounding board listening) on a light rounded tile, in
# the app's navy. Needs ImageMagick; run it again only to change the icon.
set -euo pipefail
cd "$(dirname "$0")/.."
convert -size 1024x1024 xc:none \
	-fill '#f5f3ee' -stroke '#d9dde6' -strokewidth 6 -draw 'roundrectangle 72,72 952,952 196,196' \
	-fill none -stroke '#b8c7de' -strokewidth 40 -draw 'circle 512,512 512,170' \
	-fill none -stroke '#2b4c7e' -strokewidth 64 -draw 'circle 512,512 512,262' \
	-fill '#2b4c7e' -stroke none -draw 'circle 512,512 512,392' \
	-strip PNG32:build/appicon.png
