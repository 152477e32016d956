// A person's rights over their data: export everything about them, erase them.
import * as P from '../../wailsjs/go/privacy/Service'
import * as A from '../../wailsjs/go/main/App'
import { isDesktop } from './shim'
import type { privacy } from '../../wailsjs/go/models'
import type { Plain } from '.'
import { downloadText } from './files'

export type Erasure = Plain<privacy.Erasure>

export const privacyApi = {
  /** Erases a member; confirmName must be their name as typed by the user. */
  erasePerson: (memberId: number, confirmName: string) => P.ErasePerson(memberId, confirmName) as Promise<Erasure>,
  erasureLog: () => P.ErasureLog() as Promise<Erasure[] | null>,
}

/**
 * Saves everything stored about one member as a JSON file. Desktop: native
 * save dialog; returns the chosen path, or null when cancelled. Browser:
 * downloads it and returns its name.
 */
export async function exportPerson(memberId: number): Promise<string | null> {
  if (isDesktop()) return (await A.SavePersonExport(memberId)) || null
  const f = await P.ExportPerson(memberId)
  downloadText(f.fileName, f.mimeType, f.content)
  return f.fileName
}
