package privacy_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/privacy"
	"soundingboard/backend/storetest"
	"soundingboard/backend/transcript"
)

// What a person said in a recorded session is in their export; erasing
// them deletes their lines and their name as a speaker, keeps their
// quote as anonymous text, and leaves the other speakers' lines.
func TestTranscriptsInExportAndErasure(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	b, p, tr := board.NewService(ctx, db), privacy.NewService(ctx, db), transcript.NewTranscripts(ctx, db)
	ana, err := b.CreateMember(board.MemberInput{Name: "Ana Silva"})
	if err != nil {
		t.Fatal(err)
	}
	ben, err := b.CreateMember(board.MemberInput{Name: "Ben Okafor"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.SetConsent(ana.ID, board.ConsentInput{Kind: string(board.ConsentRecording), GrantedOn: "2024-01-10"}); err != nil {
		t.Fatal(err)
	}
	session := storetest.Session(t, db, "Invoices workshop", map[int64]string{ana.ID: "attended", ben.ID: "attended"})
	got, err := tr.Import(transcript.ImportInput{SessionID: session, FileName: "call.vtt", Content: []byte("WEBVTT\n\n" +
		"00:00:01.000 --> 00:00:03.000\n<v Ana Silva>I send invoices from my phone.</v>\n\n" +
		"00:00:04.000 --> 00:00:06.000\n<v Ben Okafor>I never do.</v>\n\n" +
		"00:00:07.000 --> 00:00:09.000\n<v Ana Silva>Every Friday, on the train.</v>\n")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.QuoteLines(transcript.QuoteInput{LineIDs: []int64{got.Lines[0].ID}}); err != nil {
		t.Fatal(err)
	}

	f, err := p.ExportPerson(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var export privacy.PersonExport
	if err := json.Unmarshal([]byte(f.Content), &export); err != nil {
		t.Fatal(err)
	}
	lines := export.Transcripts
	if len(lines) != 2 || lines[0].Text != "I send invoices from my phone." || lines[0].Session != "Invoices workshop" ||
		lines[0].File != "call.vtt" || lines[0].Speaker != "Ana Silva" || lines[1].StartMS != 7000 {
		t.Errorf("export transcripts %+v, want Ana's two lines", lines)
	}
	if !strings.Contains(export.Limitations, "transcripts") {
		t.Errorf("limitations do not mention transcripts: %s", export.Limitations)
	}

	e, err := p.ErasePerson(ana.ID, "Ana Silva")
	if err != nil {
		t.Fatal(err)
	}
	if e.TranscriptLines != 2 || e.Quotes != 1 {
		t.Errorf("erasure counted %d lines, %d quotes; want 2 and 1", e.TranscriptLines, e.Quotes)
	}
	after, err := tr.Get(got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Lines) != 1 || after.Lines[0].Text != "I never do." || len(after.Speakers) != 1 || after.Speakers[0].Label != "Ben Okafor" {
		t.Errorf("after erasure the transcript holds %+v %+v", after.Lines, after.Speakers)
	}
	var left int
	if err := db.Get(&left, `SELECT count(*) FROM transcript_speakers WHERE label = 'Ana Silva'`); err != nil || left != 0 {
		t.Errorf("the erased name stays as a speaker label (%d, %v)", left, err)
	}
	log, err := p.ErasureLog()
	if err != nil || len(log) != 1 || log[0].TranscriptLines != 2 {
		t.Errorf("erasure log %+v %v", log, err)
	}
}
