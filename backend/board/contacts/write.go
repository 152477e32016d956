package contacts

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
)

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP's list for CSV injection).
const formulaStarts = "=+-@\t\r"

// SafeCell keeps a CSV cell from being run as a formula by a spreadsheet:
// a cell starting with = + - @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text. Every CSV this app writes
// goes through it; ReadCSV takes the apostrophe off again.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// unguard undoes SafeCell, so an exported phone "+49 …" imports as it was.
func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts, rune(s[1])) {
		return s[1:]
	}
	return s
}

// WriteCSV writes records as UTF-8 CSV (no BOM) with ExportHeaders as the
// header line; tags are joined with "; ", which ReadCSV splits again.
// Cells pass through SafeCell.
func WriteCSV(w io.Writer, recs []Record) error {
	rows := make([][]string, len(recs))
	for j, r := range recs {
		rows[j] = r.Cells(ExportHeaders)
	}
	return WriteTable(w, ExportHeaders, rows)
}

// Cells are the record's values under the given field names, tags joined
// with "; " (which ReadCSV splits again).
func (r *Record) Cells(fields []string) []string {
	row := make([]string, len(fields))
	for i, f := range fields {
		if f == Tags {
			row[i] = strings.Join(r.Tags, "; ")
		} else {
			row[i] = r.Fields[f]
		}
	}
	return row
}

// WriteTable writes a header line and rows as UTF-8 CSV (no BOM), every
// cell through SafeCell.
func WriteTable(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	safe := func(cells []string) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = SafeCell(c)
		}
		return out
	}
	if err := cw.Write(safe(header)); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	for i, row := range rows {
		if err := cw.Write(safe(row)); err != nil {
			return fmt.Errorf("write CSV: row %d: %w", i+1, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// WriteVCard writes records as vCard 4.0. Tags become CATEGORIES, one
// property per tag (go-vcard escapes commas inside a value, so a single
// comma-joined CATEGORIES would read as one tag elsewhere). Board fields
// vCard lacks go into X-SOUNDINGBOARD-* properties, which ReadVCard reads back.
// Lines are folded at 75 octets (foldLines), never inside a character.
func WriteVCard(w io.Writer, recs []Record) error {
	var buf bytes.Buffer
	enc := vcard.NewEncoder(&buf)
	for _, r := range recs {
		card := vcard.Card{}
		card.SetValue(vcard.FieldVersion, "4.0")
		card.SetValue(vcard.FieldFormattedName, r.Fields[Name])
		set := func(prop, v string) {
			if v != "" {
				card.SetValue(prop, v)
			}
		}
		set(vcard.FieldEmail, r.Fields[Email])
		set(vcard.FieldTelephone, r.Fields[Phone])
		set(vcard.FieldOrganization, r.Fields[Company])
		set(vcard.FieldTitle, r.Fields[Role])
		set(vcard.FieldNote, r.Fields[Notes])
		set(vcard.FieldTimezone, r.Fields[Timezone])
		for _, t := range r.Tags {
			card.AddValue(vcard.FieldCategories, t)
		}
		for _, f := range xFields {
			set(xProp(f), r.Fields[f])
		}
		if err := enc.Encode(card); err != nil {
			return fmt.Errorf("write vCard: card %d: %w", r.Line, err)
		}
	}
	if _, err := w.Write(foldLines(buf.Bytes())); err != nil {
		return fmt.Errorf("write vCard: %w", err)
	}
	return nil
}

// maxLine is the longest content line RFC 6350 (3.2) wants, in octets,
// without the CRLF.
const maxLine = 75

// foldLines folds each CRLF-terminated line of go-vcard's output (which
// does not fold) into lines of at most maxLine octets, each continuation
// starting with a blank. A cut falls only between two characters: "multi-
// octet characters MUST remain contiguous", since readers that decode line
// by line would turn a split 李 or 👩 into replacement characters.
func foldLines(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/maxLine*3)
	for line := range bytes.SplitSeq(b, []byte("\r\n")) {
		limit := maxLine
		for len(line) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			out.Write(line[:cut])
			out.WriteString("\r\n ")
			line, limit = line[cut:], maxLine-1 // the blank counts
		}
		out.Write(line)
		out.WriteString("\r\n")
	}
	// SplitSeq yields an empty last piece after the final CRLF.
	return bytes.TrimSuffix(out.Bytes(), []byte("\r\n"))
}
