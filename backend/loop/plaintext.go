package loop

import (
	"strings"
	"unicode"
)

// lineEnds are CRLF and a lone CR, which calendars and mail clients may
// each read as a line end.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// plainText is text from people (a participant's note, a member's name)
// made fit for a calendar or a message: line ends become "\n" and other
// control characters (NUL, escape sequences …) are dropped, which RFC 5545
// does not allow in a TEXT value and a mail client may stop at.
func plainText(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, lineEnds.Replace(s))
}

// oneLine is plainText on one line, for a subject or a title: a line
// break in a mail subject could start a header of its own.
func oneLine(s string) string {
	return strings.Join(strings.Fields(plainText(s)), " ")
}

// desktopMarkup escapes what the freedesktop notification spec reads as
// markup in a notification's body (<b>, <a href>, <img src> …).
var desktopMarkup = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Desktop is the summary as a desktop notification shows it: the title on
// one line, the body plain text with markup escaped, so a reminder made
// from a participant's note shows as text, never as a link or an image.
func (d DueSummary) Desktop() (title, body string) {
	return oneLine(d.Title), desktopMarkup.Replace(plainText(d.Body))
}
