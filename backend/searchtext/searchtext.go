// Package searchtext folds text for search. The member search index
// stores what Index returns and is queried with what Query builds; both
// come from one folding (terms), so a name is found however it was
// written, in any script:
//
//   - case, width and accents are folded (Ångström, ANGSTROM and angstrom
//     are one word), letters with a stroke too (Łukasz, lukasz);
//   - ß is ss, and a word with ä, ö or ü is stored a second time with ae,
//     oe, ue, so Müller is found by muller and by mueller; a query is never
//     rewritten the other way, so "blue" or "samuel" match only themselves;
//   - in scripts written without spaces between words (Chinese, Japanese,
//     Korean names, Thai, Lao, Khmer, Myanmar) every character, with its
//     vowel and tone marks, is a word of its own, and a query's run of them
//     is a phrase: 李雷 is found by 雷, 山田花子 by 花子.
//
// The FTS5 table must use the unicode61 tokenizer with marks as token
// characters (categories 'L* N* Co M*'), so a Thai cluster or a Hindi
// word stays one token.
package searchtext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Index returns s as the search index should hold it: the folded words of
// every spelling, space-separated.
func Index(s string) string {
	if isASCII(s) {
		// Already what terms would make of it, once FTS5 lower-cases it and
		// splits it at punctuation; most text is like this, so import stays fast.
		return s
	}
	var b strings.Builder
	for _, t := range terms(s) {
		for _, tokens := range t {
			for _, tok := range tokens {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(tok)
			}
		}
	}
	return b.String()
}

// Query turns what a person typed into an FTS5 MATCH expression over text
// stored with Index: every word must match as a prefix, in one of its
// spellings; a run of CJK or Thai characters matches as a phrase. It uses
// at most maxTokens index words, so a pasted wall of text stays a small
// query, and returns "" when nothing is left to search for. Nothing typed
// reaches FTS5 syntax: every word is quoted and holds only letters,
// numbers and marks.
func Query(s string, maxTokens int) string {
	var parts []string
	used := 0
	for _, t := range terms(s) {
		if used >= maxTokens {
			break
		}
		n := min(len(t[0]), maxTokens-used)
		used += n
		alts := make([]string, 0, len(t))
		for _, tokens := range t {
			alts = append(alts, `"`+strings.Join(tokens[:min(n, len(tokens))], " ")+`"*`)
		}
		if len(alts) == 1 {
			parts = append(parts, alts[0])
		} else {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	return strings.Join(parts, " AND ")
}

// term is one typed word: its spellings (the first as written, then the
// German one), each the index words it folds to, in order.
type term [][]string

// terms is the one folding of Index and Query: it splits s into words at
// anything but letters, numbers and marks, and folds each.
func terms(s string) []term {
	if !isASCII(s) {
		s = norm.NFKC.String(s) // full-width letters, ligatures, composed accents
	}
	var out []term
	for _, word := range strings.FieldsFunc(s, isSeparator) {
		word = strings.ReplaceAll(strings.ToLower(word), "ß", "ss")
		spellings := []string{word}
		if strings.ContainsAny(word, "äöü") {
			spellings = append(spellings, germanDigraphs.Replace(word))
		}
		var t term
		for _, sp := range spellings {
			if tokens := split(stripMarks(sp)); len(tokens) > 0 {
				t = append(t, tokens)
			}
		}
		if len(t) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// germanDigraphs spells umlauts the way German is typed without them.
var germanDigraphs = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue")

// strokes are letters that carry their mark in the letter itself, so
// removing combining marks leaves them alone; people type the base letter.
var strokes = map[rune]rune{'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ŧ': 't', 'ƀ': 'b', 'ɨ': 'i'}

// stripMarks removes the accents people leave out when typing (Latin,
// Greek and Cyrillic accents, Arabic vowel signs, Hebrew points), and keeps
// marks that are part of the word, such as Thai vowels and tone marks or
// Devanagari vowel signs.
func stripMarks(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if isAccent(r) {
			continue
		}
		if base, ok := strokes[r]; ok {
			r = base
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// isAccent reports whether r is a mark typists leave out.
func isAccent(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F: // combining diacritical marks (Latin, Greek, Cyrillic)
		return true
	case r >= 0x0591 && r <= 0x05C7: // Hebrew points and cantillation
		return unicode.Is(unicode.Mn, r)
	case r >= 0x064B && r <= 0x065F, r == 0x0670: // Arabic harakat
		return true
	}
	return false
}

// split cuts a folded word into index words: each character of a script
// written without spaces becomes its own word (with the marks after it),
// and what lies between stays whole.
func split(word string) []string {
	var out []string
	start, cluster := -1, false
	flush := func(end int) {
		if start >= 0 && strings.ContainsFunc(word[start:end], isLetterOrNumber) {
			out = append(out, word[start:end])
		}
		start = -1
	}
	for i, r := range word {
		switch {
		case noSpaceScript(r):
			flush(i)
			start, cluster = i, true
		case unicode.IsMark(r) && start >= 0:
			// a mark belongs to the character before it
		case cluster || start < 0:
			flush(i)
			start, cluster = i, false
		}
	}
	flush(len(word))
	return out
}

// noSpaceScripts are written without spaces between words.
var noSpaceScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
	unicode.Bopomofo, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}

func noSpaceScript(r rune) bool {
	return r >= 0x0E00 && !unicode.IsMark(r) && unicode.In(r, noSpaceScripts...)
}

func isSeparator(r rune) bool { return !isLetterOrNumber(r) && !unicode.IsMark(r) }

func isLetterOrNumber(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
