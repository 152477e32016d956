package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"soundingboard/backend/activity"
	"strconv"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/board"
	"soundingboard/backend/board/boardtest"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/transcript"
)

// fx is a report service over a fresh temp-file database.
type fx struct {
	t       testing.TB
	db      *store.DB
	board   *board.Service
	session *session.Services
	loop    *loop.Service
	r       *Service
}

// fixedNow is the report clock of the tests (the data services keep the
// real clock: the demo counts back from today).
var fixedNow = time.Now()

func newFx(t testing.TB) *fx {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t)
	b, s, l := board.NewService(ctx, db), session.NewServices(ctx, db), loop.NewService(ctx, db)
	r := NewService(ctx, db, b, s, activity.NewAgendas(ctx, db), l)
	r.now = func() time.Time { return fixedNow }
	return &fx{t: t, db: db, board: b, session: s, loop: l, r: r}
}

// demo loads the sample board, sessions and follow-ups.
func (f *fx) demo() {
	f.t.Helper()
	if _, err := demo.NewService(f.board, f.session.Plans, f.loop, transcript.NewTranscripts(context.Background(), f.db)).Load(); err != nil {
		f.t.Fatalf("demo: %v", err)
	}
}

func (f *fx) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// member creates a member with all consents, or none but contact.
func (f *fx) member(name, segment string, quoting bool) int64 {
	f.t.Helper()
	consents := []string{"contact"}
	if quoting {
		consents = append(consents, "quoting")
	}
	return boardtest.Member(f.t, f.board, board.MemberInput{Name: name, Segment: segment, Status: "active", Company: name + " Ltd"}, consents...)
}

// sessionWith plans a session over n new assumptions with these
// participants, runs it (all attend) and returns its id and assumption ids.
func (f *fx) sessionWith(title string, n int, members []int64) (int64, []int64) {
	f.t.Helper()
	dec, err := f.session.Decisions.SaveDecision(session.DecisionInput{Title: "Decision for " + title, Question: "Should we?", Owner: "Ana"})
	f.must(err)
	ids := make([]int64, n)
	for i := range n {
		a, err := f.session.Decisions.SaveAssumption(session.AssumptionInput{DecisionID: dec.ID,
			Customers: fmt.Sprintf("shop owners (%d)", i+1), Behavior: fmt.Sprintf("reorder stock with reminder %d", i+1),
			Reason: "they run out of stock on busy days", Category: session.Categories[i%3],
			Importance: 1 + i%5, Evidence: 1 + (i/5)%5})
		f.must(err)
		ids[i] = a.ID
	}
	ss, err := f.session.Plans.SaveSession(session.SessionInput{DecisionID: dec.ID, Title: title, ScheduledOn: fixedNow.Format(time.DateOnly),
		StartTime: "10:00", DurationMinutes: 90, Facilitator: "Mara Facilitator", AssumptionIDs: ids})
	f.must(err)
	if len(members) > 0 {
		_, err = f.session.Plans.SetParticipants(ss.ID, members)
		f.must(err)
		for _, m := range members {
			_, err = f.session.Runs.SetParticipantState(ss.ID, m, "attended")
			f.must(err)
		}
	}
	return ss.ID, ids
}

// needTool skips when a command-line tool is missing, or fails in CI.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI (Debian poppler-utils / qpdf): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

// pdfText is the text of a PDF as pdftotext -layout extracts it.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	needTool(t, "pdftotext")
	cmd := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// pdftotext wraps right-to-left runs in bidi controls; drop them.
	return strings.Map(func(r rune) rune {
		if (r >= 0x202A && r <= 0x202E) || r == 0x200E || r == 0x200F || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, string(out))
}

// checkPDF runs qpdf --check and returns the page count from pdfinfo.
func checkPDF(t testing.TB, pdf []byte) int {
	t.Helper()
	needTool(t, "qpdf")
	needTool(t, "pdfinfo")
	path := filepath.Join(t.TempDir(), "check.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// inOrder checks each want occurs in text, after the previous one.
func inOrder(t testing.TB, text string, wants ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	at := 0
	for _, w := range wants {
		w = strings.Join(strings.Fields(w), " ")
		i := strings.Index(flat[at:], w)
		if i < 0 {
			if strings.Contains(flat, w) {
				t.Errorf("%q is present but out of order", w)
			} else {
				t.Errorf("%q is missing from the PDF text", w)
			}
			continue
		}
		at += i + len(w)
	}
}

// renderPNG writes the pages of a PDF as PNGs into artifacts/report.
func renderPNG(t testing.TB, pdf []byte, name string) []string {
	t.Helper()
	needTool(t, "pdftoppm")
	dir := filepath.Join("..", "..", "artifacts", "report")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, name+"-*.png"))
	for _, p := range old {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	src := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(src, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", src, filepath.Join(dir, name)).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, name+"-*.png"))
	return pngs
}
