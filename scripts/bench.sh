#!/usr/bin/env bash
# Figures Go benchmarks can't give: serve start (via the binary), idle CPU
# of serve on a team's board, binary size and frontend bundle size, against
# DESIGN.md's targets.
set -euo pipefail
bin=$(realpath "${1:-build/bin/soundingboard}")
cd "$(dirname "$0")/.."
SB_BIN="$bin" go test -run='^$' -bench=ServeStart -benchtime=20x ./cli
size=$(stat -c %s "$bin")
awk -v s="$size" 'BEGIN { printf "binary size: %.1f MB (target <= 25 MB)\n", s/1048576 }'
# The build keeps scripts and styles gzipped (-9), one file each.
js=$(cat frontend/dist/assets/*.js.gz frontend/dist/assets/*.css.gz 2>/dev/null | wc -c)
awk -v s="$js" 'BEGIN { printf "frontend bundle: %.1f KB gzipped (target <= 250 KB)\n", s/1024 }'

# idle_cpu INTERVAL SECONDS: the CPU serve uses on a team's board (the
# sample board) with nothing to sync, a pass every INTERVAL, measured over
# SECONDS from /proc/PID/stat (utime + stime).
idle_cpu() {
	local dir pid t0 t1
	dir=$(mktemp -d)
	mkdir "$dir/folder"
	"$bin" --db "$dir/board.db" demo >/dev/null
	"$bin" --db "$dir/board.db" team create --folder "$dir/folder" --person Bench >/dev/null
	SOUNDINGBOARD_SYNC_INTERVAL=$1 "$bin" --db "$dir/board.db" serve --addr 127.0.0.1:0 >/dev/null &
	pid=$!
	sleep 3 # started, first pass done
	t0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	sleep "$2"
	t1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	kill "$pid"
	wait "$pid" || true
	rm -rf "$dir"
	awk -v d=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v s="$2" -v i="$1" \
		'BEGIN { printf "idle serve on a team board, a pass every %s: %.2f%% CPU over %ss (target < 1%%)\n", i, 100 * d / hz / s, s }'
}
idle_cpu 1s 20
idle_cpu 10s 60

# The room's page on a phone on Chromium's "Fast 3G" preset: open to the
# first names to tap (target < 3 s).
(cd frontend && SB_BIN="$bin" node e2e/room-fast3g.mjs)
