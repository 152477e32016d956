// Package filename makes file names from what people typed (names,
// session titles) in any script: 李雷.pdf, not ____.pdf, yet safe on
// every system a file is saved or unzipped on.
package filename

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// reserved reports the device names Windows refuses as a file name, with
// any extension ("nul.txt"), in any case; stem is upper case.
func reserved(stem string) bool {
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	for _, dev := range []string{"COM", "LPT"} {
		if d, ok := strings.CutPrefix(stem, dev); ok && d != "" && strings.Contains("0123456789¹²³", d) && len([]rune(d)) == 1 {
			return true
		}
	}
	return false
}

// hidden reports the invisible characters a name may not carry: bidi
// controls, which can make "evil\u202Efdp.exe" look like "evilexe.pdf", and
// the byte-order mark. Joiners (U+200C, U+200D) stay: emoji sequences and
// Indic scripts need them.
func hidden(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) ||
		(r >= 0x2066 && r <= 0x2069) || r == 0xFEFF
}

// Safe makes a file name (without extension) of name: NFC, in any script,
// with no path separators, control or bidi characters, characters Windows
// reserves (<>:"/\|?*) or reserved device names (CON, nul.txt …), no
// leading or trailing dots or spaces, and at most maxBytes bytes of UTF-8,
// cut between two user-perceived characters (never inside 👩‍🔬 or a Thai
// vowel). fallback is used when nothing is left.
func Safe(name, fallback string, maxBytes int) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case hidden(r):
			return -1
		case unicode.IsControl(r) || unicode.IsSpace(r) || strings.ContainsRune(`<>:"/\|?*`, r):
			return ' '
		}
		return r
	}, norm.NFC.String(name))
	s = strings.Trim(cut(strings.Join(strings.Fields(s), " "), maxBytes), ". ")
	if s == "" {
		return fallback
	}
	stem, _, _ := strings.Cut(strings.ToUpper(s), ".")
	if reserved(strings.TrimSpace(stem)) {
		s = "_" + s
	}
	return s
}

// Slug makes a lower-case file-name part of the parts: runs of letters
// and digits (with their combining marks, so Thai and Devanagari words stay
// whole) joined by single dashes, at most maxBytes bytes, cut between
// characters. "" when the parts hold no letter or digit.
func Slug(maxBytes int, parts ...string) string {
	var b strings.Builder
	dash := false
	rest, state := norm.NFC.String(strings.ToLower(strings.Join(parts, " "))), -1
	for rest != "" {
		var g string
		g, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		first := []rune(g)[0]
		if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
			dash = true
			continue
		}
		sep := ""
		if dash && b.Len() > 0 {
			sep = "-"
		}
		if b.Len()+len(sep)+len(g) > maxBytes {
			break
		}
		b.WriteString(sep + g)
		dash = false
	}
	return b.String()
}

// cut shortens s to at most maxBytes bytes, between two grapheme clusters.
func cut(s string, maxBytes int) string {
	if len(s) <= maxBytes {
		return s
	}
	n, rest, state := 0, s, -1
	for rest != "" {
		var g string
		g, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if n+len(g) > maxBytes {
			break
		}
		n += len(g)
	}
	return s[:n]
}
