// Reports: preview a report, then save it (desktop) or download it (browser).
import * as R from '../../wailsjs/go/report/Service'
import * as A from '../../wailsjs/go/main/App'
import type { report } from '../../wailsjs/go/models'
import type { Plain } from '.'
import { isDesktop } from './shim'
import { downloadBase64 } from './files'

export type ReportKind = 'session' | 'assumptions' | 'board' | 'letters'
export type ReportFormat = 'pdf' | 'md' | 'csv'
export type ReportPreview = Plain<report.Preview>
export type ReportSection = Plain<report.Section>
export type ReportFile = Plain<report.File>

export const reportApi = {
  preview: (kind: ReportKind, id: number) => R.Preview(kind, id) as Promise<ReportPreview>,
  render: (kind: ReportKind, id: number, format: ReportFormat) => R.Render(kind, id, format) as Promise<ReportFile>,
}

/**
 * Exports a report. Desktop: renders, asks where to save and, when open is
 * true, opens the file; returns the path, or null when cancelled. Browser:
 * downloads the file and returns its name and size.
 */
export async function saveReport(kind: ReportKind, id: number, format: ReportFormat, open: boolean): Promise<{ where: string; size: number } | null> {
  if (isDesktop()) {
    const path = await A.SaveReport(kind, id, format, open)
    return path ? { where: path, size: 0 } : null
  }
  const f = await reportApi.render(kind, id, format)
  downloadBase64(f.fileName, f.mimeType, f.contentBase64)
  return { where: f.fileName, size: f.size }
}
