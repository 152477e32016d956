package report

import (
	"fmt"
	"strings"
	"time"

	"soundingboard/backend/session"
)

func verdictLabel[T ~string](v T) string {
	switch v {
	case "validated":
		return "Validated"
	case "invalidated":
		return "Invalidated"
	case "needs_research":
		return "Needs more research"
	case "untested":
		return "Untested"
	}
	return "Not rated"
}

func outcomeLabel(v session.Outcome) string {
	switch v {
	case "persevere":
		return "Persevere"
	case "pivot":
		return "Pivot"
	case "drop":
		return "Drop"
	case "test_further":
		return "Test further"
	}
	return string(v)
}

func formatLabel(key string) string {
	for _, f := range session.Formats {
		if f.Key == key {
			return f.Label
		}
	}
	return key
}

func capitalize[T ~string](v T) string {
	s := string(v)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dateLabel writes YYYY-MM-DD as "2 March 2026"; other text is returned as is.
func dateLabel(s string) string {
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t.Format("2 January 2006")
		}
	}
	return s
}

// shortDate writes YYYY-MM-DD as "2 Mar 2026", for tables.
func shortDate(s string) string {
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t.Format("2 Jan 2006")
		}
	}
	return s
}

// tallyText is a tally in words, zero counts left out.
func tallyText(t session.Tally) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(t.Matches, "match")
	add(t.Partly, "partly")
	add(t.DoesNotMatch, "do not match")
	add(t.Unsure, "unsure")
	add(t.NoAnswer, "no answer")
	if len(parts) == 0 {
		return "no answers recorded"
	}
	return strings.Join(parts, " · ")
}

// pseudonym is the n-th (0-based) pseudonym: Participant A … Z, AA, AB …
func pseudonym(n int) string {
	letters := ""
	for n >= 0 {
		letters = string(rune('A'+n%26)) + letters
		n = n/26 - 1
	}
	return "Participant " + letters
}
