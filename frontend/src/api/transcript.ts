// A session's transcripts: import a .vtt or .srt file, match its speakers
// to participants, quote lines. Plain-object types of the generated models,
// and typed calls of the Transcripts service.
import * as T from '../../wailsjs/go/transcript/Transcripts'
import { transcript } from '../../wailsjs/go/models'
import { bytesToBase64, readBytes } from './files'
import type { Plain } from './plain'

export type Summary = Plain<transcript.Summary>
export type Speaker = Plain<transcript.Speaker>
export type Line = Plain<transcript.Line>
export type Transcript = Omit<Plain<transcript.Transcript>, 'speakers' | 'lines'> & {
  speakers: Speaker[]
  lines: Line[]
}
export type SpeakerInput = Plain<transcript.SpeakerInput>
export type QuoteInput = Plain<transcript.QuoteInput>

const as = <T>(v: unknown) => v as T

/** Go nil slices arrive as null. */
const fix = (t: Transcript): Transcript => ({ ...t, speakers: t.speakers ?? [], lines: t.lines ?? [] })

export const transcriptApi = {
  /** Reads a chosen file and imports it (the bytes go as base64, as Go's []byte travels). */
  import: async (sessionId: number, file: File) => {
    const content = bytesToBase64(new Uint8Array(await readBytes(file)))
    return T.Import(as({ sessionId, fileName: file.name, content })).then((t) => fix(t as Transcript))
  },
  list: (sessionId: number) => T.List(sessionId).then((l) => (l ?? []) as Summary[]),
  get: (id: number) => T.Get(id).then((t) => fix(t as Transcript)),
  matchSpeaker: (s: SpeakerInput) => T.MatchSpeaker(as(s)) as Promise<Speaker>,
  quoteLines: (q: QuoteInput) => T.QuoteLines(as(q)).then((l) => (l ?? []) as Line[]),
  dropSpeaker: (speakerId: number) => T.DropSpeaker(speakerId),
  delete: (id: number) => T.Delete(id),
}
