// Words the UI shows for the session codes, in the order the backend offers them.

export const stances = ['matches', 'partly', 'does_not_match', 'unsure'] as const
export const reactions = ['confusion', 'excitement', 'frustration', 'other'] as const
export const verdicts = ['validated', 'invalidated', 'needs_research'] as const
export const categories = ['desirability', 'viability', 'feasibility'] as const
export const outcomes = ['persevere', 'pivot', 'drop', 'test_further'] as const
export const participantStates = ['invited', 'confirmed', 'attended', 'no_show'] as const
export const TOP_ASSUMPTIONS = 5

const words: Record<string, string> = {
  matches: 'Matches',
  partly: 'Partly',
  does_not_match: 'Does not match',
  unsure: 'Unsure',
  validated: 'Validated',
  invalidated: 'Invalidated',
  needs_research: 'Needs more research',
  untested: 'Untested',
  test_further: 'Test further',
  no_show: 'No-show',
  assumption_testing: 'Assumption testing',
  problem_mapping: 'Problem mapping',
  ideation_sprint: 'Ideation sprint',
  prototype_testing: 'Prototype testing',
  planned: 'Planned',
  running: 'Running',
  finished: 'Finished',
}

/** "does_not_match" -> "Does not match"; unknown codes are spaced and capitalised. */
export function word(code: string): string {
  if (!code) return ''
  if (words[code]) return words[code]
  const s = code.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

/** "We believe [customers] will [behavior] because [reason]." as the backend writes it. */
export function sentence(customers: string, behavior: string, reason: string): string {
  let r = reason.trim()
  if (r && !/[.?!]$/.test(r)) r += '.'
  return `We believe ${customers.trim() || '…'} will ${behavior.trim() || '…'} because ${r || '…'}`
}

/** Themes as the text of a tag input: "pricing, trust". */
export function themesText(themes: string[] | null | undefined): string {
  return (themes ?? []).join(', ')
}

/** "pricing, trust ,  , Pricing" -> ["pricing", "trust"] (trimmed, no blanks, case-insensitive unique). */
export function parseThemes(text: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of text.split(',')) {
    const t = raw.trim()
    if (!t || seen.has(t.toLowerCase())) continue
    seen.add(t.toLowerCase())
    out.push(t)
  }
  return out
}

/** mm:ss, or h:mm:ss past an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const p = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h}:${p(m)}:${p(s % 60)}` : `${p(m)}:${p(s % 60)}`
}
