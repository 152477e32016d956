package loop

import (
	"strings"

	"soundingboard/backend/wording"
)

// oneLine is wording.PlainText on one line, for a subject or a title: a line
// break in a mail subject could start a header of its own.
func oneLine(s string) string {
	return strings.Join(strings.Fields(wording.PlainText(s)), " ")
}

// desktopMarkup escapes what the freedesktop notification spec reads as
// markup in a notification's body (<b>, <a href>, <img src> …).
var desktopMarkup = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Desktop is the summary as a desktop notification shows it: the title on
// one line, the body plain text with markup escaped, so a reminder made
// from a participant's note shows as text, never as a link or an image.
func (d DueSummary) Desktop() (title, body string) {
	return oneLine(d.Title), desktopMarkup.Replace(wording.PlainText(d.Body))
}
