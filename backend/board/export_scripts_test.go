package board

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"soundingboard/backend/scripttest"
)

// TestExportRoundTripEveryScript exports a member per script as CSV, JSON
// and vCard and imports each file into an empty board: every field comes
// back byte for byte. The notes are long, so vCard folds them at 75 octets
// right through multi-byte characters.
func TestExportRoundTripEveryScript(t *testing.T) {
	src := newTestService(t)
	for i, s := range scripttest.Samples {
		mustCreate(t, src, MemberInput{Name: s.Name, Email: fmt.Sprintf("m%d@example.org", i), Company: s.Text,
			Role: s.Name, Segment: "Segment " + s.Name, Persona: s.Script + " " + s.Name, Source: s.Text,
			Notes: scripttest.Long(s.Text, 400) + "\n" + s.Text, Tags: []string{s.Name, s.Script}})
	}
	want := map[string]Member{}
	for name, m := range allMembers(t, src) {
		want[name] = comparable(m)
		if !norm.NFC.IsNormalString(name) {
			t.Fatalf("sample %q is not NFC; the comparison below is byte for byte", name)
		}
	}
	if len(want) != len(scripttest.Samples) {
		t.Fatalf("%d members for %d samples", len(want), len(scripttest.Samples))
	}
	for _, format := range []string{"csv", "vcf", "json", "vcf folded by bytes"} {
		t.Run(format, func(t *testing.T) {
			f, err := src.Export(strings.Fields(format)[0], MemberQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if format == "vcf" {
				scripttest.CheckFolded(t, f.Content)
			}
			if format == "vcf folded by bytes" {
				// Some writers fold at 75 octets regardless of characters;
				// the import joins the octets back before decoding them.
				f.Content = foldAnywhere(strings.ReplaceAll(f.Content, "\r\n ", ""))
			}
			dst := newTestService(t)
			res, err := dst.Import(ImportRequest{FileName: f.FileName, Content: []byte(f.Content)})
			if err != nil {
				t.Fatalf("re-import: %v", err)
			}
			if res.Created != len(want) {
				t.Errorf("created %d of %d: %+v", res.Created, len(want), res)
			}
			got := allMembers(t, dst)
			for name, w := range want {
				if g := comparable(got[name]); !reflect.DeepEqual(g, w) {
					t.Errorf("%s:\n got %+v\nwant %+v", name, g, w)
				}
			}
		})
	}
}

// foldAnywhere folds every line at exactly 75 octets, cutting characters.
func foldAnywhere(content string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(content, "\r\n") {
		for len(line) > 77 {
			b.WriteString(line[:75] + "\r\n ")
			line = line[75:]
		}
		b.WriteString(line)
	}
	return b.String()
}
