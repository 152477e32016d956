import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { Alert } from '../../../components/Alert'
import { mergeStatus } from '../autosave'
import { word } from '../labels'
import { liveTally } from '../tally'
import { useAgendaRun } from '../agenda/useAgendaRun'
import { ActivityPanel } from './activities/ActivityPanel'
import { ActivityStrip } from './ActivityStrip'
import { FinishDialog } from './FinishDialog'
import { OpenerPanel } from './OpenerPanel'
import { Presence } from './Presence'
import { ParticipantCard } from './ParticipantCard'
import { RunBar } from './RunBar'
import { RunNav } from './RunNav'
import { useRun } from './useRun'
import { VerdictPanel } from './VerdictPanel'
import { ActivityControls } from './room/ActivityControls'
import { Projector } from './room/Projector'
import { RoomPanel } from './room/RoomPanel'
import { useProjectorRefresh } from './room/useProjectorRefresh'
import { useRoom } from './room/useRoom'
import { SessionNotFound } from '../SessionNotFound'

type Run = ReturnType<typeof useRun>

/** The assumption check: one assumption at a time, every participant's answer saved as it is typed. */
function AssumptionCheck({ r }: { r: Run }) {
  const { run, items, item, pos, aid, participants, heading, response, verdict: verdictOn } = r
  if (!run) return null
  const s = run.session
  const tally = liveTally(participants, (mid) => response(mid).stance)
  const verdict = verdictOn(aid)
  if (items.length === 0) {
    return (
      <Alert tone="info" title="Nothing to test">
        This session has no assumptions. Choose some in the plan.
      </Alert>
    )
  }
  return (
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
          <h2 id="activity-title" className="run-sentence" tabIndex={-1} ref={heading}>
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
  )
}

/**
 * The live run walks the session's agenda: the activity strip on top, the
 * activity on screen below (the assumption check as it always was, or the
 * board of another kind), everything saved as it is typed.
 */
export function RunView({ sessionId }: { sessionId: number }) {
  // Entries mark their participant attended; useRun shows it, and comes second.
  const recordedRef = useRef<(memberId: number) => void>(() => {})
  const onSaved = useCallback((memberId: number) => recordedRef.current(memberId), [])
  const g = useAgendaRun(sessionId, onSaved)
  // Without an agenda (none yet, or it could not be read) the run is the assumption check.
  const onCheck = !g.activity || g.activity.kind === 'assumption_check'
  const r = useRun(sessionId, onCheck)
  useLayoutEffect(() => {
    recordedRef.current = r.recorded
  })
  // The room writes entries while the view is open: each new version is read again and merged.
  const { refresh: refreshAgenda } = g
  const { refresh: refreshRun } = r
  const onRoomChange = useCallback(() => Promise.all([refreshAgenda(), refreshRun()]), [refreshAgenda, refreshRun])
  const room = useRoom(sessionId, onRoomChange)
  const [projector, setProjector] = useState(false)
  const closeProjector = useCallback(() => setProjector(false), [])
  useProjectorRefresh(projector, !!room.status?.open, refreshAgenda)

  if (!r.run && r.missing) return <SessionNotFound id={sessionId} />
  if (!r.run) {
    return (
      <section className="page" aria-label="Run">
        {r.error ? (
          <Alert tone="error" title="This session could not be opened">
            {r.error}
          </Alert>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    )
  }

  const s = r.run.session
  const present = r.participants.filter((p) => p.state !== 'no_show')
  async function finish() {
    await g.queue.flush()
    await r.finish()
  }

  return (
    <section className="run" aria-label={`Run: ${s.title}`}>
      <RunBar
        sessionId={sessionId}
        session={s}
        status={mergeStatus(r.status, g.status)}
        seconds={onCheck ? r.seconds : g.seconds}
        timing={onCheck ? 'this assumption' : 'this activity'}
        help={r.help}
        onHelp={r.setHelp}
        focus={r.focus}
        onFocus={r.setFocus}
        onFinish={finish}
      />
      {r.actionError && <Alert tone="error">{r.actionError}</Alert>}
      {g.actionError && <Alert tone="error">{g.actionError}</Alert>}
      {g.error && (
        <Alert tone="warning" title="The agenda could not be read">
          {g.error}
        </Alert>
      )}
      <FinishDialog
        open={r.finishing}
        participants={r.participants}
        busy={r.busy}
        error={r.finishError}
        onConfirm={r.confirmFinish}
        onCancel={r.cancelFinish}
      />
      {r.participants.length > 0 && <Presence participants={r.participants} onChange={r.setPresent} />}
      {s.status !== 'finished' && <RoomPanel room={room} onProjector={() => setProjector(true)} />}
      {projector && (
        <Projector
          url={room.status?.open ? room.status.url : ''}
          qr={room.status?.open ? room.status.qr : ''}
          activity={g.activity}
          entries={g.entries.entries}
          itemId={onCheck ? g.activity?.items.find((it) => it.assumptionId === r.aid)?.id : undefined}
          sentence={onCheck ? r.item?.assumption.sentence : undefined}
          onClose={closeProjector}
        />
      )}
      {g.run && g.run.runs.length > 1 && (
        <ActivityStrip activities={g.activities} spent={g.spent} current={g.current} onGo={g.go} />
      )}
      {g.activity && <ActivityControls activity={g.activity} onChange={g.patchActivity} />}
      {onCheck || !g.activity ? (
        <AssumptionCheck r={r} />
      ) : (
        <ActivityPanel key={g.activity.id} activity={g.activity} participants={present} entries={g.entries} />
      )}
    </section>
  )
}
