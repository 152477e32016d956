// Text search in lists the frontend filters itself (the participant
// picker). It folds text the way the backend's member search does
// (backend/searchtext): case, width and accents, letters with a stroke,
// ß as ss, and umlauts also as ae/oe/ue, so a list finds Müller by muller
// and by mueller, Łukasz by lukasz. Matching is by substring, which also
// finds CJK and Thai text by any part of it.

/** Letters that keep their mark when accents are removed; people type the base letter. */
const strokes: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't', ƀ: 'b', ɨ: 'i' }
const stroked = new RegExp(`[${Object.keys(strokes).join('')}]`, 'g')

/**
 * Accents typists leave out: Latin, Greek and Cyrillic accents, Hebrew points,
 * Arabic vowel signs. Thai and Devanagari marks are part of the word and stay.
 */
const accents = /[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/g

function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(accents, '')
    .replace(stroked, (c) => strokes[c])
    .normalize('NFC')
}

/** The spellings s is found by: folded as written, and with ae/oe/ue for umlauts. */
export function searchSpellings(s: string): string[] {
  const lower = s.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss')
  const out = [stripAccents(lower)]
  if (/[äöü]/.test(lower)) {
    out.push(stripAccents(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')))
  }
  return out
}

/** Whether every word of query is in text, in any of its spellings. */
export function matchesSearch(text: string, query: string): boolean {
  const hay = searchSpellings(text).join('\n')
  return query
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w !== '')
    .every((w) => searchSpellings(w).some((v) => hay.includes(v)))
}
