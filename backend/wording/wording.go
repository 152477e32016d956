// Package wording holds the few phrases every domain writes the same way
// into the sentences people read: messages, warnings and reports.
package wording

import (
	"strconv"
	"strings"
	"unicode"
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

// familyFirst are the scripts whose names put the family name first and
// are often written without spaces: Chinese (Han), Japanese (Han, kana)
// and Korean (Hangul). Their first word is a family name, so a greeting
// uses the whole name (山田 花子, not 山田).
var familyFirst = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul}

// FirstName is the part of a name to greet someone by: the first word
// ("Zoë Durand" → "Zoë", "ليلى حداد" → "ليلى", "अनन्या शर्मा" → "अनन्या"),
// or the whole name, spaces tidied, when it is written in a script that
// puts the family name first (Chinese, Japanese, Korean). "" for a blank
// name.
func FirstName(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	for _, r := range name {
		if unicode.In(r, familyFirst...) {
			return strings.Join(words, " ")
		}
	}
	return words[0]
}

// lineEnds are CRLF and a lone CR, which CommonMark, calendars and mail
// clients may each read as a line end.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// PlainText is text from people (a participant's note, a member's name)
// made fit for a calendar, a message or Markdown: line ends become "\n",
// and other control characters (NUL, escape sequences, DEL, C1 …) are
// dropped, which RFC 5545 does not allow in a TEXT value and a mail client
// or Markdown viewer may stop at or show as garbage.
func PlainText(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, lineEnds.Replace(s))
}
