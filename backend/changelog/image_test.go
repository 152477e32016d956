package changelog_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"soundingboard/backend/changelog"
)

// hostile are texts an image must carry exactly as they were written:
// JSON's own syntax, escapes, line and paragraph separators, emoji, CJK,
// right-to-left override, control characters, and text that looks like
// another type.
var hostile = []string{
	`"quoted" \back\slash\`, `{"a":1}`, `[1,2]`, "null", "1.50", "-0", "1e5", "true", "",
	"line\nbreak\r\n\ttab", "\u2028\u2029", "\u202eevil", "😀 家族 👩‍👩‍👧", "\x01\x1f\x7f",
	"</script><script>alert(1)</script>", "=HYPERLINK(\"x\")", "\\u0041", "ünïcödé",
}

// A teammate's rows new to the log are logged as images, one change a
// row: the board, the log read field by field (change_fields), the
// record history and the result are those of the plain path, whatever
// the text; and a batch that comes again adds nothing.
func TestImagesKeepEveryValueAsWritten(t *testing.T) {
	src := newReplica(t, 0)
	var ids []int64
	for i, s := range hostile {
		ids = append(ids, src.insert(`INSERT INTO members (id, name, email, company, notes, contact_cadence_days, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, fmt.Sprintf("Member %d %s", i, s), fmt.Sprintf("m%d@x.com", i), s, s, int64(i*7+1), stamp, stamp))
	}
	src.publish()
	w := newTwins(t, 1, 3)
	first := w.apply(src.batches[0], time.Now())
	if first.Applied == 0 {
		t.Fatal("the first batch applied nothing")
	}
	var images int
	if err := w.short.db.Get(&images, `SELECT count(*) FROM changes WHERE col = '*'`); err != nil || images < len(hostile) {
		t.Fatalf("the new laptop logged %d images (%v), want one for each of the %d members", images, err, len(hostile))
	}
	var fields int
	if err := w.short.db.Get(&fields, `SELECT count(*) FROM change_fields`); err != nil || fields != first.Applied {
		t.Fatalf("the log holds %d fields (%v), want the %d changes applied", fields, err, first.Applied)
	}
	for _, id := range ids {
		key := fmt.Sprintf("[%d]", id)
		plain, err := changelog.History(context.Background(), w.plain.db, "members", key)
		if err != nil {
			t.Fatal(err)
		}
		short, err := changelog.History(context.Background(), w.short.db, "members", key)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(short, plain) {
			t.Fatalf("member %d's history from images:\n%+v\nthe plain path's:\n%+v", id, short, plain)
		}
	}
	if again := w.apply(src.batches[0], time.Now()); again.Applied != 0 {
		t.Fatalf("the batch applied again added %d changes", again.Applied)
	}
	// The same changes one at a time (as a snapshot would bring them) are
	// in the images already.
	for _, c := range src.batches[0] {
		w.apply([]changelog.Change{c}, time.Now())
	}
}

// Reals and blobs stay changes of their own (an image could not hold
// them as they are), next to an image of the row's other fields.
func TestImagesLeaveRealsAndBlobsAlone(t *testing.T) {
	key := "[1099511627776]"
	cs := []changelog.Change{{HLC: 1 << 40, Device: "d07", Table: "members", Key: key, Col: "", Value: int64(1)}}
	for col, v := range map[string]any{"id": int64(1099511627776), "name": "Rae", "notes": []byte("a blob"),
		"contact_cadence_days": 30.5, "created_at": stamp, "updated_at": stamp} {
		cs = append(cs, changelog.Change{HLC: 1 << 40, Device: "d07", Table: "members", Key: key, Col: col, Value: v})
	}
	w := newTwins(t, 1, 3)
	w.apply(cs, time.Now())
	got := w.short.rows(`SELECT col || ':' || typeof(value) FROM changes WHERE device = 'd07' ORDER BY col`)
	if fmt.Sprint(got) != "[:integer *:text contact_cadence_days:real notes:blob]" {
		t.Fatalf("the log holds %v, want an image and the real and blob alone", got)
	}
	if v := w.short.rows(`SELECT contact_cadence_days || '|' || typeof(notes) || '|' || name FROM members`); fmt.Sprint(v) != "[30.5|blob|Rae]" {
		t.Fatalf("the member is %v", v)
	}
}

// Erasing a person a teammate's images told about forgets the images:
// nothing of them stays in the raw log, and a note they wrote, kept as
// anonymous text, keeps no reference to them.
func TestErasureForgetsWhatImagesHold(t *testing.T) {
	rs := team(t, 2)
	a, b := rs[0], rs[1] // b takes the shortcuts from the smallest batch on
	erin := a.addMember("Erin Erased", "erin@x.com")
	a.exec(`UPDATE members SET notes = 'Allergic to peanuts' WHERE id = ?`, erin)
	decision := a.insert(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', ?, ?)`, stamp, stamp)
	session := a.insert(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Interviews', ?, ?)`, decision, stamp, stamp)
	note := a.insert(`INSERT INTO entries (id, session_id, member_id, kind, text, created_at, updated_at) VALUES (?, ?, ?, 'note', 'Exports are slow', ?, ?)`,
		session, erin, stamp, stamp)
	a.publish()
	deliver(rs, 0, 1)
	if n := b.rows(`SELECT count(*) FROM changes WHERE col = '*' AND tbl IN ('members', 'entries')`); n[0] == "0" {
		t.Fatal("the teammate's rows were not logged as images")
	}
	erase(t, b, erin, "Erin Erased")
	leavesNothing(t, b, erin)
	if n := b.rows(`SELECT count(*) FROM change_fields WHERE tbl = 'entries' AND col = 'member_id' AND value = ?`, erin); n[0] != "0" {
		t.Fatalf("the kept note's log still names the erased member in %s changes", n[0])
	}
	if got := b.rows(`SELECT text || '|' || quote(member_id) FROM entries WHERE id = ?`, note); fmt.Sprint(got) != "[Exports are slow|NULL]" {
		t.Fatalf("the note is %v, want it kept without its author", got)
	}
	if h, err := changelog.History(context.Background(), b.db, "entries", fmt.Sprintf("[%d]", note)); err != nil || len(h) == 0 {
		t.Fatalf("the note's history: %v, %v", h, err)
	}
}
