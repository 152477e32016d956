import { Alert } from '../../../components/Alert'
import { word } from '../labels'
import { liveTally } from '../tally'
import { FinishDialog } from './FinishDialog'
import { OpenerPanel } from './OpenerPanel'
import { Presence } from './Presence'
import { ParticipantCard } from './ParticipantCard'
import { RunBar } from './RunBar'
import { RunNav } from './RunNav'
import { useRun } from './useRun'
import { VerdictPanel } from './VerdictPanel'

/** The live run: one assumption at a time, every participant's answer saved as it is typed. */
export function RunView({ sessionId }: { sessionId: number }) {
  const {
    run,
    error,
    items,
    item,
    pos,
    aid,
    participants,
    heading,
    response,
    verdict: verdictOn,
    ...r
  } = useRun(sessionId)

  if (!run) {
    return (
      <section className="page" aria-label="Run">
        {error ? (
          <Alert tone="error" title="This session could not be opened">
            {error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const s = run.session
  const tally = liveTally(participants, (mid) => response(mid).stance)
  const verdict = verdictOn(aid)

  return (
    <section className="run" aria-label={`Run: ${s.title}`}>
      <RunBar
        sessionId={sessionId}
        session={s}
        status={r.status}
        seconds={r.seconds}
        help={r.help}
        onHelp={r.setHelp}
        focus={r.focus}
        onFocus={r.setFocus}
        onFinish={r.finish}
      />
      {r.actionError && <Alert tone="error">{r.actionError}</Alert>}
      <FinishDialog
        open={r.finishing}
        participants={participants}
        busy={r.busy}
        error={r.finishError}
        onConfirm={r.confirmFinish}
        onCancel={r.cancelFinish}
      />
      {participants.length > 0 && <Presence participants={participants} onChange={r.setPresent} />}
      {items.length === 0 ? (
        <Alert tone="info" title="Nothing to test">
          This session has no assumptions. Choose some in the plan.
        </Alert>
      ) : (
        <>
          <OpenerPanel opener={s.opener ?? []} prompts={s.prompts ?? []} first={pos === 0} onCheck={r.checkOpener} />
          <RunNav
            steps={items.map((it) => ({ id: it.assumption.id, verdict: verdictOn(it.assumption.id).verdict }))}
            pos={pos}
            onGo={r.go}
          />
          <div className="run-stage">
            <div className="run-assumption">
              <p className="run-category">{word(item.assumption.category)}</p>
              <h2 className="run-sentence" tabIndex={-1} ref={heading}>
                {item.assumption.sentence}
              </h2>
              <ul className="run-prompts" aria-label="Ask">
                {(run.prompts ?? []).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
            <VerdictPanel
              assumptionId={aid}
              tally={tally}
              verdict={verdict}
              rated={verdict.rated}
              onChange={r.onVerdict}
              onClear={r.clearVerdict}
            />
          </div>
          <div className="pcards" aria-label="Participants" role="group">
            {participants.map((p) => (
              <ParticipantCard
                key={`${aid}:${p.memberId}`}
                participant={p}
                assumptionId={aid}
                response={response(p.memberId)}
                quotes={r.quotes.filter((q) => q.memberId === p.memberId)}
                focusQuote={r.focusQuote}
                onField={r.onField}
                onQuote={r.saveQuote}
                onAddQuote={r.addQuote}
                onDeleteQuote={r.deleteQuote}
                onBlur={r.flush}
              />
            ))}
          </div>
          {participants.length === 0 && (
            <Alert tone="warning" title="No participants">
              Choose participants in the plan to record their answers.
            </Alert>
          )}
        </>
      )}
    </section>
  )
}
