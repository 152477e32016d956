import { HideToggle } from '../room/HideToggle'
import { ScoreSelect } from './ScoreSelect'
import { itemsOf, type ActivityProps } from './types'

/**
 * An open question (one answer per participant per question) or a rating
 * (a value 1..scale per participant per question).
 */
export function QuestionsRun({ activity: a, participants, entries }: ActivityProps) {
  const questions = itemsOf(a, 'question')
  const rating = a.kind === 'rating'
  if (questions.length === 0) return <p className="muted">No questions planned: add them on the plan page.</p>
  if (participants.length === 0) return <p className="muted">Nobody is here to answer.</p>
  return (
    <div className="questions">
      {questions.map((q) => {
        const ratings = participants
          .map(
            (p) => entries.slot({ activityId: a.id, kind: 'rating', itemId: q.id, memberId: p.memberId })?.value ?? 0,
          )
          .filter((v) => v > 0)
        const mean = ratings.length ? ratings.reduce((s, v) => s + v, 0) / ratings.length : 0
        return (
          <section key={q.id} className="card question" aria-labelledby={`q-${q.id}`}>
            <h3 id={`q-${q.id}`}>{q.text}</h3>
            {rating && (
              <p className="muted small" role="status">
                {ratings.length} rated{mean > 0 && `, mean ${mean.toFixed(1)} of ${a.scale}`}
              </p>
            )}
            <div className={rating ? 'question-ratings' : 'question-answers'}>
              {participants.map((p) => {
                const slot = {
                  activityId: a.id,
                  kind: rating ? 'rating' : 'answer',
                  itemId: q.id,
                  memberId: p.memberId,
                }
                const e = entries.slot(slot)
                const id = `q-${q.id}-${p.memberId}`
                return (
                  <div key={p.memberId} className={e?.hidden ? 'field room-hidden' : 'field'} data-member={p.memberId}>
                    <label htmlFor={id}>{rating ? `Rating from ${p.name}` : `Answer from ${p.name}`}</label>
                    {rating ? (
                      <ScoreSelect
                        id={id}
                        max={a.scale || 5}
                        value={e?.value ?? 0}
                        onScore={(v) => entries.setSlot(slot, '', v)}
                      />
                    ) : (
                      <textarea
                        id={id}
                        rows={2}
                        value={e?.text ?? ''}
                        onChange={(ev) => entries.setSlot(slot, ev.target.value, 0)}
                      />
                    )}
                    {!rating && (
                      <HideToggle
                        entry={e}
                        what={`the answer from ${p.name}`}
                        onHide={(k, h) => void entries.hide(k, h)}
                      />
                    )}
                  </div>
                )
              })}
            </div>
          </section>
        )
      })}
    </div>
  )
}
