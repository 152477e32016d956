// The logic of the synthesis page, apart from its components: where an
// entry came from, the reactions next to an activity's facts, clusters by
// segment, the hypothesis an opportunity starts as, and where a proposed
// next test is planned.

import { inOrder, OpportunityStatus } from '../../../api/enums'

/** The reactions counted during one activity. */
export interface ReactionCounts {
  confusion: number
  excitement: number
  frustration: number
  other: number
}

/** "3 frustration · 1 confusion" (most first, none left out), or "" when none were noted. */
export function reactionSummary(r: ReactionCounts): string {
  const parts: [string, number][] = [
    ['confusion', r.confusion],
    ['excitement', r.excitement],
    ['frustration', r.frustration],
    ['other', r.other],
  ]
  return parts
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(' · ')
}

/** Where an entry came from: "Walk the journey · Get the price list", or "Whole session" for a general quote. */
export function origin(e: { activity: string; item: string }): string {
  if (!e.activity) return 'Whole session'
  return e.item ? `${e.activity} · ${e.item}` : e.activity
}

/** Who said or wrote it: "Zoë Durand, Independent retailers", "Unattributed". */
export function attribution(e: { member: string; segment: string }): string {
  const who = e.member || 'Unattributed'
  return e.segment ? `${who}, ${e.segment}` : who
}

/** Entries grouped by their author's segment ("No segment" last), each group in the given order. */
export function bySegment<T extends { segment: string }>(entries: T[]): [string, T[]][] {
  const m = new Map<string, T[]>()
  for (const e of entries) {
    const k = e.segment || 'No segment'
    m.set(k, [...(m.get(k) ?? []), e])
  }
  return [...m.entries()].sort(([a], [b]) => (a === 'No segment' ? 1 : b === 'No segment' ? -1 : a.localeCompare(b)))
}

/** The parts of "We believe [customers] will [behavior] because [reason]." a hypothesis form starts with. */
export interface HypothesisDraft {
  customers: string
  behavior: string
  reason: string
  category: string
  importance: number
  evidence: number
}

/**
 * The hypothesis an opportunity starts as: "How might we help café owners
 * keep prices current?" gives the behaviour "help café owners keep prices
 * current" for the team to reword; an opportunity is important and barely
 * evidenced until tested.
 */
export function draftFromHmw(hmw: string): HypothesisDraft {
  const behavior = hmw
    .trim()
    .replace(/^how might we\s+/i, '')
    .replace(/[?.!]+$/, '')
    .trim()
  return { customers: '', behavior, reason: '', category: 'desirability', importance: 4, evidence: 2 }
}

/** The "How might we" a pain point or idea starts as, for the team to reword: its text, quoted. */
export function hmwFromEntry(text: string): string {
  return `How might we answer “${text.trim().replace(/[.!?]+$/, '')}”?`
}

/** The new-session page with the decision and format chosen. */
export function planHref(decisionId: number, format: string): string {
  return `/sessions/new/${decisionId}/${format}`
}

/** The percentage of tries that succeeded: "3 of 4 (75%)". */
export function successText(t: { success: number; partial: number; fail: number }): string {
  const n = t.success + t.partial + t.fail
  if (n === 0) return 'not tried'
  return `${t.success} of ${n} (${Math.round((100 * t.success) / n)}%)`
}

const OS = OpportunityStatus
/** The statuses of an opportunity in the order the synthesis offers them. */
export const opportunityStatuses = inOrder(OS, [OS.EXPLORING, OS.PROTOTYPING, OS.ROADMAP, OS.DROPPED])

const statusWords: Record<string, string> = {
  exploring: 'Exploring',
  prototyping: 'Prototyping',
  roadmap: 'On the roadmap',
  dropped: 'Dropped',
}

/** "roadmap" -> "On the roadmap". */
export function statusWord(s: string): string {
  return statusWords[s] ?? s
}
