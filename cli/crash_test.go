package cli

// Crash safety: kill soundingboard with SIGKILL at random moments while it
// imports a large file, while a facilitator types into a live session, and
// while the reminder sweep hands out notifications; after every kill,
// reopen the database and check it.
//
//	SB_CRASH_KILLS  kills per scenario (default 3, 2 under -race; make test 30, 12 for team sync; make crash 300)
//	SB_CRASH_SEED   seed of the random kill moments (default: the clock; always logged)
//	SB_CRASH_ROWS   rows in the import file (default 5000, 200 under -race)
//	                (under -race without SB_CRASH_KILLS, the team sync tests
//	                start from 20 members rather than the sample board)
//	SB_CRASH_BIN    a built soundingboard to kill (default: this test binary,
//	                re-run as the command line through TestCrashChild)
//
// Run only these: go test -run Crash -count=1 ./cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/rpc"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/transcript"
)

const crashChildEnv = "SB_CRASH_CHILD_ARGS"

// TestCrashChild is not a test: the harness runs this test binary with
// SB_CRASH_CHILD_ARGS set, and then it is `soundingboard ARGS…`.
func TestCrashChild(t *testing.T) {
	raw := os.Getenv(crashChildEnv)
	if raw == "" {
		t.Skip("helper process for the crash tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	os.Exit(Run(args, os.Stdout, os.Stderr, testEnv))
}

// crashEnv holds the harness settings, read once per test.
type crashEnv struct {
	kills int
	seed  int64
	rows  int
	bin   string
	small bool // a board of a few members stands in for the sample board
}

func newCrashEnv(t *testing.T) crashEnv {
	t.Helper()
	e := crashEnv{kills: 3, seed: time.Now().UnixNano(), rows: 5000, bin: os.Getenv("SB_CRASH_BIN")}
	for name, dst := range map[string]*int{"SB_CRASH_KILLS": &e.kills, "SB_CRASH_ROWS": &e.rows} {
		if v := os.Getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				t.Fatalf("%s=%q: want a positive number", name, v)
			}
			*dst = n
		}
	}
	if v := os.Getenv("SB_CRASH_SEED"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("SB_CRASH_SEED=%q: %v", v, err)
		}
		e.seed = n
	}
	if testing.Short() {
		e.kills = min(e.kills, 2)
	}
	if raceEnabled && os.Getenv("SB_CRASH_KILLS") == "" {
		e.kills, e.rows, e.small = 2, min(e.rows, 200), true
	}
	return e
}

// command builds `soundingboard ARGS…` as a process of its own.
func (e crashEnv) command(args ...string) *exec.Cmd {
	if e.bin != "" {
		return exec.Command(e.bin, args...)
	}
	b, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+string(b))
	return cmd
}

// tally is what one scenario counts; it goes to the test log.
type tally struct {
	kills, finished, committed, rolledBack, acked, verified, corruptions int
}

func (c tally) String() string {
	return fmt.Sprintf("kills survived %d, ran to the end before the kill %d, acknowledged writes %d, "+
		"verified %d, imports committed %d / rolled back %d, corruptions %d",
		c.kills, c.finished, c.acked, c.verified, c.committed, c.rolledBack, c.corruptions)
}

// killAfter runs cmd and SIGKILLs it after d, unless it ends first. It
// reports whether the kill happened.
func killAfter(t *testing.T, cmd *exec.Cmd, d time.Duration) bool {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v ended on its own with %v", cmd.Args, err)
		}
		return false
	case <-time.After(d):
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatalf("kill: %v", err)
	}
	err := <-done
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true
		}
	}
	if err != nil {
		t.Fatalf("%v: %v", cmd.Args, err)
	}
	return false // it finished in the same instant
}

// reopen opens the database as the app would after the crash and checks
// its integrity and foreign keys. The caller closes it.
func reopen(t *testing.T, path string, c *tally) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		c.corruptions++
		t.Fatalf("reopen after kill: %v", err)
	}
	var ok []string
	if err := db.Select(&ok, `PRAGMA integrity_check`); err != nil || len(ok) != 1 || ok[0] != "ok" {
		c.corruptions++
		t.Errorf("integrity_check after kill: %q %v", ok, err)
	}
	var fk []struct {
		Table  string        `db:"table"`
		RowID  sql.NullInt64 `db:"rowid"`
		Parent string        `db:"parent"`
		FKID   int           `db:"fkid"`
	}
	if err := db.Select(&fk, `PRAGMA foreign_key_check`); err != nil || len(fk) > 0 {
		c.corruptions++
		t.Errorf("foreign_key_check after kill: %+v %v", fk, err)
	}
	return db
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(to + suffix); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// membersCSV writes an import file of rows new members into dir.
func membersCSV(t *testing.T, dir string, rows int) string {
	t.Helper()
	var csv bytes.Buffer
	csv.WriteString("Name,Email,Company,Role,Tags,Notes\n")
	for i := range rows {
		fmt.Fprintf(&csv, "Person %d,person%d@example.org,Company %d,Role %d,\"tag%d, crash\",\"notes, with a comma %d\"\n",
			i, i, i%97, i%7, i%13, i)
	}
	return writeFile(t, dir, "members.csv", csv.String())
}

// (a) A large import is all or nothing, whenever it dies.
func TestCrashImport(t *testing.T) {
	e := newCrashEnv(t)
	rng := rand.New(rand.NewSource(e.seed))
	dir := t.TempDir()
	base, trial := filepath.Join(dir, "base.db"), filepath.Join(dir, "trial.db")
	db, err := store.Open(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	b := board.NewService(context.Background(), db)
	for i := range 20 {
		if _, err := b.CreateMember(board.MemberInput{Name: fmt.Sprintf("Existing %d", i),
			Email: fmt.Sprintf("existing%d@example.com", i)}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	const before = 20

	file := membersCSV(t, dir, e.rows)

	// One run to the end tells how long an import takes here.
	copyFile(t, base, trial)
	start := time.Now()
	if out, err := e.command("--db", trial, "members", "import", file).CombinedOutput(); err != nil {
		t.Fatalf("import: %v: %s", err, out)
	}
	full := time.Since(start)
	var c tally
	check := func() {
		db := reopen(t, trial, &c)
		defer db.Close()
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM members`); err != nil {
			t.Fatal(err)
		}
		var fts int
		if err := db.Get(&fts, `SELECT count(*) FROM members_fts`); err != nil {
			t.Fatal(err)
		}
		switch {
		case n == before && fts == before:
			c.rolledBack++
		case n == before+e.rows && fts == before+e.rows:
			c.committed++
		default:
			c.corruptions++
			t.Errorf("members after kill: %d (search index %d), want %d or %d", n, fts, before, before+e.rows)
		}
	}
	check()
	t.Logf("import of %d rows takes %v here; seed %d", e.rows, full.Round(time.Millisecond), e.seed)
	// Kill moments spread over the import's length; a run that ends first
	// is checked too but does not count as a kill, so try again.
	for attempt := 0; c.kills < e.kills && attempt < 2*e.kills; attempt++ {
		copyFile(t, base, trial)
		cmd := e.command("--db", trial, "members", "import", file)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if killAfter(t, cmd, time.Duration(rng.Int63n(int64(full)))) {
			c.kills++
		} else {
			c.finished++
		}
		check()
		if t.Failed() {
			break
		}
	}
	c.verified = c.committed + c.rolledBack
	t.Logf("crash import (seed %d): %v", e.seed, c)
}

// server is a running `soundingboard serve` and a signed-in client.
type server struct {
	cmd  *exec.Cmd
	base string
	http *http.Client
}

// startServe starts serve on a free port and signs in with the printed URL.
func startServe(t *testing.T, e crashEnv, dbPath string) *server {
	t.Helper()
	cmd := e.command("--db", dbPath, "serve", "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "http://") {
				urls <- sc.Text()
			}
		}
		close(urls)
	}()
	var u string
	select {
	case u = <-urls:
	case <-time.After(20 * time.Second):
	}
	if u == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("serve printed no address")
	}
	jar, _ := cookiejar.New(nil)
	s := &server{cmd: cmd, base: u[:strings.Index(u, "/?")], http: &http.Client{Jar: jar, Timeout: 10 * time.Second}}
	resp, err := s.http.Get(u)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	resp.Body.Close()
	return s
}

// call posts args to a bound method; ok is true only for an answered 200
// that is not a refusal.
func (s *server) call(method string, out any, args ...any) (ok bool, err error) {
	b, _ := json.Marshal(args)
	resp, err := s.http.Post(s.base+"/rpc/"+method, "application/json", bytes.NewReader(b))
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return false, err
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get(rpc.RefusalHeader) != "" {
		return false, fmt.Errorf("%s: %d %s", method, resp.StatusCode, body)
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			return false, err
		}
	}
	return true, nil
}

// fieldState is one response field's acknowledged value and the value in
// flight when the process died (which may or may not have been written).
type fieldState struct{ acked, pending string }

// (b) Every acknowledged autosave of a live session survives a kill.
func TestCrashLiveSession(t *testing.T) {
	e := newCrashEnv(t)
	rng := rand.New(rand.NewSource(e.seed + 1))
	path := filepath.Join(t.TempDir(), "live.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	// Not services.Open: the harness must not hold the writer lock the
	// killed process takes.
	ctx := context.Background()
	b, ss, l := board.NewService(ctx, db), session.NewServices(ctx, db), loop.NewService(ctx, db)
	if _, err := demo.NewService(b, ss.Plans, l, transcript.NewTranscripts(ctx, db)).Load(); err != nil {
		t.Fatal(err)
	}
	type key struct{ SessionID, AssumptionID, MemberID int64 }
	var keys []key
	if err := db.Select(&keys, `SELECT sa.session_id AS sessionid, sa.assumption_id AS assumptionid, p.member_id AS memberid
		FROM assumption_items sa JOIN participants p ON p.session_id = sa.session_id
		ORDER BY sa.session_id DESC, sa.assumption_id, p.member_id LIMIT 6`); err != nil || len(keys) < 2 {
		t.Fatalf("sample session: %v %d", err, len(keys))
	}
	db.Close()

	fields := map[key]map[string]*fieldState{}
	quotes := map[int64]*fieldState{} // quote id -> text
	var c tally
	for trial := range e.kills {
		srv := startServe(t, e, path)
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w, k := range keys {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for seq := 0; ; seq++ {
					select {
					case <-stop:
						return
					default:
					}
					field := []string{"needs", "notes"}[seq%2]
					v := fmt.Sprintf("trial %d writer %d keystroke %d <b>'%s'</b>", trial, w, seq, strings.Repeat("x", seq%40))
					mu.Lock()
					if fields[k] == nil {
						fields[k] = map[string]*fieldState{}
					}
					st := fields[k][field]
					if st == nil {
						st = &fieldState{}
						fields[k][field] = st
					}
					st.pending = v
					mu.Unlock()
					ok, _ := srv.call("session.Runs.SaveField", nil, map[string]any{
						"sessionId": k.SessionID, "assumptionId": k.AssumptionID, "memberId": k.MemberID,
						"field": field, "value": v})
					if !ok {
						return // the process is gone; v stays pending
					}
					mu.Lock()
					st.acked, st.pending = v, ""
					c.acked++
					mu.Unlock()
				}
			}()
		}
		wg.Add(1)
		go func() { // the note taker adds quotes and edits the last one
			defer wg.Done()
			var last int64
			for seq := 0; ; seq++ {
				select {
				case <-stop:
					return
				default:
				}
				k := keys[seq%len(keys)]
				text := fmt.Sprintf("trial %d quote %d: it's \"fine\"; DROP TABLE quotes;--", trial, seq)
				in := map[string]any{"sessionId": k.SessionID, "assumptionId": k.AssumptionID, "memberId": k.MemberID, "text": text}
				var st *fieldState
				if seq%3 != 0 && last != 0 {
					in["id"] = last
					mu.Lock()
					st = quotes[last]
					st.pending = text
					mu.Unlock()
				}
				var q struct {
					ID int64 `json:"id"`
				}
				ok, _ := srv.call("session.Runs.SaveQuote", &q, in)
				if !ok {
					return
				}
				mu.Lock()
				if st == nil {
					st = &fieldState{}
					quotes[q.ID] = st
				}
				st.acked, st.pending, last = text, "", q.ID
				c.acked++
				mu.Unlock()
			}
		}()
		if killAfter(t, srv.cmd, time.Duration(50+rng.Intn(600))*time.Millisecond) {
			c.kills++
		} else {
			c.finished++
		}
		close(stop)
		wg.Wait()

		db := reopen(t, path, &c)
		for k, fs := range fields {
			for field, st := range fs {
				if st.acked == "" && st.pending == "" {
					continue
				}
				var got string
				kind := map[string]string{"needs": "needs", "notes": "note"}[field]
				err := db.Get(&got, `SELECT text FROM response_entries
					WHERE session_id = ? AND assumption_id = ? AND member_id = ? AND kind = ?`,
					k.SessionID, k.AssumptionID, k.MemberID, kind)
				if errors.Is(err, sql.ErrNoRows) && st.acked == "" {
					continue // never acknowledged, never written
				}
				if err != nil || (got != st.acked && (st.pending == "" || got != st.pending)) {
					c.corruptions++
					t.Errorf("trial %d: %v %s = %q (%v), acknowledged %q, in flight %q", trial, k, field, got, err, st.acked, st.pending)
				} else {
					c.verified++
				}
				st.acked, st.pending = got, "" // what the next trial builds on
			}
		}
		for id, st := range quotes {
			var got string
			err := db.Get(&got, `SELECT text FROM quote_entries WHERE id = ?`, id)
			if err != nil || (got != st.acked && (st.pending == "" || got != st.pending)) {
				c.corruptions++
				t.Errorf("trial %d: quote %d = %q (%v), acknowledged %q, in flight %q", trial, id, got, err, st.acked, st.pending)
			} else {
				c.verified++
			}
			st.acked, st.pending = got, ""
		}
		db.Close()
		if t.Failed() {
			break
		}
	}
	t.Logf("crash live session (seed %d): %v", e.seed, c)
}

// (c) The reminder sweep never hands out a notification twice, and every
// acknowledged completion stays done.
func TestCrashReminderSweep(t *testing.T) {
	e := newCrashEnv(t)
	rng := rand.New(rand.NewSource(e.seed + 2))
	path := filepath.Join(t.TempDir(), "sweep.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	handedOut := map[int64]int{}
	completed := map[int64]bool{}
	var c tally
	var created int
	for trial := range e.kills {
		// A batch falling due over the next two seconds, one second apart
		// (due times are stored to the second).
		db, err := store.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		err = store.WithTx(context.Background(), db, func(tx *sqlx.Tx) error {
			first, err := store.NewIDs(context.Background(), tx, 60)
			if err != nil {
				return err
			}
			for i := range 60 {
				due := now.Add(time.Duration(i%3-1) * time.Second)
				stamp := now.UTC().Format(time.RFC3339)
				if _, err := tx.Exec(`INSERT INTO reminders (id, title, due_at, due_utc, scheduled_at, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)`, first+int64(i), fmt.Sprintf("Sweep %d.%d", trial, i), due.Format(time.RFC3339),
					due.UTC().Format("2006-01-02T15:04:05Z"), due.Format(time.RFC3339), stamp, stamp); err != nil {
					return err
				}
			}
			return nil
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		created += 60

		srv := startServe(t, e, path)
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for range 2 { // the desktop ticker and a browser tab
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					var ns []struct {
						ReminderID int64 `json:"reminderId"`
					}
					if ok, _ := srv.call("loop.Service.DueNotifications", &ns); !ok {
						return
					}
					mu.Lock()
					for _, n := range ns {
						handedOut[n.ReminderID]++
						c.acked++
						if handedOut[n.ReminderID] > 1 {
							t.Errorf("trial %d: reminder %d handed out %d times", trial, n.ReminderID, handedOut[n.ReminderID])
						}
					}
					mu.Unlock()
					for _, n := range ns {
						if ok, _ := srv.call("loop.Service.Complete", nil, n.ReminderID, map[string]string{"outcome": "swept"}); !ok {
							return
						}
						mu.Lock()
						completed[n.ReminderID] = true
						c.acked++
						mu.Unlock()
					}
					time.Sleep(20 * time.Millisecond)
				}
			}()
		}
		if killAfter(t, srv.cmd, time.Duration(50+rng.Intn(1500))*time.Millisecond) {
			c.kills++
		} else {
			c.finished++
		}
		close(stop)
		wg.Wait()

		db = reopen(t, path, &c)
		var notified, done []int64
		if err := db.Select(&notified, `SELECT id FROM reminders WHERE notified_at IS NOT NULL`); err != nil {
			t.Fatal(err)
		}
		if err := db.Select(&done, `SELECT id FROM reminders WHERE done_at IS NOT NULL`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		isNotified, isDone := map[int64]bool{}, map[int64]bool{}
		for _, id := range notified {
			isNotified[id] = true
		}
		for _, id := range done {
			isDone[id] = true
		}
		for id, n := range handedOut {
			if !isNotified[id] || n > 1 {
				c.corruptions++
				t.Errorf("trial %d: reminder %d handed out %d times, notified in the file: %v", trial, id, n, isNotified[id])
			} else {
				c.verified++
			}
		}
		for id := range completed {
			if !isDone[id] {
				c.corruptions++
				t.Errorf("trial %d: reminder %d completed (acknowledged) but not done after the kill", trial, id)
			} else {
				c.verified++
			}
		}
		if t.Failed() {
			break
		}
	}
	t.Logf("crash reminder sweep (seed %d): %d reminders, %d notifications handed out, %d completions acknowledged; %v",
		e.seed, created, len(handedOut), len(completed), c)
}
