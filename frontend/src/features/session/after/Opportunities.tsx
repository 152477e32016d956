import { useLayoutEffect, useRef, useState, type FormEvent, type TextareaHTMLAttributes } from 'react'
import { errorMessage } from '../../../api'
import { sessionApi, type Opportunity, type OpportunityInput } from '../../../api/session'
import { Field } from '../../../components/Field'
import { SubmitRow } from '../../../components/SubmitRow'
import { href } from '../../../router'
import { HypothesisForm } from './HypothesisForm'
import { opportunityStatuses, statusWord } from './synthesis'

const levels = [1, 2, 3, 4, 5]

/**
 * A one-paragraph text field that grows with its text, so a long "How
 * might we" is read whole instead of scrolling inside a one-line input.
 * Enter does what it does in an input (onEnter), never a line break.
 */
function GrowingText({
  onEnter,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string; onEnter: (el: HTMLTextAreaElement) => void }) {
  const ref = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const fit = () => {
      el.style.height = 'auto'
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`
    }
    fit()
    if (typeof ResizeObserver === 'undefined') return
    // A narrower window wraps the text onto more lines.
    let width = el.clientWidth
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth
        fit()
      }
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [props.value])
  return (
    <textarea
      ref={ref}
      rows={1}
      className="growing-text"
      {...props}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          onEnter(e.currentTarget)
        }
      }}
    />
  )
}

function OpportunityRow({
  o,
  decisionId,
  onChange,
}: {
  o: Opportunity
  decisionId: number
  onChange: () => Promise<void>
}) {
  const [hmw, setHmw] = useState(o.hmw)
  const [picked, setPicked] = useState(o.picked)
  const [error, setError] = useState('')
  const [turning, setTurning] = useState(false)
  const save = async (patch: Partial<OpportunityInput>) => {
    setError('')
    try {
      await sessionApi.saveOpportunity({
        id: o.id,
        sessionId: o.sessionId,
        hmw,
        effort: o.effort,
        impact: o.impact,
        picked,
        sourceEntryId: 0, // keeps the one it has
        ...patch,
      })
      await onChange()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <>
      <tr className={picked ? 'is-chosen' : undefined}>
        <td>
          <input
            type="checkbox"
            aria-label={`Pick: ${o.hmw}`}
            checked={picked}
            onChange={(e) => {
              setPicked(e.target.checked)
              void save({ picked: e.target.checked })
            }}
          />
        </td>
        <td>
          <GrowingText
            aria-label="How might we"
            value={hmw}
            onChange={(e) => setHmw(e.target.value)}
            onBlur={() => hmw !== o.hmw && save({ hmw })}
            onEnter={(el) => el.blur()}
          />
          {o.source && (
            <p className="muted small">
              From: <bdi>{o.source}</bdi>
            </p>
          )}
          {o.assumptionId > 0 ? (
            <p className="small">
              Hypothesis:{' '}
              <a href={href(`/sessions/decision/${decisionId}`)}>
                <bdi>{o.assumption}</bdi>
              </a>
            </p>
          ) : (
            !turning && (
              <button
                type="button"
                className="btn btn-small btn-quiet"
                aria-label={`Turn into a hypothesis: ${o.hmw}`}
                onClick={() => setTurning(true)}
              >
                Turn into a hypothesis
              </button>
            )
          )}
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </td>
        <td>
          <select
            aria-label={`Status: ${o.hmw}`}
            value={o.status}
            onChange={async (e) => {
              setError('')
              try {
                await sessionApi.setOpportunityStatus(o.id, e.target.value)
                await onChange()
              } catch (err) {
                setError(errorMessage(err))
              }
            }}
          >
            {opportunityStatuses.map((st) => (
              <option key={st} value={st}>
                {statusWord(st)}
              </option>
            ))}
          </select>
        </td>
        <td>
          <select
            aria-label={`Effort: ${o.hmw}`}
            value={o.effort}
            onChange={(e) => save({ effort: Number(e.target.value) })}
          >
            {levels.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </td>
        <td>
          <select
            aria-label={`Impact: ${o.hmw}`}
            value={o.impact}
            onChange={(e) => save({ impact: Number(e.target.value) })}
          >
            {levels.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </td>
        <td className="row-actions">
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={async () => {
              try {
                await sessionApi.deleteOpportunity(o.id)
                await onChange()
              } catch (e) {
                setError(errorMessage(e))
              }
            }}
          >
            Remove<span className="sr-only"> {o.hmw}</span>
          </button>
        </td>
      </tr>
      {turning && (
        <tr>
          <td colSpan={6}>
            <HypothesisForm
              o={o}
              onCancel={() => setTurning(false)}
              onDone={async () => {
                setTurning(false)
                await onChange()
              }}
            />
          </td>
        </tr>
      )}
    </>
  )
}

/**
 * "How might we" opportunities with their status, effort and impact; pick
 * the top 3–5, and turn one into a hypothesis the decision tests next.
 */
export function Opportunities({
  sessionId,
  decisionId,
  items,
  advice,
  onChange,
}: {
  sessionId: number
  decisionId: number
  items: Opportunity[]
  advice: string
  onChange: () => Promise<void>
}) {
  const [hmw, setHmw] = useState('How might we ')
  const [effort, setEffort] = useState(3)
  const [impact, setImpact] = useState(3)
  const [error, setError] = useState('')
  async function add(e: FormEvent) {
    e.preventDefault()
    setError('')
    try {
      await sessionApi.saveOpportunity({ id: 0, sessionId, hmw, effort, impact, picked: false, sourceEntryId: 0 })
      setHmw('How might we ')
      await onChange()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <section className="card" aria-labelledby="opps-title">
      <h2 id="opps-title">Opportunities</h2>
      <p className="guide" role="status">
        {advice || 'Pick the top 3–5 opportunities to act on.'}
      </p>
      {items.length > 0 && (
        <table className="table opps-table" aria-labelledby="opps-title">
          <thead>
            <tr>
              <th scope="col">Pick</th>
              <th scope="col">How might we …</th>
              <th scope="col">Status</th>
              <th scope="col">Effort</th>
              <th scope="col">Impact</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <OpportunityRow key={`${o.id}:${o.hmw}:${o.picked}`} o={o} decisionId={decisionId} onChange={onChange} />
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={add} aria-label="Add an opportunity">
        <Field label="Opportunity">
          {(p) => (
            <GrowingText
              {...p}
              value={hmw}
              onChange={(e) => setHmw(e.target.value)}
              onEnter={(el) => el.form?.requestSubmit()}
            />
          )}
        </Field>
        <div className="grid-2">
          <Field label="Effort (1–5)">
            {(p) => (
              <select {...p} value={effort} onChange={(e) => setEffort(Number(e.target.value))}>
                {levels.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Impact (1–5)">
            {(p) => (
              <select {...p} value={impact} onChange={(e) => setImpact(Number(e.target.value))}>
                {levels.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <SubmitRow label="Add opportunity" error={error} />
      </form>
    </section>
  )
}
