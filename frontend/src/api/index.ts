// The only module the UI imports to talk to Go. It re-exports the generated
// bindings with plain-object types (the generated classes carry methods that
// JSON answers never have) and adds the few helpers that differ by transport.
import * as S from '../../wailsjs/go/board/Service'
import * as A from '../../wailsjs/go/main/App'
import * as About from '../../wailsjs/go/main/About'
import * as D from '../../wailsjs/go/demo/Service'
import type { board, main } from '../../wailsjs/go/models'
import { isDesktop } from './shim'
import { bytesToBase64, readBytes, saveOrDownload, type Saved } from './files'
import { loopChanged } from './loop'

export { isDesktop } from './shim'
export { errorCode, errorMessage, fieldErrors, type AppError } from './errors'
export { bytesToBase64, savedText, type Saved } from './files'

import type { Plain } from './plain'
export type { Plain } from './plain'

export type Member = Plain<board.Member>
export type MemberInput = Plain<board.MemberInput>
export type MemberQuery = Plain<board.MemberQuery>
export type MemberPage = Plain<board.MemberPage>
export type MemberDetail = Plain<board.MemberDetail>
export type Consent = Plain<board.Consent>
export type ConsentInput = Plain<board.ConsentInput>
export type TimelineEntry = Plain<board.TimelineEntry>
export type TouchpointInput = Plain<board.TouchpointInput>
export type RewardInput = Plain<board.RewardInput>
export type Reward = Plain<board.Reward>
export type Segment = Plain<board.Segment>
export type SegmentInput = Plain<board.SegmentInput>
export type TagCount = Plain<board.TagCount>
export type Composition = Plain<board.Composition>
export type CompositionRow = Plain<board.CompositionRow>
export type ImportPreview = Plain<board.ImportPreview>
export type ImportRow = Plain<board.ImportRow>
export type ImportColumn = Plain<board.ImportColumn>
export type ImportResult = Plain<board.ImportResult>
export type BulkEdit = Plain<board.BulkEdit>
export type BulkResult = Plain<board.BulkResult>
export type ImportChange = Plain<board.ImportChange>
export type ImportDecision = Plain<board.ImportDecision>
export type ExportFormat = 'csv' | 'json' | 'vcf'

/** ImportRequest as sent: content is base64 text in JSON (Go []byte). */
export interface ImportRequest {
  fileName: string
  content: string
  mapping: Record<string, string> | null
  encoding: string
  /** People already on the board: '' refuses the file, 'skip' or 'update'. */
  existing: '' | 'skip' | 'update'
  /** Import the valid rows and leave out those with problems. */
  skipInvalid: boolean
  /** Rows matched by name and company alone: '' waits for decisions, 'new' imports them as new people. */
  nameMatches: '' | 'new'
  decisions: ImportDecision[]
}

const as = <T>(v: unknown) => v as T

export const api = {
  listMembers: (q: MemberQuery) => S.ListMembers(as(q)) as Promise<MemberPage>,
  getMember: (id: number) => S.GetMember(id) as Promise<MemberDetail>,
  createMember: (m: MemberInput) => S.CreateMember(as(m)) as Promise<Member>,
  updateMember: (id: number, m: MemberInput) => S.UpdateMember(id, as(m)) as Promise<Member>,
  archiveMember: (id: number) => S.ArchiveMember(id) as Promise<Member>,
  restoreMember: (id: number) => S.RestoreMember(id) as Promise<Member>,
  mergeMember: (from: number, into: number) => S.MergeMember(from, into) as Promise<MemberDetail>,
  setConsent: (id: number, c: ConsentInput) => S.SetConsent(id, as(c)) as Promise<Consent>,
  revokeConsent: (id: number, kind: string) => S.RevokeConsent(id, kind) as Promise<Consent>,
  addTouchpoint: (id: number, t: TouchpointInput) => S.AddTouchpoint(id, as(t)),
  deleteTouchpoint: (id: number) => S.DeleteTouchpoint(id),
  addReward: (id: number, r: RewardInput) => S.AddReward(id, as(r)),
  deleteReward: (id: number) => S.DeleteReward(id),
  bulkEdit: (e: BulkEdit) => S.BulkEdit(as(e)) as Promise<BulkResult>,
  undoBulkEdit: (id: number) => S.UndoBulkEdit(id) as Promise<BulkResult>,
  listSegments: () => S.ListSegments() as Promise<Segment[] | null>,
  saveSegment: (s: SegmentInput) => S.SaveSegment(as(s)) as Promise<Segment>,
  deleteSegment: (id: number) => S.DeleteSegment(id),
  listTags: () => S.ListTags() as Promise<TagCount[] | null>,
  composition: () => S.Composition() as Promise<Composition>,
  previewImport: (r: ImportRequest) => S.PreviewImport(as(r)) as Promise<ImportPreview>,
  importMembers: (r: ImportRequest) => S.Import(as(r)) as Promise<ImportResult>,
  exportMembers: (format: ExportFormat, q: MemberQuery) => S.Export(format, as(q)),
  /** The sample board and the sample sessions over it, into an empty database. */
  loadDemo: () =>
    D.Load().then((r) => {
      loopChanged() // the sample follow-ups change what is due
      return r
    }),
}

/** Desktop only: tells the window test the board has rendered real rows. */
export function reportRendered(view: string, members: number, rows: number): void {
  if (!isDesktop()) return
  A.Rendered(as({ view, members, rows })).catch(() => {})
}

/** Desktop only: version and database path. */
export function appInfo() {
  return A.Info()
}

export type AboutInfo = Plain<main.AboutInfo>

/** The About panel's version and database path, in the window and in browser mode. */
export function aboutInfo() {
  return About.Info() as Promise<AboutInfo>
}

/** Reads a chosen contact file into an ImportRequest (content as base64). */
export async function fileToImportRequest(
  file: File,
  mapping: Record<string, string> | null = null,
  encoding = '',
): Promise<ImportRequest> {
  const bytes = new Uint8Array(await readBytes(file))
  return {
    fileName: file.name,
    content: bytesToBase64(bytes),
    mapping,
    encoding,
    existing: 'skip',
    skipInvalid: false,
    nameMatches: '',
    decisions: [],
  }
}

/** Saves the rows of a contact file that have problems as a CSV to fix (null when cancelled). */
export function saveRowsToFix(req: ImportRequest): Promise<Saved | null> {
  return saveOrDownload(
    () => A.SaveRowsToFix(as(req)),
    () => S.RowsToFix(as(req)),
  )
}

/** Exports the members matching q (saveOrDownload: null when cancelled). */
export function saveExport(format: ExportFormat, q: MemberQuery): Promise<Saved | null> {
  const query = { ...q, limit: 0, offset: 0 }
  return saveOrDownload(
    () => A.SaveMembersExport(format, as(query)),
    () => S.Export(format, as(query)),
  )
}
