#!/usr/bin/env bash
# Retakes the README's tour pictures in docs/ from the sample board: the
# window under Xvfb, the ledger and follow-ups in Chromium, and the first
# page of a session report.
#   scripts/screenshots.sh [BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/bin/soundingboard}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$root/scripts/window-test.sh" "$bin" "$root/docs/window.png"
(cd "$root/frontend" && SB_BIN="$bin" node e2e/tour.mjs "$root/docs")
"$bin" --db "$tmp/report.db" demo >/dev/null
"$bin" --db "$tmp/report.db" report session 1 -o "$tmp/session.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/session.pdf" "$root/docs/session-report"
ls -l "$root/docs"
