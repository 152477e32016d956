// A person's rights over their data: export everything about them, erase them.
import * as P from '../../wailsjs/go/privacy/Service'
import * as A from '../../wailsjs/go/main/App'
import type { privacy } from '../../wailsjs/go/models'
import type { Plain } from './plain'
import { saveOrDownload, type Saved } from './files'

export type Erasure = Plain<privacy.Erasure>

export const privacyApi = {
  /** Erases a member; confirmName must be their name as typed by the user. */
  erasePerson: (memberId: number, confirmName: string) => P.ErasePerson(memberId, confirmName) as Promise<Erasure>,
  erasureLog: () => P.ErasureLog() as Promise<Erasure[] | null>,
}

/** Saves everything stored about one member as a JSON file (saveOrDownload: null when cancelled). */
export function exportPerson(memberId: number): Promise<Saved | null> {
  return saveOrDownload(
    () => A.SavePersonExport(memberId),
    () => P.ExportPerson(memberId),
  )
}
