// The agenda's pure rules, kept apart from React so they can be tested:
// names of kinds and roles, titles for new activities, dot budgets, times
// typed as seconds or m:ss, planned minutes.
import { Kind } from '../../../api/activity'

/** The kinds in the order the agenda editor offers them (Go's AllKinds). */
export const kinds: Kind[] = [
  Kind.AssumptionCheck,
  Kind.JourneyBoard,
  Kind.IdeaRound,
  Kind.PrototypeTest,
  Kind.OpenQuestion,
  Kind.Rating,
]

const kindWords: Record<Kind, string> = {
  [Kind.AssumptionCheck]: 'Assumption check',
  [Kind.JourneyBoard]: 'Journey board',
  [Kind.IdeaRound]: 'Idea round',
  [Kind.PrototypeTest]: 'Prototype test',
  [Kind.OpenQuestion]: 'Open question',
  [Kind.Rating]: 'Rating',
}

/** "journey_board" -> "Journey board". */
export function kindLabel(kind: string): string {
  return kindWords[kind as Kind] ?? kind
}

/** The item roles a kind walks through; the assumption check's come from the plan's assumptions. */
export const roles: Record<Kind, string[]> = {
  [Kind.AssumptionCheck]: ['assumption'],
  [Kind.JourneyBoard]: ['stage'],
  [Kind.IdeaRound]: ['prompt'],
  [Kind.PrototypeTest]: ['variant', 'task'],
  [Kind.OpenQuestion]: ['question'],
  [Kind.Rating]: ['question'],
}

const roleWords: Record<string, [string, string]> = {
  assumption: ['Assumption', 'Assumptions'],
  stage: ['Stage', 'Stages'],
  prompt: ['Prompt', 'Prompts'],
  variant: ['Variant', 'Variants'],
  task: ['Task', 'Tasks'],
  question: ['Question', 'Questions'],
}

/** "stage" -> "Stage", or "Stages" when plural. */
export function roleLabel(role: string, plural = false): string {
  return roleWords[role]?.[plural ? 1 : 0] ?? role
}

/** A new activity as the editor adds it: a title to rewrite and sensible defaults. */
export function newActivity(kind: Kind) {
  const base = { kind, title: kindLabel(kind), prompt: '', minutes: 10, scale: 0, dots: 0, items: [] as NewItem[] }
  switch (kind) {
    case Kind.JourneyBoard:
      return {
        ...base,
        title: 'Walk the journey',
        minutes: 30,
        dots: 3,
        items: ['Discover', 'Evaluate', 'Use'].map((text) => ({ role: 'stage', text })),
      }
    case Kind.IdeaRound:
      return { ...base, title: 'Ideas', minutes: 30, dots: 3, items: [{ role: 'prompt', text: 'How might we …?' }] }
    case Kind.PrototypeTest:
      return {
        ...base,
        title: 'Try the prototype',
        minutes: 30,
        items: [
          { role: 'variant', text: 'Variant A' },
          { role: 'variant', text: 'Variant B' },
          { role: 'task', text: 'Complete the main task' },
        ],
      }
    case Kind.OpenQuestion:
      return { ...base, title: 'Open question', items: [{ role: 'question', text: 'What did we not ask?' }] }
    case Kind.Rating:
      return {
        ...base,
        title: 'Rating',
        minutes: 5,
        scale: 5,
        items: [{ role: 'question', text: 'How much does it matter?' }],
      }
    default:
      return { ...base, minutes: 45 }
  }
}

interface NewItem {
  role: string
  text: string
}

/** The minutes planned over activities. */
export function plannedMinutes(activities: { minutes: number }[]): number {
  return activities.reduce((n, a) => n + (a.minutes || 0), 0)
}

/** "Planned 65 of 90 minutes", with how far over or under. */
export function planSummary(planned: number, duration: number): { text: string; over: boolean } {
  if (duration <= 0) return { text: `Planned ${planned} min (no session length set)`, over: false }
  const diff = planned - duration
  const tail = diff > 0 ? `, ${diff} over` : diff < 0 ? `, ${-diff} to spare` : ''
  return { text: `Planned ${planned} of ${duration} min${tail}`, over: diff > 0 }
}

/** Where an item moves by delta within a list of n, or -1 when it cannot. */
export function moveTarget(index: number, delta: number, n: number): number {
  const to = index + delta
  return to < 0 || to >= n ? -1 : to
}

/** items with the one at from moved to to. */
export function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items]
  const [x] = next.splice(from, 1)
  next.splice(to, 0, x)
  return next
}

/** A dot vote: how many dots voter put on target. */
export interface Vote {
  memberId: number
  targetId: number
  value: number
}

/** The dots voter has placed over all targets. */
export function dotsUsed(votes: Vote[], voter: number): number {
  return votes.reduce((n, v) => n + (v.memberId === voter ? v.value : 0), 0)
}

/** The dots voter has left of budget. */
export function dotsLeft(budget: number, votes: Vote[], voter: number): number {
  return Math.max(0, budget - dotsUsed(votes, voter))
}

/** The most dots voter may put on target: what is there already plus what is left. */
export function maxDots(budget: number, votes: Vote[], voter: number, target: number): number {
  const here = votes.find((v) => v.memberId === voter && v.targetId === target)?.value ?? 0
  return here + dotsLeft(budget, votes, voter)
}

/** The dots on target from everyone. */
export function dotsOn(votes: Vote[], target: number): number {
  return votes.reduce((n, v) => n + (v.targetId === target ? v.value : 0), 0)
}

/**
 * A time as typed: whole seconds ("95") or minutes and seconds ("1:35").
 * Returns 0 for empty, null when it is neither.
 */
export function parseSeconds(text: string): number | null {
  const t = text.trim()
  if (t === '') return 0
  if (/^\d{1,5}$/.test(t)) return Number(t)
  const m = /^(\d{1,3}):([0-5]\d)$/.exec(t)
  if (!m) return null
  return Number(m[1]) * 60 + Number(m[2])
}

/** Seconds as m:ss ("" for none). */
export function formatSeconds(s: number): string {
  if (!s) return ''
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** A note or idea as the ranking sees it. */
export interface Rankable {
  key: string
  id: number
  text: string
  /** Severity of a pain point (1–3), 0 for none or an idea. */
  value: number
}

/**
 * The notes or ideas that got dots, most dots first; a tie goes to the
 * more severe note, then to the one written first.
 */
export function byDots<T extends Rankable>(notes: T[], votes: Vote[]): (T & { dots: number })[] {
  return notes
    .map((n, i) => ({ ...n, dots: n.id ? dotsOn(votes, n.id) : 0, i }))
    .filter((n) => n.dots > 0 && n.text.trim() !== '')
    .sort((a, b) => b.dots - a.dots || b.value - a.value || a.i - b.i)
    .map(({ i: _i, ...n }) => n as T & { dots: number })
}

/** How one task went on one variant so far. */
export interface TaskSummary {
  success: number
  partial: number
  fail: number
  /** The median time of those timed, 0 when none. */
  medianSeconds: number
  /** The mean ease of those who gave one, 0 when none. */
  meanEase: number
}

/** Sums up the results, times and ease entries of one task on one variant. */
export function summarizeTask(
  entries: { kind: string; itemId: number; variantId: number; text: string; value: number }[],
  variantId: number,
  taskId: number,
): TaskSummary {
  const here = entries.filter((e) => e.itemId === taskId && e.variantId === variantId)
  const count = (r: string) => here.filter((e) => e.kind === 'result' && e.text === r).length
  const times = here
    .filter((e) => e.kind === 'seconds' && e.value > 0)
    .map((e) => e.value)
    .sort((a, b) => a - b)
  const eases = here.filter((e) => e.kind === 'ease' && e.value > 0).map((e) => e.value)
  const mid = times.length >> 1
  return {
    success: count('success'),
    partial: count('partial'),
    fail: count('fail'),
    medianSeconds:
      times.length === 0 ? 0 : times.length % 2 ? times[mid] : Math.round((times[mid - 1] + times[mid]) / 2),
    meanEase: eases.length === 0 ? 0 : eases.reduce((s, v) => s + v, 0) / eases.length,
  }
}
