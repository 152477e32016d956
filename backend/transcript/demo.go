package transcript

import (
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// demoSession is the sample session whose call has a transcript: the
// prototype test, run over video.
const demoSession = "Supplier onboarding: import prototype"

// demoLines are that call's captions as Meet exports them (SubRip, a
// "Name: " before each line); who is a participant's email, "" the
// facilitator. Two lines are the quotes the sample session already holds.
var demoLines = []struct {
	who  string
	at   string // m:ss into the call
	text string
}{
	{"", "0:12", "Thanks for making time. Think aloud as you go: we are testing the prototype, not you."},
	{"zoe@atelier-durand.example", "1:05", "I'd just drag the PDF in, that's how my suppliers send them."},
	{"", "1:20", "Go ahead."},
	{"zoe@atelier-durand.example", "2:41", "Oh, there's a preview. I can see the prices before it saves anything."},
	{"eleni@kafeneio.example", "9:30", "This is exactly how my suppliers send prices: on paper, by hand."},
	{"eleni@kafeneio.example", "9:42", "Most of them, anyway. The fish man writes his on the back of the invoice."},
	{"grace@okaforhome.example", "17:08", "It stopped. My file has merged cells, that's how our buyer does it."},
	{"grace@okaforhome.example", "17:30", "If it cannot read my Excel, I will not use it twice."},
	{"lukasz@nowak-sklep.example", "26:15", "The names came out wrong. Żurek is not Zurek."},
	{"", "40:02", "Which would you pick, the file or the photo?"},
	{"lukasz@nowak-sklep.example", "40:10", "The file. The photo got the names wrong."},
}

// LoadDemo imports the sample call's transcript into the sample prototype
// test, its facilitator marked as the team and the lines the session
// quoted linked to those quotes. It does nothing without that session.
func (s *Transcripts) LoadDemo() (int, error) {
	var sessionID int64
	err := sqlx.GetContext(s.ctx, s.db, &sessionID, `SELECT id FROM sessions WHERE title = ?`, demoSession)
	if err != nil {
		return 0, store.Map(err, fmt.Sprintf("sample session %q", demoSession))
	}
	names := map[string]string{}
	rows := []struct {
		Email string `db:"email"`
		Name  string `db:"name"`
	}{}
	if err := sqlx.SelectContext(s.ctx, s.db, &rows, `SELECT coalesce(m.email, '') AS email, m.name FROM participants pa
		JOIN members m ON m.id = pa.member_id WHERE pa.session_id = ?`, sessionID); err != nil {
		return 0, fmt.Errorf("sample transcript: %w", err)
	}
	for _, r := range rows {
		names[r.Email] = r.Name
	}
	var srt strings.Builder
	for i, l := range demoLines {
		who, ok := names[l.who]
		switch {
		case l.who == "":
			who = "Facilitator"
		case !ok:
			continue // not on this board's sample session
		}
		at, err := time.ParseDuration(strings.Replace(l.at, ":", "m", 1) + "s")
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(&srt, "%d\n%s --> %s\n%s: %s\n\n", i+1, srtClock(at), srtClock(at+6*time.Second), who, l.text)
	}
	t, err := s.Import(ImportInput{SessionID: sessionID, FileName: "import-prototype-call.srt", Content: []byte(srt.String())})
	if err != nil {
		return 0, fmt.Errorf("sample transcript: %w", err)
	}
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(s.ctx, `UPDATE transcript_speakers SET team = 1, member_id = NULL
			WHERE transcript_id = ? AND label = 'Facilitator'`, t.ID); err != nil {
			return err
		}
		_, err := tx.ExecContext(s.ctx, `UPDATE transcript_lines SET entry_id = (SELECT e.id FROM entries e
			WHERE e.session_id = ? AND e.kind = 'quote' AND e.text = transcript_lines.text ORDER BY e.id LIMIT 1)
			WHERE transcript_id = ?`, sessionID, t.ID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sample transcript: %w", err)
	}
	return 1, nil
}

// srtClock is a time in SubRip's notation, 00:01:05,000.
func srtClock(d time.Duration) string {
	ms := d.Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d,%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}
