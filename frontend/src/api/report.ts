// Reports: preview a report, then save it (desktop) or download it (browser).
import * as R from '../../wailsjs/go/report/Service'
import * as A from '../../wailsjs/go/main/App'
import type { report } from '../../wailsjs/go/models'
import type { Plain } from './plain'
import { saveOrDownload, type Saved } from './files'

export type ReportKind = 'session' | 'assumptions' | 'board' | 'letters'
export type ReportFormat = 'pdf' | 'md' | 'csv' | 'zip'
export type ReportPreview = Plain<report.Preview>
export type ReportSection = Plain<report.Section>
export type ReportFile = Plain<report.File>

export const reportApi = {
  preview: (kind: ReportKind, id: number) => R.Preview(kind, id) as Promise<ReportPreview>,
  render: (kind: ReportKind, id: number, format: ReportFormat) => R.Render(kind, id, format) as Promise<ReportFile>,
}

/**
 * Exports a report (saveOrDownload: null when cancelled). On the desktop,
 * open true opens the saved file.
 */
export function saveReport(kind: ReportKind, id: number, format: ReportFormat, open: boolean): Promise<Saved | null> {
  return saveOrDownload(
    () => A.SaveReport(kind, id, format, open),
    () => reportApi.render(kind, id, format),
  )
}

/**
 * Desktop only: asks for a folder and saves the letters of a session into
 * it, one PDF per participant. Null when cancelled.
 */
export async function saveLettersToFolder(sessionId: number, open: boolean): Promise<Saved | null> {
  const dir = await A.SaveLetters(sessionId, open)
  return dir ? { where: dir, size: 0, downloaded: false } : null
}
