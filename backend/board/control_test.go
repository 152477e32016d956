package board

import (
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// ways are the four ways a name reaches the board: typed in the window,
// and imported from our JSON export, a CSV file and a vCard file. Each
// returns the problems it reports for a member named name with notes.
var ways = []struct {
	name string
	try  func(t *testing.T, s *Service, name, notes string) string
}{
	{"typed", func(t *testing.T, s *Service, name, notes string) string {
		if _, err := s.CreateMember(MemberInput{Name: name, Notes: notes}); err != nil {
			storetest.WantErr(t, err, store.ErrInvalid)
			return err.Error()
		}
		return ""
	}},
	{"json", func(t *testing.T, s *Service, name, notes string) string {
		return importProblems(t, s, "m.json", `[{"name": `+jsonString(name)+`, "notes": `+jsonString(notes)+`}]`)
	}},
	{"csv", func(t *testing.T, s *Service, name, notes string) string {
		return importProblems(t, s, "m.csv", "name,notes\n\""+name+"\",\""+notes+"\"\n")
	}},
	{"vcard", func(t *testing.T, s *Service, name, notes string) string {
		return importProblems(t, s, "m.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:"+name+"\r\nNOTE:"+
			strings.ReplaceAll(notes, "\n", `\n`)+"\r\nEND:VCARD\r\n")
	}},
}

// importProblems previews a file, which must hold one row, and returns its
// problems; a row without problems is then imported.
func importProblems(t *testing.T, s *Service, file, content string) string {
	t.Helper()
	req := ImportRequest{FileName: file, Content: []byte(content)}
	p, err := s.PreviewImport(req)
	if err != nil {
		t.Fatalf("preview %s: %v", file, err)
	}
	if len(p.Rows) != 1 {
		t.Fatalf("preview %s: %d rows", file, len(p.Rows))
	}
	if len(p.Rows[0].Problems) > 0 {
		if _, err := s.Import(req); err == nil {
			t.Errorf("import %s wrote a row the preview refused", file)
		}
		return strings.Join(p.Rows[0].Problems, "; ")
	}
	if _, err := s.Import(req); err != nil {
		t.Fatalf("import %s: %v", file, err)
	}
	return ""
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20:
			b.WriteString(`\u00` + string("0123456789abcdef"[r>>4]) + string("0123456789abcdef"[r&15]))
		default:
			b.WriteRune(r)
		}
	}
	return b.String() + `"`
}

// TestControlCharactersOneRule feeds the same name through all four ways
// in: each refuses a control character with the same sentence naming the
// field, and each keeps the format characters scripts need.
func TestControlCharactersOneRule(t *testing.T) {
	s := newTestService(t)
	for _, tc := range []struct {
		name, notes, want string // want "" = accepted
	}{
		{"Ann\x00Lee", "", "name contains the control character U+0000 at character 4; remove it"},
		{"Ann\aLee", "", "name contains the control character U+0007 at character 4; remove it"},
		{"Ann\x1b[31mLee", "", "name contains the control character U+001B at character 4; remove it"},
		{"Ann Lee", "line one\nline\ttwo", ""},
		{"Ann Lee", "bell\a", "notes contains the control character U+0007 at character 5; remove it"},
		{"👩\u200d💻 Ann", "", ""},        // ZWJ
		{"می\u200cخواهم", "", ""},       // ZWNJ
		{"Ann\u200e Lee\u200f", "", ""}, // LRM, RLM
	} {
		for _, way := range ways {
			before := count(t, s, "members")
			got := way.try(t, s, tc.name, tc.notes)
			if tc.want == "" && got != "" {
				t.Errorf("%s %q: refused: %s", way.name, tc.name, got)
			}
			if tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("%s %q: got %q, want %q", way.name, tc.name, got, tc.want)
			}
			if added, want := count(t, s, "members")-before, map[bool]int{true: 1, false: 0}[tc.want == ""]; added != want {
				t.Errorf("%s %q: %d members added, want %d", way.name, tc.name, added, want)
			}
		}
	}
}

// TestControlCharactersOtherFields covers the single-line fields, the
// fields refused by their format checks, tags and line ends in notes.
func TestControlCharactersOtherFields(t *testing.T) {
	s := newTestService(t)
	for _, tc := range []struct {
		in   MemberInput
		want string
	}{
		{MemberInput{Name: "A", Company: "Acme\tInc"}, "company contains the control character U+0009"},
		{MemberInput{Name: "A", Role: "Line\none"}, "role contains the control character U+000A"},
		{MemberInput{Name: "A", Source: "x\u0085y"}, "source contains the control character U+0085"},
		{MemberInput{Name: "A", Email: "a\a@example.org"}, `email "a\a@example.org" is not a valid address`},
		{MemberInput{Name: "A", Timezone: "Europe/Ber\x00lin"}, "timezone"},
		{MemberInput{Name: "A", Tags: []string{"ok", "b\x1bad"}}, "tags contains the control character U+001B"},
	} {
		_, err := s.CreateMember(tc.in)
		storetest.WantErr(t, err, store.ErrInvalid, tc.want)
	}
	m := mustCreate(t, s, MemberInput{Name: "Crlf", Notes: "one\r\ntwo\rthree"})
	if m.Notes != "one\ntwo\nthree" {
		t.Errorf("notes = %q, want line feeds", m.Notes)
	}
	_, err := s.SaveSegment(SegmentInput{Name: "Re\atail"})
	storetest.WantErr(t, err, store.ErrInvalid, "name contains the control character U+0007")
	_, err = s.AddTouchpoint(m.ID, TouchpointInput{Kind: "call", Summary: "rang\x00"})
	storetest.WantErr(t, err, store.ErrInvalid, "summary contains the control character U+0000")
}
