// Close the loop: the tickler, follow-up chains, share-backs, drafts,
// loop-closure figures, notifications and the calendar export.
import * as L from '../../wailsjs/go/loop/Service'
import * as A from '../../wailsjs/go/main/App'
import type { loop } from '../../wailsjs/go/models'
import { BrowserOpenURL, EventsOn } from '../../wailsjs/runtime/runtime'
import type { Plain } from './plain'
import { isDesktop } from './shim'
import { saveOrDownload, type Saved } from './files'

export type Reminder = Plain<loop.Reminder>
export type ReminderInput = Plain<loop.ReminderInput>
export type SnoozeInput = Plain<loop.SnoozeInput>
export type CompleteInput = Plain<loop.CompleteInput>
export type CompleteResult = Plain<loop.CompleteResult>
export type TicklerQuery = Plain<loop.TicklerQuery>
export type Counts = Plain<loop.Counts>
export type Tickler = Plain<loop.Tickler>
export type ChainCount = Plain<loop.ChainCount>
export type DueSummary = Plain<loop.DueSummary>
export type Proposal = Plain<loop.Proposal>
export type Skipped = Plain<loop.Skipped>
export type ChainProposal = Plain<loop.ChainProposal>
export type AcceptResult = Plain<loop.AcceptResult>
export type ShareBackProposal = Plain<loop.ShareBackProposal>
export type LoopSettings = Plain<loop.Settings>
export type Template = Plain<loop.Template>
export type TemplateInput = Plain<loop.TemplateInput>
export type Draft = Plain<loop.Draft>
export type Closure = Plain<loop.Closure>
export type Pending = Plain<loop.Pending>
export type Invitation = Plain<loop.Invitation>
export type Invitee = Plain<loop.Invitee>
export type ContactInput = Plain<loop.ContactInput>
export type ReminderFilter = Plain<loop.ReminderFilter>

const as = <T>(v: unknown) => v as T
/** Go nil slices arrive as null. */
const list = <T>(p: Promise<T[] | null>) => p.then((v) => v ?? [])

export const loopApi = {
  invitation: (sessionId: number) => L.Invitation(sessionId) as Promise<Invitation>,
  tickler: (q: TicklerQuery) => L.Tickler(as(q)) as Promise<Tickler>,
  badge: () => L.Badge(),
  getReminder: (id: number) => L.GetReminder(id) as Promise<Reminder>,
  listReminders: (f: ReminderFilter) => list(L.ListReminders(as(f)) as Promise<Reminder[] | null>),
  createReminder: (r: ReminderInput) => L.CreateReminder(as(r)) as Promise<Reminder>,
  updateReminder: (id: number, r: ReminderInput) => L.UpdateReminder(id, as(r)) as Promise<Reminder>,
  deleteReminder: (id: number) => L.DeleteReminder(id),
  complete: (id: number, c: CompleteInput) => L.Complete(id, as(c)) as Promise<CompleteResult>,
  reopen: (id: number) => L.Reopen(id) as Promise<Reminder>,
  snooze: (id: number, s: SnoozeInput) => L.Snooze(id, as(s)) as Promise<Reminder>,
  snoozeStayInTouch: (memberId: number, s: SnoozeInput) => L.SnoozeStayInTouch(memberId, as(s)) as Promise<Reminder>,
  logContact: (memberId: number, c: ContactInput) => L.LogContact(memberId, as(c)),
  dueSummary: () => L.DueSummary() as Promise<DueSummary>,
  getSettings: () => L.GetSettings() as Promise<LoopSettings>,
  saveSettings: (s: LoopSettings) => L.SaveSettings(as(s)) as Promise<LoopSettings>,
  proposeChain: (sessionId: number) => L.ProposeChain(sessionId) as Promise<ChainProposal>,
  acceptChain: (sessionId: number, items: ReminderInput[]) =>
    L.AcceptChain(sessionId, as(items)) as Promise<AcceptResult>,
  proposeShareBack: (kind: 'assumption' | 'decision', id: number) =>
    L.ProposeShareBack(kind, id) as Promise<ShareBackProposal>,
  acceptShareBack: (items: ReminderInput[]) => L.AcceptShareBack(as(items)) as Promise<AcceptResult>,
  templates: () => list(L.Templates() as Promise<Template[] | null>),
  saveTemplate: (key: string, t: TemplateInput) => L.SaveTemplate(key, as(t)) as Promise<Template>,
  resetTemplate: (key: string) => L.ResetTemplate(key) as Promise<Template>,
  /** A reminder's draft; templateKey "" = the reminder's own or its kind's. */
  render: (templateKey: string, reminderId: number) => L.Render(templateKey, reminderId) as Promise<Draft>,
  draftForMember: (templateKey: string, memberId: number) => L.DraftForMember(templateKey, memberId) as Promise<Draft>,
  sessionClosure: (sessionId: number) => L.SessionClosure(sessionId) as Promise<Closure>,
  boardClosure: () => L.BoardClosure() as Promise<Closure>,
}

/**
 * Opens a mailto: link in the user's mail client. The desktop webview does
 * not hand mailto: links to the system itself, so ask the runtime to.
 */
export function openMailto(e: { preventDefault(): void }, url: string): void {
  if (!isDesktop()) return // the browser follows the link
  e.preventDefault()
  BrowserOpenURL(url)
}

/** Exports the open reminders as an .ics file (saveOrDownload: null when cancelled). */
export function exportCalendar(): Promise<Saved | null> {
  return saveOrDownload(A.SaveCalendar, L.ExportICS)
}

/** Saves a session's calendar invitation (.ics) (saveOrDownload: null when cancelled). */
export function saveSessionCalendar(sessionId: number): Promise<Saved | null> {
  return saveOrDownload(
    () => A.SaveSessionCalendar(sessionId),
    () => L.SessionICS(sessionId),
  )
}

const changed = 'sb:loop-changed'

/** Tells the badge (and anything else listening) that reminders changed. */
export function loopChanged(): void {
  window.dispatchEvent(new Event(changed))
}

/** Calls fn after every loopChanged(); returns the unsubscribe. */
export function onLoopChanged(fn: () => void): () => void {
  window.addEventListener(changed, fn)
  return () => window.removeEventListener(changed, fn)
}

/**
 * Reminders that fell due, as one summary per sweep. Desktop: the app
 * raises one OS notification and emits "reminders:due"; browser: poll
 * DueSummary (the backend marks each reminder notified, so none comes twice).
 */
export function watchDue(fn: (due: DueSummary) => void, everyMs = 60_000): () => void {
  if (isDesktop()) return EventsOn('reminders:due', (due: DueSummary) => fn(due))
  let stopped = false
  const poll = () =>
    loopApi.dueSummary().then(
      (due) => {
        if (!stopped && due.new > 0) fn(due)
      },
      () => {},
    )
  void poll()
  const t = setInterval(poll, everyMs)
  return () => {
    stopped = true
    clearInterval(t)
  }
}
