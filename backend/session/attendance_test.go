package session

import (
	"fmt"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// states reads the participants' states (and notes) of a session by name.
func (f *runFx) states(session int64) string {
	f.t.Helper()
	ps, err := loadParticipants(f.s.Runs.ctx, f.db, session, f.s.Runs.today())
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		s := p.Name + "=" + string(p.State)
		if p.Note != "" {
			s += "(" + p.Note + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// Anything recorded for a participant while the session runs marks them
// attended, in the same write, whatever their state was; an emptied field
// does not, and after Finish attendance is what was confirmed.
func TestRecordingMarksAttended(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	dee := f.member("Dee", "SMB")
	f.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'no_show')`, sc.session, dee)
	f.setState(sc.session, sc.cy, "invited")
	if got, want := f.states(sc.session), "Ada=confirmed Bo=confirmed Cy=invited Dee=no_show"; got != want {
		t.Fatalf("before: %s, want %s", got, want)
	}

	f.field(sc.session, sc.a1, sc.ada, "stance", "") // clearing records nothing
	f.field(sc.session, sc.a1, sc.ada, "reactions", " ")
	if got, want := f.states(sc.session), "Ada=confirmed Bo=confirmed Cy=invited Dee=no_show"; got != want {
		t.Errorf("after empty edits: %s, want %s", got, want)
	}
	f.field(sc.session, sc.a1, sc.ada, "notes", "h")
	f.field(sc.session, sc.a2, sc.bo, "reactions", "confusion")
	f.quote(sc.session, 0, sc.cy, "A general remark")
	f.field(sc.session, sc.a1, dee, "stance", "unsure") // she came after all
	if got, want := f.states(sc.session), "Ada=attended Bo=attended Cy=attended Dee=attended"; got != want {
		t.Errorf("after recording: %s, want %s", got, want)
	}

	// A refused edit changes no state.
	f.setState(sc.session, sc.bo, "no_show")
	if _, err := f.s.Runs.SaveField(FieldEdit{ResponseKey{sc.session, sc.a1, sc.bo}, "stance", "maybe"}); err == nil {
		t.Fatal("bad stance saved")
	}
	if got := f.states(sc.session); !strings.Contains(got, "Bo=no_show") {
		t.Errorf("after a refused edit: %s", got)
	}

	// Finished: cleaning up notes leaves the confirmed attendance alone.
	f.exec(`UPDATE sessions SET status = 'finished' WHERE id = ?`, sc.session)
	f.field(sc.session, sc.a1, sc.bo, "notes", "typed after the session")
	f.quote(sc.session, sc.a1, sc.bo, "Quote added afterwards")
	if got := f.states(sc.session); !strings.Contains(got, "Bo=no_show") {
		t.Errorf("after editing a finished session: %s", got)
	}
}

func TestFinishWithAttendance(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	all := func(note string) []Attendance {
		return []Attendance{{MemberID: sc.ada, Attended: true}, {MemberID: sc.bo, Attended: false},
			{MemberID: sc.cy, Attended: true, Note: note}}
	}
	before := f.rowCounts() + f.states(sc.session) + fmt.Sprint(f.count("touchpoints"))
	for _, tc := range []struct {
		name      string
		in        FinishInput
		kind      error
		fragments []string
	}{
		{"someone missing", FinishInput{sc.session, all("")[:1]}, store.ErrInvalid, []string{"say whether Bo or Cy attended"}},
		{"listed twice", FinishInput{sc.session, append(all(""), Attendance{MemberID: sc.ada})}, store.ErrInvalid,
			[]string{fmt.Sprintf("member %d is listed twice in attendance", sc.ada)}},
		{"not a participant", FinishInput{sc.session, append(all(""), Attendance{MemberID: sc.outsider})}, store.ErrInvalid,
			[]string{"Olga", "is not a participant"}},
		{"unknown member", FinishInput{sc.session, append(all(""), Attendance{MemberID: 999})}, store.ErrNotFound,
			[]string{"member 999 not found"}},
		{"note too long", FinishInput{sc.session, all(strings.Repeat("x", 201))}, store.ErrInvalid,
			[]string{"attendance[2].note is longer than 200"}},
		{"control in note", FinishInput{sc.session, all("came\x07late")}, store.ErrInvalid, []string{"attendance[2].note"}},
		{"unknown session", FinishInput{404, all("")}, store.ErrNotFound, []string{"session 404 not found"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.Runs.Finish(tc.in)
			storetest.WantErr(t, err, tc.kind, tc.fragments...)
		})
	}
	if after := f.rowCounts() + f.states(sc.session) + fmt.Sprint(f.count("touchpoints")); after != before {
		t.Fatalf("refused finishes wrote: %s -> %s", before, after)
	}

	// Bo was recorded (so marked attended) but the facilitator corrects
	// him to a no-show; Cy came late.
	f.field(sc.session, sc.a1, sc.bo, "stance", "partly")
	s, err := f.s.Runs.Finish(FinishInput{sc.session, all("  came late ")})
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != "finished" || s.FinishedAt == "" {
		t.Errorf("session %s, finished at %q", s.Status, s.FinishedAt)
	}
	if got, want := f.states(sc.session), "Ada=attended Bo=no_show Cy=attended(came late)"; got != want {
		t.Errorf("attendance %s, want %s", got, want)
	}
	var touched []string
	if err := f.db.Select(&touched, `SELECT m.name FROM touchpoints t JOIN members m ON m.id = t.member_id
		WHERE t.kind = 'session' ORDER BY m.name`); err != nil {
		t.Fatal(err)
	}
	if strings.Join(touched, ",") != "Ada,Cy" {
		t.Errorf("session touchpoints for %v, want the attendees", touched)
	}
	_, err = f.s.Runs.Finish(FinishInput{sc.session, all("")})
	storetest.WantErr(t, err, store.ErrInvalid, "already finished")
}
