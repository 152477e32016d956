package contacts

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// File is a parsed contact file.
type File struct {
	Format   string   // "csv" or "vcard"
	Encoding string   // as detected or chosen
	Columns  []Column // CSV only, in file order
	Unmapped []string // headers nobody understood and no mapping covers
	Records  []Record
}

// HasNameSource reports whether some column yields a name (a full name or
// one of its parts). vCard files always do.
func (f *File) HasNameSource() bool {
	if f.Format != "csv" {
		return true
	}
	for _, c := range f.Columns {
		switch c.Field {
		case Name, FirstName, LastName, MiddleName:
			return true
		}
	}
	return false
}

// NameError explains a CSV file without a name column, listing its headers.
func (f *File) NameError() error {
	hs := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		hs[i] = strconv.Quote(c.Header)
	}
	return fmt.Errorf("the file has no name column: none of its columns (%s) is a name, first name or last name; map one of them to name", strings.Join(hs, ", "))
}

// ReadCSV parses CSV text whose first line holds the headers. The
// delimiter (comma, semicolon or tab) is taken from the header line; an
// Excel "sep=;" first line is honoured. mapping (header -> field, "" or
// "ignore" to drop) overrides the automatic mapping column by column. A
// value that SafeCell guarded is read back without its apostrophe. It
// stops with ctx's error when ctx ends.
func ReadCSV(ctx context.Context, text string, mapping map[string]string) (*File, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	lineOffset := 0
	delim := rune(0)
	// Excel writes "sep=;" as a first line to name the delimiter.
	if first, rest, ok := strings.Cut(text, "\n"); ok && strings.HasPrefix(strings.ToLower(first), "sep=") {
		if sep := []rune(strings.TrimRight(first[4:], "\r")); len(sep) == 1 && validDelim(sep[0]) {
			delim = sep[0]
		}
		text = rest
		lineOffset = 1
	}
	if delim == 0 {
		delim = sniffDelimiter(text)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = false

	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("the file is empty")
	}
	if err != nil {
		return nil, csvError(err, lineOffset)
	}
	headers := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			h = fmt.Sprintf("column %d", i+1)
		}
		headers[i] = h
	}
	cols, err := resolveColumns(headers, mapping)
	if err != nil {
		return nil, err
	}
	f := &File{Format: "csv", Columns: cols, Unmapped: []string{}, Records: []Record{}}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err, lineOffset)
		}
		line, _ := r.FieldPos(0)
		line += lineOffset
		if blank(row) {
			continue
		}
		rec := newRecord(line)
		rec.Raw = row
		for i, v := range row {
			if i >= len(cols) {
				if strings.TrimSpace(v) != "" {
					rec.problemf("the row has %d values but the header has %d columns; a value may contain an unquoted %s", len(row), len(cols), delimName(delim))
					break
				}
				continue
			}
			if cols[i].Sample == "" && strings.TrimSpace(v) != "" {
				cols[i].Sample = shorten(strings.TrimSpace(v))
			}
			rec.add(cols[i].Field, unguard(v))
		}
		rec.finish()
		f.Records = append(f.Records, *rec)
	}
	for _, c := range cols {
		if !c.Known {
			// A blank header over an empty column is padding, not data.
			if strings.HasPrefix(c.Header, "column ") && c.Sample == "" {
				continue
			}
			f.Unmapped = append(f.Unmapped, c.Header)
		}
	}
	return f, nil
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func delimName(d rune) string {
	switch d {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// sniffDelimiter counts candidate delimiters outside quotes in the header
// line and picks the most frequent; comma on a tie or when none appear.
func sniffDelimiter(text string) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, r := range text {
		if r == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if r == '\n' || r == '\r' {
			break
		}
		if r == ',' || r == ';' || r == '\t' {
			counts[r]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

func validDelim(r rune) bool {
	return r != '"' && r != '\r' && r != '\n' && r != 0xFFFD && r != 0 && r < 0x80
}

// csvError rewrites encoding/csv's errors into something a person can fix.
func csvError(err error, lineOffset int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("read CSV: %w", err)
	}
	line := pe.Line + lineOffset
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Errorf("CSV line %d, column %d: a quote (\") inside a field that is not quoted; quote the whole field and double the quote inside it", line, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Errorf("CSV line %d: the quoted field starting on line %d is never closed, or a quote inside it is not doubled; check the quotes", line, pe.StartLine+lineOffset)
	}
	return fmt.Errorf("CSV line %d: %w", line, pe.Err)
}
