package report

import (
	"strings"
	"testing"
)

// A participant's note, escaped, reads back through a CommonMark parser
// as exactly its text: no heading, list, quote, fence, code block, link,
// image or HTML of its own, whatever its lines start with.
func TestMdEscapeKeepsNotesText(t *testing.T) {
	for _, note := range []string{
		"Heading\n===", "Sub\n---", "- item\n+ other\n* third", "1. first\n2) second", "> nested", "~~~\ncode\n~~~",
		"```\ncode", "para\n\n    indented code", "# Heading", "| a | b |\n|---|---|", "[click](javascript:alert(1))",
		"![x](http://evil/p.png)", "<img src=x onerror=alert(1)>", "a\rSub\r---", "ctl\x00\x01\x1b[31m:end", "雷声 🙂👩‍🔬 ok",
	} {
		for _, md := range []string{mdEscape(note) + "\n", mdQuote(note) + "\n", "- " + mdCell(note) + "\n"} {
			got := strings.TrimSpace(markdownText(t, []byte(md)))
			want := strings.Join(strings.Fields(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(note)), " ")
			want = strings.Map(func(r rune) rune {
				if r < ' ' {
					return -1
				}
				return r
			}, want)
			if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(want), " ") {
				t.Errorf("%q as %q reads %q, want %q", note, md, got, want)
			}
		}
	}
}
