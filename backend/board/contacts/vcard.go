package contacts

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/quotedprintable"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding/htmlindex"
)

// Our own properties, so a vCard export keeps the board fields that vCard
// has no property for.
const xPrefix = "X-SOUNDINGBOARD-"

var xFields = []string{Segment, Persona, Status, JoinedOn, Source, UsageFrequency, Articulation, Tone, CadenceDays}

func xProp(field string) string {
	return xPrefix + strings.ToUpper(strings.ReplaceAll(field, "_", "-"))
}

// LooksLikeVCard reports whether text starts (after blank lines) with BEGIN:VCARD.
func LooksLikeVCard(text string) bool {
	t := strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	return len(t) >= 11 && strings.EqualFold(t[:11], "BEGIN:VCARD")
}

// joinSplitCharacters undoes the folds that cut a UTF-8 character in two.
// RFC 6350 forbids them, but writers that fold at 75 octets regardless
// make them, and the split bytes make the whole file look like it is not
// UTF-8 at all, so this runs on the raw bytes before the encoding is
// detected. Only such folds are joined (a line ending in an unfinished
// sequence, the next line a blank and the rest of it); others stay for
// normalizeVCard, which knows quoted-printable soft breaks.
func joinSplitCharacters(raw []byte) []byte {
	if !LooksLikeVCard(string(raw[:min(len(raw), 64)])) {
		return raw
	}
	var out []byte // nil until the first join: most files have none
	rest := raw
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 || i+1 >= len(rest) {
			break
		}
		line := bytes.TrimSuffix(rest[:i], []byte("\r"))
		if next := rest[i+1]; (next == ' ' || next == '\t') && unfinished(line) {
			if out == nil {
				out = make([]byte, 0, len(raw))
				out = append(out, raw[:len(raw)-len(rest)]...)
			}
			out = append(out, line...)
			rest = rest[i+2:]
			continue
		}
		if out != nil {
			out = append(out, rest[:i+1]...)
		}
		rest = rest[i+1:]
	}
	if out == nil {
		return raw
	}
	return append(out, rest...)
}

// unfinished reports whether b ends inside a UTF-8 sequence: its last
// lead byte announces more continuation bytes than follow it.
func unfinished(b []byte) bool {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			return b[i] >= 0xC0 && !utf8.FullRune(b[i:])
		}
	}
	return false
}

// ReadVCard parses vCard 2.1, 3.0 and 4.0 text. Record.Line is the card
// number. Group cards (KIND:group) are skipped. It stops with ctx's error
// when ctx ends.
func ReadVCard(ctx context.Context, text string) (*File, error) {
	if !LooksLikeVCard(text) {
		return nil, errors.New("the file is not a vCard: it does not start with BEGIN:VCARD")
	}
	text, err := normalizeVCard(ctx, text)
	if err != nil {
		return nil, err
	}
	dec := vcard.NewDecoder(strings.NewReader(text))
	f := &File{Format: "vcard", Columns: []Column{}, Unmapped: []string{}, Records: []Record{}}
	for n := 1; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		card, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("card %d: %s", n, strings.TrimPrefix(err.Error(), "vcard: "))
		}
		if card.Kind() == vcard.KindGroup || strings.EqualFold(card.Value("X-ADDRESSBOOKSERVER-KIND"), "group") {
			continue
		}
		f.Records = append(f.Records, *cardRecord(card, n))
	}
	return f, nil
}

func cardRecord(card vcard.Card, n int) *Record {
	rec := newRecord(n)
	if fn := text(card.PreferredValue(vcard.FieldFormattedName)); fn != "" {
		rec.add(Name, fn)
	} else if nm := card.Name(); nm != nil {
		rec.add(Name, JoinName(text(nm.GivenName), text(nm.AdditionalName), text(nm.FamilyName)))
	}
	rec.add(Email, card.PreferredValue(vcard.FieldEmail))
	for _, e := range card.Values(vcard.FieldEmail) {
		rec.add(Email, e)
	}
	rec.add(Phone, strings.TrimPrefix(card.PreferredValue(vcard.FieldTelephone), "tel:"))
	if org := card.PreferredValue(vcard.FieldOrganization); org != "" {
		rec.add(Company, text(firstComponent(org)))
	}
	rec.add(Role, text(card.PreferredValue(vcard.FieldTitle)))
	rec.add(Role, text(card.PreferredValue(vcard.FieldRole)))
	for _, note := range card.Values(vcard.FieldNote) {
		rec.add(Notes, text(note))
	}
	for _, c := range card.Values(vcard.FieldCategories) {
		// The decoder has already unescaped "\,", so commas split here.
		for _, t := range strings.Split(c, ",") {
			if t = strings.TrimSpace(text(t)); t != "" && !strings.EqualFold(t, "myContacts") {
				rec.addTags([]string{t})
			}
		}
	}
	if tz := text(card.PreferredValue(vcard.FieldTimezone)); tz != "" {
		rec.add(Timezone, tz)
	}
	for _, field := range xFields {
		rec.add(field, text(card.Value(xProp(field))))
	}
	rec.finish()
	return rec
}

// text undoes the escapes go-vcard leaves in place ("\;", "\N").
func text(s string) string {
	if !strings.Contains(s, `\`) {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.NewReplacer(`\;`, ";", `\N`, "\n", `\:`, ":").Replace(s))
}

// firstComponent returns the first part of a structured value
// ("Acme\;Inc;Sales" -> "Acme\;Inc").
func firstComponent(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == ';' {
			return s[:i]
		}
	}
	return s
}

// normalizeVCard rewrites vCard text, in one pass, into the form go-vcard
// reads well. Folded lines are unfolded here: go-vcard joins them by
// repeated string concatenation, quadratic in the folds of one property (a
// 1.5 MB note took seconds). vCard 2.1 quoted-printable values (with their
// soft line breaks and CHARSET) are decoded, and bare 2.1 parameters
// ("TEL;WORK;PREF:") become TYPE parameters so preferences survive. Other
// lines pass unchanged. It stops with ctx's error when ctx ends.
func normalizeVCard(ctx context.Context, text string) (string, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	var out strings.Builder
	out.Grow(len(text))
	var line []byte // the logical line being gathered
	qp, started := false, false
	for n := 0; text != ""; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return "", err
			}
		}
		var l string
		l, text, _ = strings.Cut(text, "\n")
		l = strings.TrimSuffix(l, "\r")
		switch {
		case started && qp && len(line) > 0 && line[len(line)-1] == '=':
			// A quoted-printable soft line break: the value goes on.
			line = append(line[:len(line)-1], l...)
		case started && l != "" && (l[0] == ' ' || l[0] == '\t'):
			// A folded line: the break and one blank go, as go-vcard does.
			line = append(line, l[1:]...)
		default:
			if started {
				writeLine(&out, string(line))
			}
			line, qp, started = append(line[:0], l...), quotedPrintable(l), true
		}
	}
	if started {
		writeLine(&out, string(line))
	}
	return out.String(), nil
}

// quotedPrintable reports whether a content line's value is quoted-printable.
func quotedPrintable(l string) bool {
	head, _, ok := splitProperty(l)
	if !ok {
		return false
	}
	_, params := splitParams(head)
	return slices.ContainsFunc(params, isQPParam)
}

// isQPParam reports whether a parameter says quoted-printable, in the
// vCard 2.1 bare form or as ENCODING=.
func isQPParam(p string) bool {
	k, v, hasEq := strings.Cut(p, "=")
	return (hasEq && strings.EqualFold(k, "ENCODING") && strings.EqualFold(v, "QUOTED-PRINTABLE")) ||
		(!hasEq && strings.EqualFold(p, "QUOTED-PRINTABLE"))
}

// writeLine writes one unfolded content line, rewritten where go-vcard
// would misread it.
func writeLine(out *strings.Builder, l string) {
	head, value, ok := splitProperty(l)
	if l == "" || !ok {
		out.WriteString(l)
		out.WriteByte('\n')
		return
	}
	key, params := splitParams(head)
	qp, charset, rewrite := false, "", false
	kept := params[:0]
	for _, p := range params {
		k, v, hasEq := strings.Cut(p, "=")
		switch {
		case isQPParam(p):
			qp, rewrite = true, true
		case hasEq && strings.EqualFold(k, "CHARSET"):
			charset, rewrite = strings.Trim(v, `"`), true
		case !hasEq && (strings.EqualFold(p, "8BIT") || strings.EqualFold(p, "7BIT")):
			rewrite = true
		case !hasEq && strings.EqualFold(p, "BASE64"):
			kept = append(kept, "ENCODING=b")
			rewrite = true
		case !hasEq && p != "":
			kept = append(kept, "TYPE="+p)
			rewrite = true
		default:
			kept = append(kept, p)
		}
	}
	// A CHARSET without quoted-printable is dropped: the file as a whole
	// has already been decoded to text.
	if !rewrite {
		out.WriteString(l)
		out.WriteByte('\n')
		return
	}
	if qp {
		value = escapeValue(decodeQP(value, charset))
	}
	out.WriteString(key)
	for _, p := range kept {
		out.WriteByte(';')
		out.WriteString(p)
	}
	out.WriteByte(':')
	out.WriteString(value)
	out.WriteByte('\n')
}

// splitProperty splits a content line at the first colon outside quotes.
func splitProperty(l string) (head, value string, ok bool) {
	inQuote := false
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '"':
			inQuote = !inQuote
		case ':':
			if !inQuote {
				return l[:i], l[i+1:], true
			}
		}
	}
	return "", "", false
}

// splitParams splits "item1.TEL;TYPE=work;PREF" into the key and its
// parameters, honouring quotes.
func splitParams(head string) (string, []string) {
	var parts []string
	inQuote, start := false, 0
	for i := 0; i < len(head); i++ {
		switch head[i] {
		case '"':
			inQuote = !inQuote
		case ';':
			if !inQuote {
				parts = append(parts, head[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, head[start:])
	return parts[0], parts[1:]
}

// decodeQP decodes a quoted-printable value in the given charset (UTF-8
// when absent; Windows-1252 when the bytes are not UTF-8 and no charset is
// named). Malformed escapes are kept literally rather than dropped.
func decodeQP(v, charset string) string {
	// A buffer as big as the value: quotedprintable reads by lines, and
	// splits an escape across its default 4 KB buffer, failing on the
	// long lines that joined soft line breaks make.
	raw, err := io.ReadAll(quotedprintable.NewReader(bufio.NewReaderSize(strings.NewReader(v), len(v)+1)))
	if err != nil {
		raw = []byte(v)
	}
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs == "" || cs == "utf-8" || cs == "utf8" {
		if utf8.Valid(raw) {
			return string(raw)
		}
		cs = "windows-1252"
	}
	enc, err := htmlindex.Get(cs)
	if err != nil {
		enc, _ = htmlindex.Get("windows-1252")
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD")))
	}
	return string(out)
}

// escapeValue prepares a decoded value for go-vcard's parser, which
// unescapes backslashes and "\n".
func escapeValue(v string) string {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\n`).Replace(v)
}
