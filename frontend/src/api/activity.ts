// A session's agenda: its activities, their items and the entries
// participants contribute. Plain-object types of the generated activity
// models, and typed calls of the Agendas service.
import * as G from '../../wailsjs/go/activity/Agendas'
import { activity } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export const Kind = activity.Kind
export type Kind = activity.Kind

/** T with the fields K as plain strings (codes the UI passes through as they came). */
type Loose<T, K extends keyof T> = Omit<T, K> & { [P in K]: string }
export type Activity = Plain<activity.Activity>
export type Item = Plain<activity.Item>
export type Entry = Loose<Plain<activity.Entry>, 'kind'>
export type Agenda = Plain<activity.Agenda>
export type ItemInput = Loose<Plain<activity.ItemInput>, 'role'>
export type ActivityInput = Omit<Plain<activity.ActivityInput>, 'items'> & { items: ItemInput[] }
export type EntryInput = Loose<Plain<activity.EntryInput>, 'kind'>
export type Template = Plain<activity.Template>
export type ActivityRun = Plain<activity.ActivityRun>
export type AgendaRun = Plain<activity.AgendaRun>
export type Reactions = Plain<activity.Reactions>
export type Results = Plain<activity.Results>

const as = <T>(v: unknown) => v as T

/** Go nil slices arrive as null: every list of an agenda as an array. */
export function fixAgenda(a: Agenda): Agenda {
  const fix = (x: Activity): Activity => ({ ...x, items: x.items ?? [] })
  return { ...a, activities: (a.activities ?? []).map(fix), removed: (a.removed ?? []).map(fix) }
}

function fixRun(r: AgendaRun): AgendaRun {
  return {
    agenda: fixAgenda(r.agenda),
    runs: (r.runs ?? []).map((x) => ({
      ...x,
      activity: { ...x.activity, items: x.activity.items ?? [] },
      entries: x.entries ?? [],
    })),
    quotes: r.quotes ?? [],
  }
}

export const activityApi = {
  templates: () => G.Templates().then((t) => (t ?? []) as Template[]),
  agenda: (sessionId: number) => G.Agenda(sessionId).then((a) => fixAgenda(a as Agenda)),
  saveActivity: (a: ActivityInput) => G.SaveActivity(as(a)) as Promise<Activity>,
  moveActivity: (id: number, position: number) => G.MoveActivity(id, position).then((a) => fixAgenda(a as Agenda)),
  removeActivity: (id: number) => G.RemoveActivity(id).then((a) => fixAgenda(a as Agenda)),
  restoreActivity: (id: number) => G.RestoreActivity(id).then((a) => fixAgenda(a as Agenda)),
  setCurrent: (sessionId: number, index: number) => G.SetCurrent(sessionId, index),
  addTime: (activityId: number, seconds: number) => G.AddTime(activityId, seconds),
  run: (sessionId: number) => G.Run(sessionId).then((r) => fixRun(r as AgendaRun)),
  saveEntry: (e: EntryInput) => G.SaveEntry(as(e)) as Promise<Entry>,
  deleteEntry: (id: number) => G.DeleteEntry(id),
  /** Shows (or hides again) an activity's results to the room and the projector. */
  setRevealed: (activityId: number, revealed: boolean) => G.SetRevealed(activityId, revealed) as Promise<Activity>,
  /** A locked activity takes no more entries from the room. */
  setLocked: (activityId: number, locked: boolean) => G.SetLocked(activityId, locked) as Promise<Activity>,
  /** Hides an entry from the room and the projector; it stays in the session. */
  hideEntry: (entryId: number, hidden: boolean) => G.HideEntry(entryId, hidden) as Promise<Entry>,
}
