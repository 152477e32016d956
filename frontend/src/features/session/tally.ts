import type { Tally } from '../../api/session'

export const tallyParts = [
  { key: 'matches', label: 'Matches', tone: 'for' },
  { key: 'partly', label: 'Partly', tone: 'partly' },
  { key: 'doesNotMatch', label: 'Does not match', tone: 'against' },
  { key: 'unsure', label: 'Unsure', tone: 'unsure' },
  { key: 'noAnswer', label: 'No answer yet', tone: 'none' },
] as const

export type TallyKey = (typeof tallyParts)[number]['key']

export function tallyTotal(t: Tally): number {
  return t.matches + t.partly + t.doesNotMatch + t.unsure + t.noAnswer
}

/** Segments for a stacked bar: only non-zero parts, with their share in percent (summing to 100). */
export function tallyBar(t: Tally): { key: TallyKey; label: string; tone: string; count: number; percent: number }[] {
  const total = tallyTotal(t)
  if (total === 0) return []
  const parts = tallyParts
    .filter((p) => t[p.key] > 0)
    .map((p) => ({ ...p, count: t[p.key], percent: Math.floor((t[p.key] * 100) / total) }))
  // Give the rounding remainder to the largest parts so the bar is full.
  let rest = 100 - parts.reduce((s, p) => s + p.percent, 0)
  for (const p of [...parts].sort((a, b) => b.count - a.count)) {
    if (rest <= 0) break
    p.percent++
    rest--
  }
  return parts
}

/** "3 matches, 1 partly, 2 no answer yet" — the tally in words, for screen readers and print. */
export function tallySummary(t: Tally): string {
  const parts = tallyParts.filter((p) => t[p.key] > 0).map((p) => `${t[p.key]} ${p.label.toLowerCase()}`)
  return parts.length ? parts.join(', ') : 'No stances yet'
}

/** Which way the stances lean: support (matches + half of partly) against does-not-match. */
export function tallyLean(t: Tally): 'supports' | 'contradicts' | 'mixed' | 'none' {
  const pro = t.matches + t.partly / 2
  const con = t.doesNotMatch + t.partly / 2
  if (pro === 0 && con === 0) return 'none'
  if (pro >= 2 * con && t.matches > 0) return 'supports'
  if (con >= 2 * pro && t.doesNotMatch > 0) return 'contradicts'
  return 'mixed'
}

/**
 * The tally as the run view shows it while typing: no-shows do not count;
 * everyone else without a stance is "no answer yet" (the backend's rule
 * for a session that has not finished).
 */
export function liveTally(
  participants: { memberId: number; state: string }[],
  stanceOf: (memberId: number) => string,
): Tally {
  const t: Tally = { matches: 0, partly: 0, doesNotMatch: 0, unsure: 0, noAnswer: 0 }
  for (const p of participants) {
    if (p.state === 'no_show') continue
    switch (stanceOf(p.memberId)) {
      case 'matches':
        t.matches++
        break
      case 'partly':
        t.partly++
        break
      case 'does_not_match':
        t.doesNotMatch++
        break
      case 'unsure':
        t.unsure++
        break
      default:
        t.noAnswer++
    }
  }
  return t
}
