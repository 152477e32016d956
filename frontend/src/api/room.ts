// The room: participants on their phones join a session over the local
// network. The facilitator opens and closes it, confirms who claimed which
// name, and learns of every change by a long poll (Wait), the same on the
// desktop and in the browser.
import * as G from '../../wailsjs/go/room/Rooms'
import type { room } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export type RoomStatus = Plain<room.Status>
export type Claim = Plain<room.Claim>
export type OpenInput = Plain<room.OpenInput>
export type ConfirmInput = Plain<room.ConfirmInput>

const as = <T>(v: unknown) => v as T

/** Go nil slices arrive as null. */
const fix = (s: room.Status): RoomStatus => ({ ...s, claims: s.claims ?? [] })

export const roomApi = {
  /** Opens the session's room (addr "" = this laptop's private address). */
  open: (input: OpenInput) => G.Open(as(input)).then(fix),
  close: (sessionId: number) => G.Close(sessionId).then(fix),
  /** The room of a session; open false when none is open. */
  status: (sessionId: number) => G.Status(sessionId).then(fix),
  /** Accepts or rejects a claim of a name. */
  confirm: (input: ConfirmInput) => G.Confirm(as(input)).then(fix),
  /** Answers once the room's version is past version, or after about 20 s. */
  wait: (sessionId: number, version: number) => G.Wait(sessionId, version).then(fix),
}
