// A session's rewards against its budget (the board's service, which owns
// rewards) and the company's own people at it (the plans service). Plain
// types of the generated models, typed calls, and their closed sets.
import * as S from '../../wailsjs/go/board/Service'
import * as P from '../../wailsjs/go/session/Plans'
import { board, session } from '../../wailsjs/go/models'
import type { Plain, Reward, RewardInput } from '.'

export type SessionRewards = Plain<board.SessionRewards>
export type RewardPerson = Plain<board.RewardPerson>
export type RewardIdea = Plain<board.RewardIdea>
export type RewardBudgetInput = Plain<board.RewardBudgetInput>
export type Attendees = Plain<session.Attendees>
export type Attendee = Plain<session.Attendee>
export type AttendeeInput = Plain<session.AttendeeInput>

export const RewardStatus = board.RewardStatus
export type RewardStatus = board.RewardStatus
export const AttendeeRole = session.AttendeeRole
export type AttendeeRole = session.AttendeeRole

const as = <T>(v: unknown) => v as T

export const extrasApi = {
  sessionRewards: (sessionId: number) => S.SessionRewards(sessionId) as Promise<SessionRewards>,
  setRewardBudget: (sessionId: number, b: RewardBudgetInput) =>
    S.SetRewardBudget(sessionId, as(b)) as Promise<SessionRewards>,
  addReward: (memberId: number, r: RewardInput) => S.AddReward(memberId, as(r)) as Promise<Reward>,
  giveReward: (id: number, givenOn: string) => S.GiveReward(id, givenOn) as Promise<Reward>,
  deleteReward: (id: number) => S.DeleteReward(id),

  listAttendees: (sessionId: number) => P.ListAttendees(sessionId) as Promise<Attendees>,
  saveAttendee: (a: AttendeeInput) => P.SaveAttendee(as(a)) as Promise<Attendees>,
  deleteAttendee: (id: number) => P.DeleteAttendee(id) as Promise<Attendees>,
}
