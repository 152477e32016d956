// What the Reports page offers, and which choices are complete enough to preview.
import type { ReportFormat, ReportKind } from '../../api/report'

export const reportKinds: {
  kind: ReportKind
  label: string
  about: string
  target: 'session' | 'decision' | 'none'
}[] = [
  {
    kind: 'session',
    label: 'Session report',
    about:
      'One session: participants, every assumption with its verdict, tally and quotes, the map, synthesis and who has heard back.',
    target: 'session',
  },
  {
    kind: 'assumptions',
    label: 'Assumption ledger',
    about: 'All assumptions, or those of one decision, grouped by verdict with the evidence for and against.',
    target: 'decision',
  },
  {
    kind: 'board',
    label: 'Board report',
    about: 'Composition against targets, participation and last contact, rewards, loop closure, consent expiring soon.',
    target: 'none',
  },
  {
    kind: 'letters',
    label: '“You said, we did” letters',
    about:
      'One letter per participant of a session: what they said, what we tell participants we did with it, thanks. No rationale.',
    target: 'session',
  },
]

export const formatLabels: Record<ReportFormat, string> = { pdf: 'PDF', md: 'Markdown', csv: 'CSV', zip: 'ZIP' }

/** How a report can be saved: a format, or (letters, desktop) a folder of PDFs. */
export type ExportChoice = ReportFormat | 'folder'

/** The ways to save a report of kind with the formats its preview offers; the first is the default. */
export function exportOptions(
  kind: ReportKind,
  formats: readonly ReportFormat[],
  desktop: boolean,
): { value: ExportChoice; label: string; button: string }[] {
  const save = desktop ? 'Save' : 'Download'
  if (kind !== 'letters')
    return formats.map((f) => ({ value: f, label: formatLabels[f], button: `${save} ${formatLabels[f]}` }))
  const out: { value: ExportChoice; label: string; button: string }[] = []
  if (formats.includes('zip'))
    out.push({ value: 'zip', label: 'One PDF per participant, as a .zip', button: `${save} .zip` })
  if (desktop && formats.includes('zip'))
    out.push({ value: 'folder', label: 'One PDF per participant, into a folder', button: 'Save into a folder…' })
  out.push({ value: 'pdf', label: 'All letters in one PDF', button: `${save} PDF` })
  return out
}

/** The way to save a report kind offered first. */
export const defaultExport = (kind: ReportKind): ExportChoice => (kind === 'letters' ? 'zip' : 'pdf')

export interface Choice {
  kind: ReportKind
  sessionId: number
  decisionId: number // 0 = all
}

export const kindInfo = (k: ReportKind) => reportKinds.find((r) => r.kind === k) ?? reportKinds[0]

/** The id the backend wants for a choice, or null while a needed session is not chosen. */
export function targetId(c: Choice): number | null {
  switch (kindInfo(c.kind).target) {
    case 'session':
      return c.sessionId > 0 ? c.sessionId : null
    case 'decision':
      return c.decisionId
    default:
      return 0
  }
}

/** A choice from the route: "#/reports/session/12", "#/reports/assumptions/3", "#/reports/board". */
export function choiceFromRoute(route: string[]): Choice {
  const [k, arg] = route
  const kind = (reportKinds.some((r) => r.kind === k) ? k : 'session') as ReportKind
  const id = Math.max(0, Number(arg) || 0)
  const target = kindInfo(kind).target
  return { kind, sessionId: target === 'session' ? id : 0, decisionId: target === 'decision' ? id : 0 }
}

/** The route of a choice, so a chosen report survives a reload and can be linked to. */
export function routeOf(c: Choice): string {
  const id = targetId(c)
  return id ? `/reports/${c.kind}/${id}` : `/reports/${c.kind}`
}

/** "84 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
