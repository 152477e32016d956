#!/usr/bin/env bash
# Figures Go benchmarks can't give: serve start (via the binary), binary
# size and frontend bundle size, against DESIGN.md's targets.
set -euo pipefail
bin=$(realpath "${1:-build/bin/soundingboard}")
cd "$(dirname "$0")/.."
SB_BIN="$bin" go test -run='^$' -bench=ServeStart -benchtime=20x ./cli
size=$(stat -c %s "$bin")
awk -v s="$size" 'BEGIN { printf "binary size: %.1f MB (target <= 25 MB)\n", s/1048576 }'
js=$(cat frontend/dist/assets/*.js frontend/dist/assets/*.css 2>/dev/null | gzip -9 | wc -c)
awk -v s="$js" 'BEGIN { printf "frontend bundle: %.1f KB gzipped (target <= 250 KB)\n", s/1024 }'
