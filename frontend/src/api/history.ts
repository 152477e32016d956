// A record's history: who changed what, and when, read from the team's
// change log each time it is asked for (nothing of it is kept here).
import * as H from '../../wailsjs/go/history/Service'
import type { history } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export type HistoryEntry = Plain<history.Entry>
export type HistoryChange = Plain<history.Change>
/** The records that have a history (history.records in Go). */
export type RecordKind = 'member' | 'reminder' | 'session' | 'assumption' | 'decision'

export const historyApi = {
  /** The record's writes, newest first (at most 200); [] before the board is shared. */
  record: (kind: RecordKind, id: number) =>
    H.RecordHistory(kind, id).then((es) =>
      ((es ?? []) as HistoryEntry[]).map((e) => ({ ...e, changes: e.changes ?? [] })),
    ),
}
