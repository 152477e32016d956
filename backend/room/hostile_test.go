package room

// Issue 14: what participants write is untrusted text from strangers. A
// hostile participant (their name too) writes through the room's HTTP API
// into every activity kind; then every exporter runs for real and each
// format is checked for its own kind of injection.

import (
	"context"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/board/boardtest"
	"soundingboard/backend/loop"
	"soundingboard/backend/report"
	"soundingboard/backend/session"
)

// controls are U+0000..U+001F, every C0 control character.
func controls() string {
	var b strings.Builder
	for r := rune(0); r < 0x20; r++ {
		b.WriteRune(r)
	}
	return b.String()
}

// hostileSet is what a stranger may type: HTML, spreadsheet formulas,
// calendar lines, Markdown structure, bidi overrides and control
// characters; emoji and CJK must come out intact.
var hostileSet = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`=HYPERLINK("http://evil")`,
	`+cmd|' /C calc'!A0`,
	`@SUM(1)`,
	`-2+3`,
	"calm\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\r\nEND:VCALENDAR",
	`[click](javascript:alert(1))`,
	`![x](http://evil/p.png)`,
	`# Heading`,
	`| a | b |`,
	"evil\u202Efdp.exe",
	"ctl:" + controls() + ":end",
	"Heading\n===",
	"- item\n1. first",
	"> nested",
	"    indented code",
	"see http://evil.example/x or www.evil.example",
	"雷声 🙂👩‍🔬 ok",
}

// hostileName is a member's name as a guest could type it (names refuse
// control characters, so none here).
const hostileName = `=cmd) \ (x|'/C calc'!A0 <img src=x onerror=alert(1)> ../../CON [x](javascript:alert(1)) ` + "\u202eEve 李雷 🙂"

// hostileFx is the room's fixture with a hostile member among the
// participants, joined on a phone, having written hostile text into every
// activity kind; the session is then finished.
type hostileFx struct {
	*fx
	board  *board.Service
	ses    *session.Services
	loop   *loop.Service
	report *report.Service
	eve    int64
	long   string // the 10,000-character note
}

func newHostileFx(t *testing.T) *hostileFx {
	t.Helper()
	// A hostile participant writes fast; the throttle is not what is tested.
	f := newFx(t, activity.KindAssumptionCheck, func(tu *tuning) { tu.personBurst, tu.roomBurst = 1000, 1000 })
	ctx := context.Background()
	h := &hostileFx{fx: f, board: board.NewService(ctx, f.db), ses: session.NewServices(ctx, f.db), loop: loop.NewService(ctx, f.db)}
	h.report = report.NewService(ctx, f.db, h.board, h.ses, f.agendas, h.loop)
	h.eve = boardtest.Member(t, h.board, board.MemberInput{Name: hostileName, Email: "eve@example.com", Status: "active",
		Notes: "INTERNAL: never show this to Eve"}, "contact", "quoting")
	if _, err := h.ses.Plans.SetParticipants(f.session, []int64{f.ann, f.bob, f.cat, h.eve}); err != nil {
		t.Fatal(err)
	}
	p := f.phone()
	var v roomView
	if code := p.do("GET", "room", nil, &v); code != 200 {
		t.Fatalf("room: %d", code)
	}
	first := ""
	for _, n := range v.Names {
		if !slices.Contains([]string{"Ann", "Bob", "Cat"}, n.Name) {
			first = n.Name
		}
	}
	if !strings.Contains(hostileName, first) || first == "" {
		t.Fatalf("the hostile first name is %q in %+v", first, v.Names)
	}
	if code := p.do("POST", "claim", map[string]string{"nameId": p.nameID(first)}, nil); code != 200 {
		t.Fatalf("claim: %d", code)
	}
	f.confirm(first, true)

	all := strings.Join(hostileSet, "\n")
	h.long = strings.Repeat("<b>x</b>=1 雷", 1000)[:10000]
	n := 0
	post := func(s state, kind string, item, variant int64, text string) {
		t.Helper()
		n++
		p.must(entryPost{Key: "k" + string(rune('a'+n/26)) + string(rune('a'+n%26)), ActivityID: s.Activity.ID, Kind: kind,
			ItemID: item, VariantID: variant, Text: text})
	}

	s := p.state()
	asm := itemOf(s, activity.RoleAssumption)
	post(s, "needs", asm, 0, all)
	post(s, "note", asm, 0, all)

	f.show(activity.KindJourneyBoard)
	s = p.state()
	for _, text := range append(slices.Clone(hostileSet), h.long) {
		post(s, "note", itemOf(s, activity.RoleStage), 0, text)
	}

	f.show(activity.KindIdeaRound)
	s = p.state()
	for _, text := range hostileSet {
		post(s, "idea", itemOf(s, activity.RolePrompt), 0, text)
	}

	f.show(activity.KindPrototypeTest)
	s = p.state()
	task, variant := itemOf(s, activity.RoleTask), itemOf(s, activity.RoleVariant)
	post(s, "observation", task, variant, all)
	post(s, "preference", 0, variant, all)

	f.show(activity.KindOpenQuestion)
	s = p.state()
	post(s, "answer", itemOf(s, activity.RoleQuestion), 0, all)

	// A verbatim quote of Eve's, as the facilitator captures it.
	run, err := f.runs.GetRun(f.session)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.runs.SaveQuote(session.QuoteInput{SessionID: f.session, AssumptionID: run.Items[0].Assumption.ID,
		MemberID: h.eve, Text: all}); err != nil {
		t.Fatal(err)
	}
	fin := finishAll(f)
	fin.Attendance = append(fin.Attendance, session.Attendance{MemberID: h.eve, Attended: true})
	if _, err := f.runs.Finish(fin); err != nil {
		t.Fatal(err)
	}
	return h
}

func TestHostileText(t *testing.T) {
	h := newHostileFx(t)

	t.Run("stored as typed", func(t *testing.T) {
		var texts []string
		if err := h.db.Select(&texts, `SELECT text FROM entries WHERE session_id = ? AND member_id = ?`, h.session, h.eve); err != nil {
			t.Fatal(err)
		}
		for _, want := range append(slices.Clone(hostileSet), h.long) {
			if !slices.Contains(texts, want) {
				t.Errorf("%q was not stored as typed", want)
			}
		}
	})
	t.Run("csv", func(t *testing.T) { checkCSV(t, h) })
	t.Run("markdown", func(t *testing.T) { checkMarkdown(t, h) })
	t.Run("pdf", func(t *testing.T) { checkPDF(t, h) })
	t.Run("ics", func(t *testing.T) { checkICS(t, h) })
	t.Run("drafts", func(t *testing.T) { checkDrafts(t, h) })
	t.Run("members", func(t *testing.T) { checkMembers(t, h) })
	t.Run("person export", func(t *testing.T) { checkPersonExport(t, h) })
}
