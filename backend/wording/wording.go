// Package wording holds the few phrases every domain writes the same way
// into the sentences people read: messages, warnings and reports.
package wording

import "strconv"

// Count is "1 member" or "3 members": n with the singular or plural form.
// Both forms are given, so irregular ones ("1 entry", "2 entries") and
// whole phrases ("participant has" / "participants have") read right.
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
