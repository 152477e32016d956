// The backend's closed sets of codes (statuses, kinds, stances …). Go
// declares each as a named string type with an All… list, main.go binds
// the lists (options.App.EnumBind, enums.go) and Wails writes them into
// models.ts as TypeScript enums: the UI's lists derive from these instead
// of typing the codes again.
import { activity, board, loop, session } from '../../wailsjs/go/models'

export const MemberStatus = board.MemberStatus
export type MemberStatus = board.MemberStatus
export const ConsentKind = board.ConsentKind
export type ConsentKind = board.ConsentKind
export const TouchpointKind = board.TouchpointKind
export type TouchpointKind = board.TouchpointKind
export const UsageFrequency = board.UsageFrequency
export type UsageFrequency = board.UsageFrequency
export const Tone = board.Tone
export type Tone = board.Tone

export const Category = session.Category
export type Category = session.Category
export const Stance = session.Stance
export type Stance = session.Stance
// One list of reactions for every activity, the assumption check's included.
export const Reaction = activity.Reaction
export type Reaction = activity.Reaction
export const VerdictKind = session.VerdictKind
export type VerdictKind = session.VerdictKind
export const Outcome = session.Outcome
export type Outcome = session.Outcome
export const ParticipantState = session.ParticipantState
export type ParticipantState = session.ParticipantState
export const SessionStatus = session.Status
export type SessionStatus = session.Status
export const OpportunityStatus = session.OpportunityStatus
export type OpportunityStatus = session.OpportunityStatus

export const ReminderKind = loop.Kind
export type ReminderKind = loop.Kind
export const Channel = loop.Channel
export type Channel = loop.Channel
export const TicklerView = loop.View
export type TicklerView = loop.View
export const RepeatUnit = loop.RepeatUnit
export type RepeatUnit = loop.RepeatUnit

/** The values of E that order leaves out, but for the empty code ("" = none), which a list may leave out. */
type Missing<E, L extends readonly unknown[]> = Exclude<E, L[number] | ''>

/**
 * The values of an enum in the order the UI offers them (the order of the
 * Go All… list). Wails writes an enum's members sorted by name, so the
 * order is given here; the compiler refuses an order that leaves a value
 * out (but for ""), and enums.test.ts checks each list against its enum.
 */
export function inOrder<E extends string, const L extends readonly E[]>(
  _all: Record<string, E>,
  order: L & ([Missing<E, L>] extends [never] ? unknown : { missing: Missing<E, L> }),
): L {
  return order
}
