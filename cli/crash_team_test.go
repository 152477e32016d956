package cli

// Crash safety of team sync: SIGKILL `team sync` while it writes this
// laptop's segment files, and while it applies a teammate's; once a pass
// gets through, no change is lost and none is there twice. The knobs are
// those of crash_test.go: the log is the sample board plus SB_CRASH_ROWS
// imported members (about 27 changes each; a segment holds about 50,000).
//
// Each cycle starts again from the same snapshot (the database and the
// folder) and kills pass after pass, each after a random delay within the
// length of an unkilled pass, until a pass ends on its own; the kills are
// counted by where they landed.

import (
	"context"
	"fmt"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// sbOK runs the command line in-process and fails the test unless it
// succeeds; it returns the output.
func sbOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := sb(t, args...)
	if code != 0 {
		t.Fatalf("%s: %d %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// timed runs `soundingboard ARGS…` as a process of its own, to the end,
// and returns how long it took.
func timed(t *testing.T, e crashEnv, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	if out, err := e.command(args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v: %s", strings.Join(args, " "), err, out)
	}
	return time.Since(start)
}

// snapshot copies a database and the team folder aside; the function it
// returns puts them back.
func snapshot(t *testing.T, db, folder string) (restore func()) {
	t.Helper()
	base := t.TempDir()
	copyFile(t, db, filepath.Join(base, "board.db"))
	if err := os.CopyFS(filepath.Join(base, "folder"), os.DirFS(folder)); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		copyFile(t, filepath.Join(base, "board.db"), db)
		if err := os.RemoveAll(folder); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(folder, os.DirFS(filepath.Join(base, "folder"))); err != nil {
			t.Fatal(err)
		}
	}
}

// landed counts where the kills of a scenario fell.
type landed struct {
	early  int // no file done yet, within the time a pass with nothing to do takes
	mid    int // before the work was done
	inFile int // of those: a segment file half written (its temporary file left)
	after  int // the work was done, the process not yet gone
}

func (l landed) String() string {
	return fmt.Sprintf("kills mid-work %d (%d inside a file write), early (start-up or first file) %d, after the work %d",
		l.mid, l.inFile, l.early, l.after)
}

// count files the kill after delay d: progress tells whether files got
// done since the pass began, done whether all of them are, idle is how
// long a pass with nothing to do takes.
func (l *landed) count(d, idle time.Duration, progress, done bool) {
	switch {
	case done:
		l.after++
	case progress || d > idle:
		l.mid++
	default:
		l.early++
	}
}

// killPasses starts `team sync` on db again and again, SIGKILLing each
// pass after a random delay, until one ends on its own or the kills run
// out. state reads (after reopening db, checked) how many files are done
// (last when all are), whether the work is done, and how many temporary
// files kills left. The delay falls from half the start-up (idle, a pass
// with nothing to do) to the end of an unkilled pass (full, updated by
// every whole pass that ends first), shortened to the share of files still
// to do: most kills land in the work, some before it and some after. A
// pass that ends on its own then runs, so the cycle ends with the work
// done.
func killPasses(t *testing.T, e crashEnv, rng *rand.Rand, db string, full *time.Duration, idle time.Duration, last int, c *tally, l *landed,
	state func(*store.DB) (files int, done bool, partials int),
) {
	t.Helper()
	read := func() (int, bool, int) {
		d := reopen(t, db, c)
		defer d.Close()
		return state(d)
	}
	files, _, partials := read()
	total := max(last-files, 1)
	for c.kills < e.kills && !t.Failed() {
		cmd := e.command("--db", db, "team", "sync")
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		share := float64(max(last-files, 1)) / float64(total)
		d := idle/2 + time.Duration(rng.Int63n(max(int64(float64(*full-idle/2)*share), 1)))
		if !killAfter(t, cmd, d) {
			c.finished++
			if files == last-total {
				// A whole pass, unkilled: the machine's pace now (other
				// work on it changes it), for the next kills.
				*full = time.Since(start)
			}
			return
		}
		c.kills++
		nowFiles, done, nowPartials := read()
		l.count(d, idle, nowFiles > files, done)
		if nowPartials > partials {
			l.inFile++
		}
		files, partials = nowFiles, nowPartials
	}
	timed(t, e, "--db", db, "team", "sync")
}

// segments lists device's segment files in folder by seq (name and size),
// and counts its temporary files left by a kill.
func segments(t *testing.T, folder, device string) (files map[uint64]string, partials int) {
	t.Helper()
	dev, err := teamfile.ParseDeviceID(device)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(teamfile.Dir(folder, dev))
	if err != nil {
		t.Fatal(err)
	}
	files = map[uint64]string{}
	for _, en := range entries {
		if strings.HasSuffix(en.Name(), ".partial") {
			partials++
		}
		h, ok := teamfile.ParseName(en.Name())
		if !ok || h.Kind != teamfile.KindSegment {
			continue
		}
		if other, dup := files[h.Seq]; dup {
			t.Errorf("segment %d twice: %s and %s", h.Seq, other, en.Name())
		}
		info, err := en.Info()
		if err != nil {
			t.Fatal(err)
		}
		files[h.Seq] = fmt.Sprintf("%s %d bytes", en.Name(), info.Size())
	}
	return files, partials
}

// wantSegments fails t unless files are segments 1..n, with no gap.
func wantSegments(t *testing.T, files map[uint64]string) {
	t.Helper()
	seqs := slices.Sorted(func(yield func(uint64) bool) {
		for s := range files {
			if !yield(s) {
				return
			}
		}
	})
	for i, s := range seqs {
		if s != uint64(i+1) {
			t.Errorf("segments %v: a gap before %d", seqs, s)
			return
		}
	}
}

// teamRow is what the checks read of a board's team state.
type teamRow struct {
	Device string `db:"device"`
	Seq    uint64 `db:"segment_seq"`
	Upto   int64  `db:"segment_upto"`
	MaxOwn int64  `db:"max_own"`
}

func readTeamRow(t *testing.T, db *store.DB) teamRow {
	t.Helper()
	var r teamRow
	if err := db.Get(&r, `SELECT s.device, t.segment_seq, t.segment_upto,
		coalesce((SELECT max(seq) FROM changes WHERE device = s.device), 0) AS max_own FROM sync_self s, team_self t`); err != nil {
		t.Fatal(err)
	}
	return r
}

// cursor is how many of device's segments db applied.
func cursor(t *testing.T, db *store.DB, device string) uint64 {
	t.Helper()
	var n uint64
	if err := db.Get(&n, `SELECT coalesce((SELECT seq FROM team_cursor WHERE device = ? AND kind = ?), 0)`,
		device, teamfile.KindSegment); err != nil {
		t.Fatal(err)
	}
	return n
}

// perDevice is how many changes of each device db's log holds.
func perDevice(t *testing.T, db *store.DB) string {
	t.Helper()
	var rows []string
	if err := db.Select(&rows, `SELECT device || ' ' || count(*) FROM change_fields GROUP BY device ORDER BY device`); err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, ", ")
}

// sameBoards fails t unless boards a and b hold the same rows and the
// same changes of each device, and b applied every segment of a's.
func sameBoards(t *testing.T, a, b string) {
	t.Helper()
	open := func(path string) *store.DB {
		db, err := store.OpenReadOnly(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	da, db := open(a), open(b)
	defer da.Close()
	defer db.Close()
	if x, y := storetest.Dump(t, da), storetest.Dump(t, db); x != y {
		t.Errorf("the boards differ: %d rows and %d rows; first difference: %s", strings.Count(x, "\n"), strings.Count(y, "\n"), firstDiff(x, y))
	}
	if x, y := perDevice(t, da), perDevice(t, db); x != y {
		t.Errorf("changes per device: %s here, %s on the teammate's", x, y)
	}
	ra := readTeamRow(t, da)
	if got := cursor(t, db, ra.Device); got != ra.Seq {
		t.Errorf("the teammate applied %d segments of %d", got, ra.Seq)
	}
}

func firstDiff(x, y string) string {
	xs, ys := strings.Split(x, "\n"), strings.Split(y, "\n")
	for i := range min(len(xs), len(ys)) {
		if xs[i] != ys[i] {
			return fmt.Sprintf("%q / %q", xs[i], ys[i])
		}
	}
	return "one is longer"
}

// teamBoards is Ana's board in a team and the team's folder, in dir:
// the sample board, or under -race by default 20 members (the sample board
// alone takes some 50 s to load, bring into the team and join there).
func teamBoards(t *testing.T, e crashEnv) (dir, ana, folder string) {
	t.Helper()
	dir = t.TempDir()
	ana, folder = filepath.Join(dir, "ana.db"), filepath.Join(dir, "team")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	if e.small {
		var csv strings.Builder
		csv.WriteString("Name,Email,Tags\n")
		for i := range 20 {
			fmt.Fprintf(&csv, "Existing %d,existing%d@example.com,\"small, board\"\n", i, i)
		}
		sbOK(t, "--db", ana, "members", "import", writeFile(t, dir, "small.csv", csv.String()))
	} else {
		sbOK(t, "--db", ana, "demo")
	}
	sbOK(t, "--db", ana, "team", "create", "--folder", folder, "--person", "Ana")
	return dir, ana, folder
}

// join makes a new board in dir that joins Ana's team.
func join(t *testing.T, dir, ana, folder string) string {
	t.Helper()
	bo := filepath.Join(dir, "bo.db")
	code := strings.TrimSpace(sbOK(t, "--db", ana, "team", "invite"))
	sbOK(t, "--db", bo, "team", "join", "--folder", folder, "--code", code, "--person", "Bo")
	return bo
}

// (d) Killed while writing its segments, a laptop writes each change out
// once: the same files, numbered 1..N, whatever the kills, and a new
// teammate gets every change.
func TestCrashTeamSyncWritingSegments(t *testing.T) {
	skipUnderRace(t)
	e := newCrashEnv(t)
	rng := rand.New(rand.NewSource(e.seed + 3))
	dir, ana, folder := teamBoards(t, e)
	sbOK(t, "--db", ana, "members", "import", membersCSV(t, dir, e.rows))
	restore := snapshot(t, ana, folder)

	// One pass to the end: how long it takes, and the files it writes.
	full := timed(t, e, "--db", ana, "team", "sync")
	idle := timed(t, e, "--db", ana, "team", "sync")
	var c tally
	state := func(db *store.DB) (int, bool, int) {
		r := readTeamRow(t, db)
		files, partials := segments(t, folder, r.Device)
		_, written := files[r.Seq]
		return len(files), r.Upto == r.MaxOwn && written, partials
	}
	read := func() (teamRow, map[uint64]string) {
		db := reopen(t, ana, &c)
		defer db.Close()
		r := readTeamRow(t, db)
		files, _ := segments(t, folder, r.Device)
		return r, files
	}
	want, wantFiles := read()
	wantSegments(t, wantFiles)
	t.Logf("a pass writing %d segments (%d changes) takes %v here, one with nothing to do %v; seed %d",
		len(wantFiles), want.MaxOwn, full.Round(time.Millisecond), idle.Round(time.Millisecond), e.seed)

	var l landed
	for cycle := 0; c.kills < e.kills && cycle < 2*e.kills && !t.Failed(); cycle++ {
		restore()
		killPasses(t, e, rng, ana, &full, idle, len(wantFiles), &c, &l, state)
		got, files := read()
		wantSegments(t, files)
		if !maps.Equal(files, wantFiles) || got.Seq != want.Seq || got.Upto != got.MaxOwn {
			c.corruptions++
			t.Errorf("cycle %d: segments %v (last %d, up to change %d of %d), want %v (last %d)",
				cycle, files, got.Seq, got.Upto, got.MaxOwn, wantFiles, want.Seq)
		} else {
			c.verified++
		}
	}

	// A new teammate gets every change of Ana's, once.
	bo := join(t, dir, ana, folder)
	sbOK(t, "--db", ana, "team", "sync")
	sbOK(t, "--db", bo, "team", "sync")
	sameBoards(t, ana, bo)
	t.Logf("crash team sync, writing (seed %d): %v; %v", e.seed, l, c)
}

// (e) Killed while applying a teammate's segments, a laptop applies each
// once: it ends with the teammate's board, every change of the teammate's
// log once, and its cursor on the last segment.
func TestCrashTeamSyncApplyingSegments(t *testing.T) {
	skipUnderRace(t)
	e := newCrashEnv(t)
	rng := rand.New(rand.NewSource(e.seed + 4))
	dir, ana, folder := teamBoards(t, e)
	bo := join(t, dir, ana, folder)
	sbOK(t, "--db", ana, "members", "import", membersCSV(t, dir, e.rows))
	sbOK(t, "--db", ana, "team", "sync") // writes the import out, lets Bo in
	db, err := store.OpenReadOnly(context.Background(), ana)
	if err != nil {
		t.Fatal(err)
	}
	a := readTeamRow(t, db)
	db.Close()
	restore := snapshot(t, bo, folder)

	full := timed(t, e, "--db", bo, "team", "sync")
	idle := timed(t, e, "--db", bo, "team", "sync")
	sameBoards(t, ana, bo)
	t.Logf("a pass applying %d segments takes %v here, one with nothing to do %v; seed %d",
		a.Seq-1, full.Round(time.Millisecond), idle.Round(time.Millisecond), e.seed)

	var c tally
	state := func(db *store.DB) (int, bool, int) {
		n := cursor(t, db, a.Device)
		r := readTeamRow(t, db)
		_, partials := segments(t, folder, r.Device)
		return int(n), n == a.Seq && r.Upto == r.MaxOwn, partials
	}
	var l landed
	for cycle := 0; c.kills < e.kills && cycle < 2*e.kills && !t.Failed(); cycle++ {
		restore()
		killPasses(t, e, rng, bo, &full, idle, int(a.Seq), &c, &l, state)
		sameBoards(t, ana, bo)
		if !t.Failed() {
			c.verified++
		}
	}
	t.Logf("crash team sync, applying (seed %d): %v; %v", e.seed, l, c)
}

// skipUnderRace leaves the team sync crash tests to the run without the
// race detector (make test runs them with 12 kills): under it a pass
// writes one small segment, mostly start-up, so the kills prove little
// and cost a minute and a half.
func skipUnderRace(t *testing.T) {
	if raceEnabled && os.Getenv("SB_CRASH_KILLS") == "" {
		t.Skip("run without -race (make test: SB_CRASH_KILLS=12 go test -run TestCrashTeamSync ./cli)")
	}
}
