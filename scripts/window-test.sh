#!/usr/bin/env bash
# The real window: the production binary under Xvfb on a temp DB holding the
# sample board. The frontend calls App.Rendered once it has drawn real rows;
# the app writes that report to $SOUNDINGBOARD_READY_FILE, which proves the
# WebKitGTK page, the Go bindings and the database work together.
# A screenshot is kept in artifacts/window.png (or the path given second).
#   scripts/window-test.sh [BINARY] [SCREENSHOT.png]
set -euo pipefail
bin=$(realpath "${1:-build/bin/soundingboard}")
root=$(cd "$(dirname "$0")/.." && pwd)
shot=$(realpath -m "${2:-$root/artifacts/window.png}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$root/artifacts" "$(dirname "$shot")"

"$bin" --db "$tmp/window.db" demo
export SOUNDINGBOARD_READY_FILE="$tmp/ready.json"

xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
	"$0" --db "$1/window.db" >"$1/window.log" 2>&1 &
	pid=$!
	for i in $(seq 1 120); do
		[ -s "$SOUNDINGBOARD_READY_FILE" ] && break
		kill -0 $pid 2>/dev/null || { echo "window exited early:"; cat "$1/window.log"; exit 1; }
		sleep 0.5
	done
	[ -s "$SOUNDINGBOARD_READY_FILE" ] || { echo "no render report within 60 s:"; cat "$1/window.log"; kill $pid; exit 1; }
	sleep 1  # let the last frame paint before the screenshot
	import -window root "$2"
	# title and WM_CLASS (the .desktop file'"'"'s StartupWMClass matches it)
	if command -v xwininfo >/dev/null; then
		xwininfo -root -tree | grep -m1 "\"Sounding Board" | sed "s/^ */window: /" || true
	fi
	kill $pid; wait $pid 2>/dev/null || true
' "$bin" "$tmp" "$shot"

report=$(cat "$SOUNDINGBOARD_READY_FILE")
echo "window rendered: $report"
python3 - "$report" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
assert r["view"] == "board", r
assert r["members"] >= 25, f"expected the sample board (~30 members), got {r}"
assert r["rows"] > 0, f"no rows drawn: {r}"
PY
echo "window test: 1 passed, 0 failed"
