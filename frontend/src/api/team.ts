// The team: one board shared by several laptops through a folder their sync
// service already replicates. Create or join, invite, sync, leave.
import * as T from '../../wailsjs/go/team/Service'
import type { team, teammates } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export type TeamStatus = Plain<team.Status>
export type Teammate = Plain<team.Teammate>
export type SyncReport = Plain<team.Report>
export type TeamInvite = Plain<team.Invite>
export type CreateTeamInput = Plain<team.CreateInput>
export type JoinTeamInput = Plain<team.JoinInput>
export type Roster = Plain<teammates.Roster>

const as = <T>(v: unknown) => v as T

export const teamApi = {
  status: () => T.Status() as Promise<TeamStatus>,
  /** Who can own reminders and actions, and who "me" is; shared false on a board in no team. */
  teammates: () => T.Teammates() as Promise<Roster>,
  /** Makes this board the team's, kept in the folder. */
  create: (input: CreateTeamInput) => T.Create(as(input)) as Promise<TeamStatus>,
  /** Joins a team with an invite code; the board must be empty. */
  join: (input: JoinTeamInput) => T.Join(as(input)) as Promise<TeamStatus>,
  sync: () => T.Sync() as Promise<SyncReport>,
  /** A single-use invite code for one new laptop (hours 0: the default, 72). */
  invite: (hours = 0) => T.Invite(as({ hours })) as Promise<TeamInvite>,
  /** Takes this laptop out of the team; the board stays here. */
  leave: () => T.Leave(),
  /** Takes a teammate's laptop (a device id, or a person's name: all their laptops) out of the team; the key is changed. */
  remove: (device: string) => T.Remove(as({ device })) as Promise<TeamStatus>,
}
