// Package valid collects the problems of an input, each naming its field,
// so a service can refuse bad input with one clear message before writing.
package valid

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"soundingboard/backend/store"
)

// Problems is what is wrong with an input, in the order found.
type Problems []string

// Add records a problem.
func (p *Problems) Add(format string, a ...any) { *p = append(*p, fmt.Sprintf(format, a...)) }

// Required checks a trimmed text is not empty.
func (p *Problems) Required(field, v string) {
	if strings.TrimSpace(v) == "" {
		p.Add("%s is required", field)
	}
}

// MaxLen checks a text is at most max characters.
func (p *Problems) MaxLen(field, v string, max int) {
	if utf8.RuneCountInString(v) > max {
		p.Add("%s is longer than %d characters", field, max)
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
		p.Add("%s %q is not one of %s", field, v, strings.Join(allowed, ", "))
	}
}

// Range checks lo <= n <= hi.
func (p *Problems) Range(field string, n, lo, hi int) {
	if n < lo || n > hi {
		p.Add("%s %d is out of range (%d to %d)", field, n, lo, hi)
	}
}

// Date checks v is empty or a real calendar date YYYY-MM-DD.
func (p *Problems) Date(field, v string) {
	if v == "" {
		return
	}
	if d, err := time.Parse(time.DateOnly, v); err != nil || d.Year() < 1900 || d.Year() > 2999 {
		p.Add("%s %q is not a date (YYYY-MM-DD)", field, v)
	}
}

// Clock checks v is empty or a time of day HH:MM.
func (p *Problems) Clock(field, v string) {
	if v == "" {
		return
	}
	if _, err := time.Parse("15:04", v); err != nil {
		p.Add("%s %q is not a time of day (HH:MM)", field, v)
	}
}

// Err is nil when there are no problems, else a store.ErrInvalid error
// listing them all.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return store.Invalid("%s", strings.Join(p, "; "))
}
