package session

import (
	"strings"
	"testing"
)

// Texts cross from SQLite listed, separated by the byte 0xFF
// (listedEntries), or, when a text holds that byte, packed with their byte
// lengths (packedEntries): any text, control characters, NUL, 0xFF,
// spaces and digits included, must read back as typed, in GetRun and in
// SaveField's answer.
func TestResponsesReadBackAnyText(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	// One per member and field (i%3, i%2), so each is the last write of its slot.
	odd := []string{"a\x00b", "12 3 note 4 ", "tab\tnew\nline", "comma, and \xff byte", "é — ✓", ""}
	for i, text := range odd {
		field := []string{"needs", "notes"}[i%2]
		got := f.field(sc.session, sc.a1, []int64{sc.ada, sc.bo, sc.cy}[i%3], field, text)
		if v := map[string]string{"needs": got.Needs, "notes": got.Notes}[field]; v != text {
			t.Errorf("SaveField %s %q answered %q", field, text, v)
		}
	}
	run, err := f.s.Runs.GetRun(sc.session)
	if err != nil {
		t.Fatal(err)
	}
	var read []string
	for _, r := range run.Items[0].Responses {
		read = append(read, r.Needs, r.Notes)
	}
	all := strings.Join(read, "|")
	for _, text := range odd {
		if !strings.Contains(all, text) {
			t.Errorf("GetRun lost %q: %q", text, all)
		}
	}
	if len(read) != 6 {
		t.Errorf("GetRun read %d fields, want 6: %q", len(read), read)
	}
}

func TestNextPackedEntryRefusesGarbledText(t *testing.T) {
	e, rest, err := nextPackedEntry("7 3 41 note 2 5 t1hello8 0 42 stance 2 7 t2matches")
	if err != nil || e.item != 7 || e.member != 3 || e.id != 41 || e.kind != "note" || e.updated != "t1" || e.text != "hello" {
		t.Fatalf("first entry = %+v, %v", e, err)
	}
	if e, rest, err = nextPackedEntry(rest); err != nil || e.member != 0 || e.text != "matches" || rest != "" {
		t.Fatalf("second entry = %+v, rest %q, %v", e, rest, err)
	}
	for _, bad := range []string{"7 3 41 note 2 50 t1hello", "7 x 41 note 2 5 t1hello", "7 3 41 note", "7 3 41 note 2 -5 t1hello"} {
		if _, _, err := nextPackedEntry(bad); err == nil || !strings.Contains(err.Error(), "garbled") {
			t.Errorf("nextPackedEntry(%q) error = %v, want garbled", bad, err)
		}
	}
}
