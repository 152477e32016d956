// Sessions: decisions, assumptions, plans, the live run and the synthesis.
// Plain-object types of the generated session models, and typed calls.
// Go serves them as four services, one per concern; sessionApi is one object.
import * as D from '../../wailsjs/go/session/Decisions'
import * as P from '../../wailsjs/go/session/Plans'
import * as R from '../../wailsjs/go/session/Runs'
import * as Y from '../../wailsjs/go/session/Syntheses'
import type { session } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export type FormatInfo = Plain<session.FormatInfo>
export type Decision = Plain<session.Decision>
export type DecisionInput = Plain<session.DecisionInput>
export type DecisionDetail = Plain<session.DecisionDetail>
export type LogEntry = Plain<session.LogEntry>
export type LogInput = Plain<session.LogInput>
export type Assumption = Plain<session.Assumption>
export type AssumptionInput = Plain<session.AssumptionInput>
export type SessionItem = Plain<session.SessionItem>
export type Session = Plain<session.Session>
export type OpenerItem = Plain<session.OpenerItem>
export type SessionInput = Plain<session.SessionInput>
export type Participant = Plain<session.Participant>
export type Attendance = Plain<session.Attendance>
export type FinishInput = Plain<session.FinishInput>
export type Candidate = Plain<session.Candidate>
export type Picker = Plain<session.Picker>
export type SegmentCount = Plain<session.SegmentCount>
export type FieldEdit = Plain<session.FieldEdit>
export type Response = Plain<session.Response>
export type Quote = Plain<session.Quote>
export type QuoteInput = Plain<session.QuoteInput>
export type Tally = Plain<session.Tally>
export type Verdict = Plain<session.Verdict>
export type VerdictInput = Plain<session.VerdictInput>
export type RunItem = Plain<session.RunItem>
export type Run = Plain<session.Run>
export type Theme = Plain<session.Theme>
export type Opportunity = Plain<session.Opportunity>
export type OpportunityInput = Plain<session.OpportunityInput>
export type Action = Plain<session.Action>
export type ActionInput = Plain<session.ActionInput>
export type Synthesis = Plain<session.Synthesis>
export type SynthEntry = Plain<session.SynthEntry>
export type RankedEntry = Plain<session.RankedEntry>
export type TaskFact = Plain<session.TaskFact>
export type RatingFact = Plain<session.RatingFact>
export type ActivityFacts = Plain<session.ActivityFacts>
export type NextTest = Plain<session.NextTest>
export type OpportunityRef = Plain<session.OpportunityRef>
export type LedgerQuery = Plain<session.LedgerQuery>
export type Evidence = Plain<session.Evidence>
export type Move = Plain<session.Move>
export type LedgerEntry = Plain<session.LedgerEntry>
export type Ledger = Plain<session.Ledger>
export type MemberSession = Plain<session.MemberSession>
export type DemoResult = Plain<session.DemoResult>
export type Tell = Plain<session.Tell>
export type TellInput = Plain<session.TellInput>

const as = <T>(v: unknown) => v as T
/** Go nil slices arrive as null. */
const list = <T>(p: Promise<T[] | null>) => p.then((v) => v ?? [])

export const sessionApi = {
  formats: () => list(P.Formats() as Promise<FormatInfo[] | null>),
  listDecisions: () => list(D.ListDecisions() as Promise<Decision[] | null>),
  getDecision: (id: number) => D.GetDecision(id) as Promise<DecisionDetail>,
  saveDecision: (d: DecisionInput) => D.SaveDecision(as(d)) as Promise<Decision>,
  deleteDecision: (id: number) => D.DeleteDecision(id),
  saveAssumption: (a: AssumptionInput) => D.SaveAssumption(as(a)) as Promise<Assumption>,
  deleteAssumption: (id: number) => D.DeleteAssumption(id),
  addLogEntry: (decisionId: number, l: LogInput) => D.AddLogEntry(decisionId, as(l)) as Promise<LogEntry>,
  setTell: (t: TellInput) => D.SetTell(as(t)) as Promise<Tell>,

  listSessions: () => list(P.ListSessions() as Promise<SessionItem[] | null>),
  getSession: (id: number) => P.GetSession(id) as Promise<Session>,
  saveSession: (s: SessionInput) => P.SaveSession(as(s)) as Promise<Session>,
  duplicateSession: (id: number) => P.DuplicateSession(id) as Promise<Session>,
  deleteSession: (id: number) => P.DeleteSession(id),
  picker: (id: number) => P.Picker(id) as Promise<Picker>,
  setParticipants: (id: number, memberIds: number[]) => P.SetParticipants(id, memberIds) as Promise<Session>,
  setParticipantState: (id: number, memberId: number, state: string) =>
    R.SetParticipantState(id, memberId, state) as Promise<Participant>,
  checkOpener: (id: number, index: number, done: boolean) => P.CheckOpener(id, index, done) as Promise<Session>,
  startSession: (id: number) => P.StartSession(id) as Promise<Session>,
  /** Finish with the attendance the facilitator confirmed, in one step. */
  finish: (f: FinishInput) => R.Finish(as(f)) as Promise<Session>,

  getRun: (id: number) => R.GetRun(id) as Promise<Run>,
  setPosition: (id: number, position: number) => R.SetPosition(id, position),
  saveField: (e: FieldEdit) => R.SaveField(as(e)) as Promise<Response>,
  addTime: (id: number, assumptionId: number, seconds: number) => R.AddTime(id, assumptionId, seconds),
  saveQuote: (q: QuoteInput) => R.SaveQuote(as(q)) as Promise<Quote>,
  deleteQuote: (id: number) => R.DeleteQuote(id),
  setVerdict: (v: VerdictInput) => R.SetVerdict(as(v)) as Promise<Verdict>,
  clearVerdict: (id: number, assumptionId: number) => R.ClearVerdict(id, assumptionId),

  synthesis: (id: number) => Y.Synthesis(id) as Promise<Synthesis>,
  tagQuote: (quoteId: number, themes: string[]) => Y.TagQuote(quoteId, themes) as Promise<Quote>,
  tagResponse: (responseId: number, themes: string[]) => Y.TagResponse(responseId, themes) as Promise<Response>,
  /** Themes of any text entry: a quote, a journey note, an idea, an observation, an answer. */
  tagEntry: (entryId: number, themes: string[]) => Y.TagEntry(entryId, themes) as Promise<SynthEntry>,
  setOpportunityStatus: (id: number, status: string) => Y.SetOpportunityStatus(id, status) as Promise<Opportunity>,
  /** A new assumption of the session's decision (id and decisionId 0), linked from the opportunity. */
  opportunityToAssumption: (id: number, a: AssumptionInput) =>
    Y.OpportunityToAssumption(id, as(a)) as Promise<Assumption>,
  saveOpportunity: (o: OpportunityInput) => Y.SaveOpportunity(as(o)) as Promise<Opportunity>,
  deleteOpportunity: (id: number) => Y.DeleteOpportunity(id),
  saveAction: (a: ActionInput) => Y.SaveAction(as(a)) as Promise<Action>,
  deleteAction: (id: number) => Y.DeleteAction(id),
  ledger: (q: LedgerQuery) => D.Ledger(as(q)) as Promise<Ledger>,
  loadDemo: () => P.LoadDemo() as Promise<DemoResult>,
  memberSessions: (memberId: number) => list(P.MemberSessions(memberId) as Promise<MemberSession[] | null>),
}
