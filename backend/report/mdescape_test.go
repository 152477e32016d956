package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// noteTags are elements a note must never make: links (also the ones
// GitHub-flavoured viewers make of bare URLs), images, HTML, headings,
// code, rules.
var noteTags = regexp.MustCompile(`<(a|img|script|h[1-6]|pre|code|hr)[ >/]`)

// A participant's note, escaped, reads back through a CommonMark parser
// as exactly its text: no heading, list, quote, fence, code block, link,
// image or HTML of its own, whatever its lines start with.
func TestMdEscapeKeepsNotesText(t *testing.T) {
	for _, note := range []string{
		"Heading\n===", "Sub\n---", "- item\n+ other\n* third", "1. first\n2) second", "> nested", "~~~\ncode\n~~~",
		"```\ncode", "para\n\n    indented code", "# Heading", "| a | b |\n|---|---|", "[click](javascript:alert(1))",
		"![x](http://evil/p.png)", "<img src=x onerror=alert(1)>", "a\rSub\r---", "ctl\x00\x01\x1b[31m:end", "雷声 🙂👩‍🔬 ok",
		"see http://evil.example/x, www.evil.example or WWW.EVIL.EXAMPLE",
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
			var gfm bytes.Buffer
			if err := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe())).
				Convert([]byte(md), &gfm); err != nil {
				t.Fatal(err)
			}
			if tag := noteTags.FindString(gfm.String()); tag != "" {
				t.Errorf("%q as %q makes %s in a GitHub-flavoured viewer: %s", note, md, tag, gfm.String())
			}
		}
	}
}
