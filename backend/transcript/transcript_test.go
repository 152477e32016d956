package transcript

import (
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// A Teams transcript: voices become speakers, matched by full name, by
// a first name no one else shares, and to the team by an internal
// attendee's name; a cue wrapped over two lines is one line.
func TestImportTeams(t *testing.T) {
	f := newFx(t)
	tr := f.load("teams.vtt")
	if tr.Format != FormatVTT || tr.FileName != "teams.vtt" || tr.LineCount != 5 || len(tr.Lines) != 5 {
		t.Fatalf("imported %+v", tr.Summary)
	}
	want := map[string]Speaker{
		"Priya Shah":   {Label: "Priya Shah", Team: true, Lines: 1},
		"Ana Lima":     {Label: "Ana Lima", MemberID: f.ana, Member: "Ana Lima", Recording: true, Lines: 2},
		"Bruno":        {Label: "Bruno", MemberID: f.bruno, Member: "Bruno Costa", Recording: true, Lines: 1},
		"Chris Mendel": {Label: "Chris Mendel", MemberID: f.chris, Member: "Chris Mendel", Lines: 1},
	}
	for label, w := range want {
		got := speaker(t, tr, label)
		w.ID = got.ID
		if got != w {
			t.Errorf("speaker %q = %+v, want %+v", label, got, w)
		}
	}
	if tr.Unmatched != 0 {
		t.Errorf("unmatched = %d", tr.Unmatched)
	}
	l := tr.Lines[2]
	if l.Text != "I export it to a spreadsheet first, then I fix the columns by hand." || l.StartMS != 10000 || l.EndMS != 13500 || l.Position != 3 {
		t.Errorf("wrapped cue reads %+v", l)
	}
}

// Zoom writes "Name: text"; SubRip with CRLF, a cue with no speaker and a
// cue where the speaker changes midway.
func TestImportPrefixesAndSRT(t *testing.T) {
	f := newFx(t)
	zoom := f.load("zoom.vtt")
	if got := speaker(t, zoom, "Ana lima"); got.MemberID != f.ana {
		t.Errorf("Ana lima (another case) matched %+v", got)
	}
	if got := zoom.Lines[2].Text; got != "Note: mine was the same." {
		t.Errorf("only the first prefix is a speaker: %q", got)
	}
	if zoom.Lines[2].StartMS != 70000 {
		t.Errorf("start %d", zoom.Lines[2].StartMS)
	}
	srt := f.load("meet.srt")
	if srt.Format != FormatSRT {
		t.Errorf("format %s", srt.Format)
	}
	var got []string
	for _, l := range srt.Lines {
		for _, s := range srt.Speakers {
			if s.ID == l.SpeakerID {
				got = append(got, s.Label+"|"+l.Text)
			}
		}
	}
	want := []string{"Ana|The import took ten minutes.", "|The progress bar never moved.", "Priya Shah|Did you wait?",
		"Ana|I did, then I gave up."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
	if sp := speaker(t, srt, ""); sp.MemberID != 0 || sp.Team || srt.Unmatched != 1 {
		t.Errorf("the unnamed speaker is %+v, unmatched %d", sp, srt.Unmatched)
	}
	list, err := f.s.List(f.session)
	if err != nil || len(list) != 2 || list[0].FileName != "zoom.vtt" || list[1].LineCount != 4 {
		t.Errorf("list %+v %v", list, err)
	}
}

// Two participants sharing a first name leave a first-name label
// unmatched rather than guess.
func TestAmbiguousFirstName(t *testing.T) {
	f := newFx(t)
	f.participant("Ana Souza", true)
	srt := f.load("meet.srt")
	if sp := speaker(t, srt, "Ana"); sp.MemberID != 0 {
		t.Errorf("Ana matched %+v though two participants are called Ana", sp)
	}
}

// Bad files are refused with the problem named, and nothing is written.
func TestImportRefusals(t *testing.T) {
	f := newFx(t)
	cases := []struct {
		name, file, content string
		want                []string
	}{
		{"word document", "notes.docx", "PK\x03\x04", []string{"notes.docx is not a .vtt or .srt file"}},
		{"empty", "empty.vtt", "WEBVTT\n\n", []string{"holds no subtitle lines"}},
		{"not subtitles", "readme.srt", "Dear team,\nhere are my notes.\n", []string{"readme.srt"}},
		{"not utf-8", "latin.srt", "1\n00:00:01,000 --> 00:00:02,000\nJos\xe9: ol\xe1\n", []string{"not UTF-8"}},
		{"line too long", "long.srt", "1\n00:00:01,000 --> 00:00:02,000\n" + strings.Repeat("blah ", 1200) + "\n",
			[]string{"0:00:01", "up to 5000"}},
		{"no file name", "", "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", []string{"fileName"}},
		{"too big", "big.vtt", "WEBVTT\n" + strings.Repeat(" ", maxFileBytes), []string{"up to 10 MB"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.Import(ImportInput{SessionID: f.session, FileName: c.file, Content: []byte(c.content)})
			storetest.WantErr(t, err, store.ErrInvalid, c.want...)
		})
	}
	_, err := f.s.Import(ImportInput{SessionID: 999, FileName: "teams.vtt", Content: []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n")})
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")
	if n := f.count(`SELECT count(*) FROM transcripts`) + f.count(`SELECT count(*) FROM transcript_lines`); n != 0 {
		t.Errorf("refused imports wrote %d rows", n)
	}
}

// A line of a consenting participant becomes an attributed quote on the
// activity in one call; lines of the team, of an unmatched speaker, of a
// participant without a recording consent, of two speakers, or already
// quoted are refused with the reason.
func TestQuoteLines(t *testing.T) {
	f := newFx(t)
	tr := f.load("teams.vtt")
	ana := linesOf(tr, speaker(t, tr, "Ana Lima"))
	lines, err := f.s.QuoteLines(QuoteInput{LineIDs: ana, ActivityID: f.board})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].EntryID == 0 || lines[0].EntryID != lines[1].EntryID || lines[0].QuotedIn != "Where it hurts" {
		t.Fatalf("quoted lines %+v", lines)
	}
	var q struct {
		Member   int64  `db:"member_id"`
		Activity int64  `db:"activity_id"`
		Text     string `db:"text"`
	}
	if err := f.db.Get(&q, `SELECT member_id, activity_id, text FROM entries WHERE id = ? AND kind = 'quote'`, lines[0].EntryID); err != nil {
		t.Fatal(err)
	}
	want := "Honestly the supplier list is where I always get stuck. I export it to a spreadsheet first, then I fix the columns by hand."
	if q.Member != f.ana || q.Activity != f.board || q.Text != want {
		t.Errorf("quote %+v", q)
	}
	if got, _ := f.s.Get(tr.ID); got.Quoted != 2 || got.Lines[1].QuotedIn != "Where it hurts" {
		t.Errorf("after quoting: %+v", got.Summary)
	}

	bruno := linesOf(tr, speaker(t, tr, "Bruno"))
	chris := linesOf(tr, speaker(t, tr, "Chris Mendel"))
	priya := linesOf(tr, speaker(t, tr, "Priya Shah"))
	refusals := []struct {
		name string
		in   QuoteInput
		want string
	}{
		{"the team", QuoteInput{LineIDs: priya, ActivityID: f.board}, "Priya Shah is the team"},
		{"no consent", QuoteInput{LineIDs: chris, ActivityID: f.board}, "Chris Mendel has no recording consent"},
		{"two speakers", QuoteInput{LineIDs: append(append([]int64{}, bruno...), chris...), ActivityID: f.board}, "one speaker"},
		{"already quoted", QuoteInput{LineIDs: ana[:1], ActivityID: f.board}, "already quoted"},
		{"none", QuoteInput{ActivityID: f.board}, "between 1 and 20"},
	}
	for _, c := range refusals {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.QuoteLines(c.in)
			storetest.WantErr(t, err, store.ErrInvalid, c.want)
		})
	}
	_, err = f.s.QuoteLines(QuoteInput{LineIDs: []int64{9999}, ActivityID: f.board})
	storetest.WantErr(t, err, store.ErrNotFound, "line 9999")
	_, err = f.s.QuoteLines(QuoteInput{LineIDs: bruno, ActivityID: 9999})
	storetest.WantErr(t, err, store.ErrNotFound)
	if n := f.count(`SELECT count(*) FROM entries WHERE kind = 'quote'`); n != 1 {
		t.Errorf("refusals wrote quotes: %d", n)
	}

	// An unmatched speaker is refused until matched; a trimmed excerpt is
	// the quote's text; a quote about the session as a whole has no activity.
	if _, err := f.s.MatchSpeaker(SpeakerInput{SpeakerID: speaker(t, tr, "Bruno").ID}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.QuoteLines(QuoteInput{LineIDs: bruno})
	storetest.WantErr(t, err, store.ErrInvalid, `match speaker "Bruno" to a participant first`)
	sp, err := f.s.MatchSpeaker(SpeakerInput{SpeakerID: speaker(t, tr, "Bruno").ID, MemberID: f.bruno})
	if err != nil || sp.Member != "Bruno Costa" || !sp.Recording {
		t.Fatalf("match %+v %v", sp, err)
	}
	got, err := f.s.QuoteLines(QuoteInput{LineIDs: bruno, Text: "  every Monday "})
	if err != nil || got[0].QuotedIn != "the session" {
		t.Fatalf("quote about the session %+v %v", got, err)
	}
	if n := f.count(`SELECT count(*) FROM entries WHERE kind = 'quote' AND text = 'every Monday' AND activity_id IS NULL AND member_id = ?`, f.bruno); n != 1 {
		t.Error("the excerpt was not saved as the quote's text")
	}

	// Deleting the quote frees its lines.
	f.exec(`DELETE FROM entries WHERE id = ?`, lines[0].EntryID)
	if got, _ := f.s.Get(tr.ID); got.Lines[1].EntryID != 0 || got.Lines[1].QuotedIn != "" {
		t.Errorf("lines of a deleted quote read %+v", got.Lines[1])
	}
}

// Matching checks the participant; dropping a speaker deletes their
// lines; deleting a transcript keeps its quotes.
func TestMatchDropDelete(t *testing.T) {
	f := newFx(t)
	tr := f.load("teams.vtt")
	outsider := f.exec(`INSERT INTO members (id, name, status, created_at, updated_at) VALUES (?, 'Dana Outsider', 'active', 'x', 'x')`,
		storetest.NewID(t, f.db))
	chris := speaker(t, tr, "Chris Mendel")
	_, err := f.s.MatchSpeaker(SpeakerInput{SpeakerID: chris.ID, MemberID: outsider})
	storetest.WantErr(t, err, store.ErrInvalid, "Dana Outsider is not a participant of this session")
	_, err = f.s.MatchSpeaker(SpeakerInput{SpeakerID: chris.ID, MemberID: f.chris, Team: true})
	storetest.WantErr(t, err, store.ErrInvalid, "cannot also be the team")
	_, err = f.s.MatchSpeaker(SpeakerInput{SpeakerID: 9999, MemberID: f.chris})
	storetest.WantErr(t, err, store.ErrNotFound, "speaker 9999")
	if sp, err := f.s.MatchSpeaker(SpeakerInput{SpeakerID: chris.ID, Team: true}); err != nil || !sp.Team || sp.MemberID != 0 {
		t.Errorf("mark as team: %+v %v", sp, err)
	}

	if _, err := f.s.QuoteLines(QuoteInput{LineIDs: linesOf(tr, speaker(t, tr, "Ana Lima"))[:1], ActivityID: f.board}); err != nil {
		t.Fatal(err)
	}
	n, err := f.s.DropSpeaker(chris.ID)
	if err != nil || n != 1 {
		t.Fatalf("drop %d %v", n, err)
	}
	if got, _ := f.s.Get(tr.ID); len(got.Lines) != 4 || len(got.Speakers) != 3 {
		t.Errorf("after drop: %d lines, %d speakers", len(got.Lines), len(got.Speakers))
	}
	if err := f.s.Delete(tr.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.Delete(tr.ID), store.ErrNotFound)
	if f.count(`SELECT count(*) FROM transcript_lines`) != 0 || f.count(`SELECT count(*) FROM entries WHERE kind = 'quote'`) != 1 {
		t.Error("delete left lines, or took the quote")
	}
}

// The sample call's transcript: every participant matched, the
// facilitator the team, the two lines the session quoted linked to their
// quotes; without the sample session there is nothing to load into.
func TestLoadDemo(t *testing.T) {
	f := newFx(t)
	_, err := f.s.LoadDemo()
	storetest.WantErr(t, err, store.ErrNotFound, demoSession)
	f.exec(`UPDATE sessions SET title = ? WHERE id = ?`, demoSession, f.session)
	for email, id := range map[string]int64{"zoe@atelier-durand.example": f.ana, "eleni@kafeneio.example": f.bruno,
		"grace@okaforhome.example": f.chris} {
		f.exec(`UPDATE members SET email = ? WHERE id = ?`, email, id)
	}
	f.exec(`INSERT INTO entries (id, session_id, member_id, kind, text, created_at, updated_at)
		VALUES (?, ?, ?, 'quote', 'If it cannot read my Excel, I will not use it twice.', 'x', 'x')`,
		storetest.NewID(t, f.db), f.session, f.chris)
	if n, err := f.s.LoadDemo(); err != nil || n != 1 {
		t.Fatalf("load %d %v", n, err)
	}
	list, _ := f.s.List(f.session)
	tr, err := f.s.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Format != FormatSRT || tr.LineCount != len(demoLines)-2 || tr.Quoted != 1 { // Lukasz is not here
		t.Errorf("sample transcript %+v", tr.Summary)
	}
	if sp := speaker(t, tr, "Facilitator"); !sp.Team {
		t.Errorf("the facilitator is %+v", sp)
	}
	if sp := speaker(t, tr, "Ana Lima"); sp.MemberID != f.ana {
		t.Errorf("Zoe's lines went to %+v", sp)
	}
}
