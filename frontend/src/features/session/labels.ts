// Words the UI shows for the session codes, in the order the backend offers them.

import { Category, inOrder, Outcome, ParticipantState, Reaction, Stance, VerdictKind } from '../../api/enums'

// The backend's codes (api/enums) in the order the UI offers them; the
// empty stance (no answer yet) is left out. Keys 1-4 pick the stances in this order.
const St = Stance
export const stances = inOrder(St, [St.MATCHES, St.PARTLY, St.DOES_NOT_MATCH, St.UNSURE])
const R = Reaction
export const reactions = inOrder(R, [R.CONFUSION, R.EXCITEMENT, R.FRUSTRATION, R.OTHER])
const V = VerdictKind
export const verdicts = inOrder(V, [V.VALIDATED, V.INVALIDATED, V.NEEDS_RESEARCH])
const C = Category
export const categories = inOrder(C, [C.DESIRABILITY, C.VIABILITY, C.FEASIBILITY])
const O = Outcome
export const outcomes = inOrder(O, [O.PERSEVERE, O.PIVOT, O.DROP, O.TEST_FURTHER])
const P = ParticipantState
export const participantStates = inOrder(P, [P.INVITED, P.CONFIRMED, P.ATTENDED, P.NO_SHOW])
export const TOP_ASSUMPTIONS = 5

/**
 * The number an assumption goes by wherever it is listed or drawn (decision
 * page, ledger, map): its id, stable across pages, filters and re-rating,
 * and unique across decisions.
 */
export function assumptionNumber(a: { id: number }): string {
  return String(a.id)
}

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
