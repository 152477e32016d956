// Package valid collects the problems of an input, each naming its field,
// so a service can refuse bad input with one clear message before writing.
package valid

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"soundingboard/backend/store"
)

// Problems is what is wrong with an input, in the order found, each with
// the field it is about, so the frontend shows it beside that field.
type Problems []store.Problem

// Add records a problem of field ("" when no one field is to blame); the
// sentence names the field itself, as it is also read on its own.
func (p *Problems) Add(field, format string, a ...any) {
	*p = append(*p, store.Problem{Field: field, Message: fmt.Sprintf(format, a...)})
}

// Messages are the problems' sentences.
func (p Problems) Messages() []string {
	out := make([]string, len(p))
	for i, pr := range p {
		out[i] = pr.Message
	}
	return out
}

// Required checks a trimmed text is not empty.
func (p *Problems) Required(field, v string) {
	if strings.TrimSpace(v) == "" {
		p.Add(field, "%s is required", field)
	}
}

// MaxLen checks a text is at most max characters.
func (p *Problems) MaxLen(field, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		p.Add(field, "%s is longer than %d characters", field, max)
	}
}

// Text checks a trimmed, required text of at most max characters.
func (p *Problems) Text(field, v string, max int) {
	p.Required(field, v)
	p.MaxLen(field, v, max)
}

// OneOf checks v is one of the allowed values.
func (p *Problems) OneOf(field, v string, allowed ...string) {
	if !slices.Contains(allowed, v) {
		p.Add(field, "%s %q is not one of %s", field, v, strings.Join(allowed, ", "))
	}
}

// Range checks lo <= n <= hi.
func (p *Problems) Range(field string, n, lo, hi int) {
	if n < lo || n > hi {
		p.Add(field, "%s %d is out of range (%d to %d)", field, n, lo, hi)
	}
}

// Date checks v is empty or a real calendar date YYYY-MM-DD.
func (p *Problems) Date(field, v string) {
	if v == "" {
		return
	}
	if d, err := time.Parse(time.DateOnly, v); err != nil || d.Year() < 1900 || d.Year() > 2999 {
		p.Add(field, "%s %q is not a date (YYYY-MM-DD)", field, v)
	}
}

// Clock checks v is empty or a time of day HH:MM.
func (p *Problems) Clock(field, v string) {
	if v == "" {
		return
	}
	if _, err := time.Parse("15:04", v); err != nil {
		p.Add(field, "%s %q is not a time of day (HH:MM)", field, v)
	}
}

// Err is nil when there are no problems, else a store.ErrInvalid error
// listing them all.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return store.InvalidFields(p)
}

// NoControl checks a one-line text holds no control character (Unicode
// category Cc: NUL, BEL, ESC, tab, line breaks, DEL, the C1 range). Format
// characters that scripts need (ZWJ, ZWNJ, direction marks) are not
// controls and pass.
func (p *Problems) NoControl(field, v string) { p.noControl(field, v, "") }

// NoControlLines is NoControl for text that may span lines (notes): line
// feeds and tabs are kept, every other control character is refused.
func (p *Problems) NoControlLines(field, v string) { p.noControl(field, v, "\n\t") }

func (p *Problems) noControl(field, v, allowed string) {
	for i, r := range v {
		if unicode.IsControl(r) && !strings.ContainsRune(allowed, r) { // Cc: C0, DEL and C1
			p.Add(field, "%s contains the control character U+%04X at character %d; remove it",
				field, r, utf8.RuneCountInString(v[:i])+1)
			return
		}
	}
}
