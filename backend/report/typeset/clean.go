package typeset

import (
	"unicode"
	"unicode/utf8"
)

// dropped stands in, while cleaning, for an emoji left out (a
// noncharacter: it never occurs in text).
const dropped = '\uFDD0'

// Clean makes s printable: tabs become spaces, control and invisible
// formatting characters go, and emoji go unless an embedded font has a
// (monochrome) glyph for them, together with their variation selectors,
// skin tones and joiners, and with the space they leave behind. Line
// breaks stay. Characters no font has stay too: drawing marks them.
func (l *Library) Clean(s string) string {
	if utf8.ValidString(s) && l.simpleLines(s) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	gone := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n':
			out = append(out, r)
		case r == '\t':
			out = append(out, ' ')
		case isEmoji(r):
			// The whole sequence: components, and more emoji joined by ZWJ.
			j, joined := i+1, false
			for j < len(rs) {
				if isEmojiComponent(rs[j]) {
					j++
				} else if rs[j] == zwj && j+1 < len(rs) && isEmoji(rs[j+1]) {
					joined = true
					j += 2
				} else {
					break
				}
			}
			if !joined && l.faceFor(r, false) != nil {
				out = append(out, r)
			} else {
				out = append(out, dropped)
				gone = true
			}
			i = j - 1
		case isEmojiComponent(r):
			// a stray selector, skin tone or keycap: invisible here
		case r == zwj || r == zwnj:
			out = append(out, r) // the shaper needs them (Indic conjuncts, Persian)
		case isBidiControl(r):
			out = append(out, r) // they order the line, and are never drawn
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// invisible: drop
		default:
			out = append(out, r)
		}
	}
	if gone {
		out = closeGaps(out)
	}
	return string(out)
}

// closeGaps removes the dropped marks and the spaces they leave doubled,
// at a line's start or end, or before punctuation.
func closeGaps(rs []rune) []rune {
	out := rs[:0:0]
	skipSpace := false
	for i, r := range rs {
		if r == dropped {
			next := rune(0)
			for _, n := range rs[i+1:] {
				if n != dropped && !isBidiControl(n) {
					next = n
					break
				}
			}
			atStart := len(out) == 0 || out[len(out)-1] == '\n'
			if !atStart && out[len(out)-1] == ' ' &&
				(next == 0 || next == ' ' || next == '\n' || (unicode.IsPunct(next) && !unicode.In(next, unicode.Ps, unicode.Pi))) {
				out = out[:len(out)-1]
			}
			skipSpace = atStart || (len(out) > 0 && out[len(out)-1] == ' ')
			continue
		}
		if skipSpace && r == ' ' {
			continue
		}
		skipSpace = false
		out = append(out, r)
	}
	return out
}

const (
	zwj  = '\u200D'
	zwnj = '\u200C'
	// FSI and PDI isolate a name inside text of another direction (Isolate
	// wraps them round it).
	fsi = '\u2068'
	pdi = '\u2069'
)

// isBidiControl reports whether r is a direction mark or isolate (LRM,
// RLM, LRI, RLI, FSI, PDI); the older embeddings and overrides go.
func isBidiControl(r rune) bool {
	return r == 0x200E || r == 0x200F || (r >= 0x2066 && r <= 0x2069)
}

// Isolate wraps s (a name, say) so that its direction does not change the
// order of the text around it: "— أحمد, Retail" stays a left-to-right line.
func Isolate(s string) string { return string(fsi) + s + string(pdi) }

// isEmoji reports whether r is a pictograph of the emoji blocks.
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, // emoticons, pictographs, flags' letters …
		r >= 0x2600 && r <= 0x27BF, // miscellaneous symbols, dingbats
		r >= 0x2B00 && r <= 0x2BFF,
		r >= 0x231A && r <= 0x23FF:
		return true
	}
	return false
}

// isEmojiComponent reports whether r only modifies the emoji before it.
func isEmojiComponent(r rune) bool {
	return r == 0xFE0E || r == 0xFE0F || r == 0x20E3 || // variation selectors, keycap
		(r >= 0x1F3FB && r <= 0x1F3FF) || // skin tones
		(r >= 0xE0020 && r <= 0xE007F) // tags (subdivision flags)
}

// Metadata cleans s for the document's information (title, subject,
// author): fpdf writes those as UTF-16 but mangles characters beyond
// U+FFFF, so an ideograph there becomes the geta mark and anything else
// there is left out.
func (l *Library) Metadata(s string) string {
	s = l.Clean(s)
	rs := []rune(s)
	out := rs[:0]
	for _, r := range rs {
		switch {
		case r <= 0xFFFF:
			out = append(out, r)
		case unicode.Is(unicode.Ideographic, r):
			out = append(out, []rune(missingIdeograph)...)
		}
	}
	return string(out)
}
