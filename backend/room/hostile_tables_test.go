package room

// The checks of TestHostileText on what spreadsheets and Markdown viewers
// read: each export is read the way its consumer does (encoding/csv, a
// GitHub-flavoured Markdown parser, a vCard decoder), and a person's own
// data export (JSON).

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-vcard"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	goldhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"soundingboard/backend/board"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
)

// render is one report export, which must succeed.
func (h *hostileFx) render(t *testing.T, kind string, id int64, format string) report.File {
	t.Helper()
	f, err := h.report.Render(kind, id, format)
	if err != nil {
		t.Fatalf("render %s %s: %v", kind, format, err)
	}
	return f
}

// formulaStarts are the first characters a spreadsheet reads as a formula.
const formulaStarts = "=+-@\t\r"

func checkCSV(t *testing.T, h *hostileFx) {
	for _, kind := range []string{report.KindSession, report.KindAssumptions} {
		id := h.session
		if kind == report.KindAssumptions {
			id = 0
		}
		file := h.render(t, kind, id, "csv")
		rows, err := csv.NewReader(bytes.NewReader(file.Data)).ReadAll() // also checks every row has the header's width
		if err != nil {
			t.Fatalf("%s csv does not parse back: %v", kind, err)
		}
		seen := map[string]bool{}
		for i, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
					t.Errorf("%s csv row %d: cell %q would run as a formula", kind, i, cell)
				}
				seen[cell] = true
				for _, s := range hostileSet {
					if strings.Contains(cell, s) {
						seen[s] = true
					}
				}
			}
		}
		if kind == report.KindSession {
			for _, want := range []string{`'=HYPERLINK("http://evil")`, `'+cmd|' /C calc'!A0`, `'@SUM(1)`, `'-2+3`} {
				if !seen[want] {
					t.Errorf("session csv: no cell %q (the note, guarded)", want)
				}
			}
			for _, s := range hostileSet {
				// encoding/csv reads a quoted CRLF as "\n".
				if s = strings.ReplaceAll(s, "\r\n", "\n"); !seen[s] && !strings.ContainsRune(formulaStarts, rune(s[0])) {
					t.Errorf("session csv: %q is not in any cell as typed", s)
				}
			}
		}
	}
}

// allowedTags are the HTML elements Markdown structure may make; a tag
// out of this list came from a note.
var allowedTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "ul": true, "ol": true,
	"li": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "blockquote": true,
	"em": true, "strong": true, "br": true, "hr": true, "code": true}

func checkMarkdown(t *testing.T, h *hostileFx) {
	for _, kind := range []string{report.KindSession, report.KindAssumptions} {
		id := h.session
		if kind == report.KindAssumptions {
			id = 0
		}
		md := h.render(t, kind, id, "md").Data
		// Raw HTML passed through (WithUnsafe) so that a tag that survived
		// the escaping shows up as a tag.
		var out bytes.Buffer
		gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(goldhtml.WithUnsafe()))
		if err := gm.Convert(md, &out); err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		inHeading := false
		z := html.NewTokenizer(bytes.NewReader(out.Bytes()))
	tokens:
		for {
			switch z.Next() {
			case html.ErrorToken:
				break tokens
			case html.StartTagToken, html.SelfClosingTagToken:
				name, _ := z.TagName()
				if !allowedTags[string(name)] {
					t.Errorf("%s markdown: a <%s> element from the notes: %s", kind, name, z.Raw())
				}
				inHeading = len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
			case html.EndTagToken:
				inHeading = false
				text.WriteString("\n")
			case html.CommentToken:
				t.Errorf("%s markdown: raw HTML %s", kind, z.Raw())
			case html.TextToken:
				s := string(z.Text())
				if inHeading && (strings.Contains(s, "Heading") || strings.Contains(s, "alert")) {
					t.Errorf("%s markdown: a note became a heading: %q", kind, s)
				}
				text.WriteString(s)
			}
		}
		if kind == report.KindAssumptions {
			continue // the ledger shows no participant's words, only what they add up to
		}
		shown := text.String()
		// What the reader sees is the text as typed (the markers of
		// injection shown literally, not acted on).
		for _, want := range []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `[click](javascript:alert(1))`,
			`![x](http://evil/p.png)`, `# Heading`, `| a | b |`, "雷声 🙂👩‍🔬 ok", "Heading\n===", "- item\n1. first", "> nested"} {
			if !strings.Contains(shown, want) {
				t.Errorf("%s markdown: %q is not shown as typed", kind, want)
			}
		}
	}
}

// checkMembers: the member list, exported, keeps the hostile name as a
// name (a guarded CSV cell, one vCard's FN), not a formula or a second card.
func checkMembers(t *testing.T, h *hostileFx) {
	file, err := h.board.Export("csv", board.MemberQuery{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(file.Content)).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Fatalf("members csv: %d rows (%v), want a header and 4", len(rows), err)
	}
	found := false
	for _, row := range rows {
		for _, cell := range row {
			found = found || cell == "'"+hostileName
			if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
				t.Errorf("members csv: cell %q would run as a formula", cell)
			}
		}
	}
	if !found {
		t.Errorf("members csv: no guarded cell of the name %q", hostileName)
	}
	file, err = h.board.Export("vcf", board.MemberQuery{})
	if err != nil {
		t.Fatal(err)
	}
	dec := vcard.NewDecoder(strings.NewReader(file.Content))
	var names []string
	for {
		card, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("members vcf: %v", err)
		}
		names = append(names, card.PreferredValue(vcard.FieldFormattedName))
	}
	if len(names) != 4 || !slices.Contains(names, hostileName) {
		t.Errorf("members vcf: names %q, want 4 with %q", names, hostileName)
	}
	// Pasted into the search box, the name finds Eve; no hostile text is
	// an error of the search engine's query syntax.
	for _, q := range append(slices.Clone(hostileSet), hostileName) {
		page, err := h.board.ListMembers(board.MemberQuery{Search: q})
		if err != nil {
			t.Errorf("search %q: %v", q, err)
		} else if q == hostileName && (len(page.Members) != 1 || page.Members[0].ID != h.eve) {
			t.Errorf("search by the name found %+v", page.Members)
		}
	}
}

// checkPersonExport: Eve's own data export (JSON) has a safe file name and
// gives back every word she wrote, exactly.
func checkPersonExport(t *testing.T, h *hostileFx) {
	file, err := privacy.NewService(context.Background(), h.db).ExportPerson(h.eve)
	if err != nil {
		t.Fatal(err)
	}
	checkFileName(t, file.FileName)
	var texts []string
	collectStrings(t, []byte(file.Content), &texts)
	for _, want := range append(slices.Clone(hostileSet), hostileName) {
		if !slices.Contains(texts, want) {
			t.Errorf("person export: %q is not in it as typed", want)
		}
	}
}

// collectStrings gathers every string value of a JSON document.
func collectStrings(t *testing.T, data []byte, out *[]string) {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			*out = append(*out, x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
}
