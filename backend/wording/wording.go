// Package wording holds the few phrases every domain writes the same way
// into the sentences people read: messages, warnings and reports.
package wording

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Count is "1 member" or "3 members": n with the singular or plural form.
// Both forms are given, so irregular ones ("1 entry", "2 entries") and
// whole phrases ("participant has" / "participants have") read right.
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Quote puts s in typographic quotation marks, unless it already stands in
// quotation marks of its own: a quote is never quoted twice. One that opens
// with a mark it never closes ("“Ok, then") gets only the closing mark.
func Quote(s string) string {
	const marks = `"“”„«»‘’‚‹›'「」`
	s = strings.TrimSpace(s)
	first, n := utf8.DecodeRuneInString(s)
	if s == "" || !strings.ContainsRune(marks, first) || len(s) == n {
		return "“" + s + "”"
	}
	rest := s[n:]
	if last, _ := utf8.DecodeLastRuneInString(rest); strings.ContainsRune(marks, last) {
		return s
	}
	if !strings.ContainsAny(rest, marks) {
		return s + "”"
	}
	return "“" + s + "”"
}
