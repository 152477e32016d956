import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { activityApi, Kind, type Activity, type ActivityInput } from '../../../api/activity'
import { plural } from '../../../text'
import type { AutosaveQueue } from '../autosave'
import { kindLabel, moved, moveTarget, roleLabel, roles } from './logic'
import { usePendingFocus } from './usePendingFocus'

/** An item as the editor holds it: key is stable on screen, id 0 until saved. */
interface DraftItem {
  key: string
  id: number
  role: string
  assumptionId: number
  text: string
  /** Entries the item holds (0 for a new one): such an item cannot be removed. */
  entries: number
}

interface Draft {
  title: string
  prompt: string
  minutes: string
  scale: number
  dots: string
  items: DraftItem[]
}

let drafted = 0
const toDraft = (a: Activity): Draft => ({
  title: a.title,
  prompt: a.prompt,
  minutes: String(a.minutes),
  scale: a.scale,
  dots: String(a.dots),
  items: a.items.map((it) => ({
    key: `i${it.id}`,
    id: it.id,
    role: it.role,
    assumptionId: it.assumptionId,
    text: it.text,
    entries: it.entries,
  })),
})

const whole = (s: string) => {
  const n = Number(s.trim() || '0')
  return Number.isInteger(n) ? n : NaN
}

interface Props {
  activity: Activity
  index: number
  count: number
  queue: AutosaveQueue
  onMove: (a: Activity, to: number) => void
  onRemove: (a: Activity) => void
  /** The minutes as typed, for the agenda's total. */
  onMinutes: (id: number, minutes: number) => void
  /** Set when this activity should take focus (just added or moved). */
  focusMe: boolean
}

/** One activity of the agenda: its fields and items, saved as they are typed. */
export function ActivityEditor({ activity: a, index, count, queue, onMove, onRemove, onMinutes, focusMe }: Props) {
  const [d, setD] = useState<Draft>(() => toDraft(a))
  const ids = useRef(new Map<string, number>())
  const latest = useRef(a)
  useLayoutEffect(() => {
    latest.current = a
  })
  const self = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (focusMe) self.current?.focus()
  }, [focusMe])

  const base = `act-${a.id}`
  const name = `${index + 1}. ${d.title || kindLabel(a.kind)}`

  function save(next: Draft) {
    setD(next)
    queue.set(`activity:${a.id}`, next, async (v) => {
      const dr = v as Draft
      const cur = latest.current
      // The assumption check's items are the plan's assumptions: sent as the backend has them.
      const items =
        cur.kind === Kind.AssumptionCheck
          ? cur.items.map((it) => ({ id: it.id, role: it.role, assumptionId: it.assumptionId, text: it.text }))
          : dr.items.map((it) => ({
              id: it.id || ids.current.get(it.key) || 0,
              role: it.role,
              assumptionId: 0,
              text: it.text,
            }))
      const input: ActivityInput = {
        id: cur.id,
        sessionId: cur.sessionId,
        kind: cur.kind,
        title: dr.title,
        prompt: dr.prompt,
        minutes: whole(dr.minutes),
        scale: dr.scale,
        dots: whole(dr.dots),
        items,
      }
      const saved = await activityApi.saveActivity(input)
      if (cur.kind === Kind.AssumptionCheck) return
      // The i-th saved item of a role is the i-th sent one of that role.
      const byRole = new Map<string, number[]>()
      for (const it of saved.items ?? []) byRole.set(it.role, [...(byRole.get(it.role) ?? []), it.id])
      const seen = new Map<string, number>()
      for (const it of dr.items) {
        const n = seen.get(it.role) ?? 0
        seen.set(it.role, n + 1)
        const id = byRole.get(it.role)?.[n]
        if (id) ids.current.set(it.key, id)
      }
    })
  }
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => save({ ...d, [k]: v })
  const setItems = (items: DraftItem[]) => save({ ...d, items })

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>) {
    if (!e.altKey || e.ctrlKey || e.metaKey) return
    const delta = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0
    if (!delta) return
    e.preventDefault()
    const to = moveTarget(index, delta, count)
    if (to >= 0) onMove(a, to)
  }

  const itemRoles = roles[a.kind as Kind] ?? []
  return (
    <li
      ref={self}
      className="card agenda-activity"
      tabIndex={0}
      aria-label={`Activity ${name}, ${kindLabel(a.kind)}`}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      onKeyDown={onKeyDown}
    >
      <header className="agenda-head">
        <h3>
          <span className="agenda-kind">{kindLabel(a.kind)}</span> {name}
        </h3>
        <span className="muted small">
          {a.minutes} min{a.entries > 0 ? ` · ${a.entries} ${a.entries === 1 ? 'entry' : 'entries'}` : ''}
        </span>
        <div className="agenda-tools">
          <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onMove(a, index - 1)}>
            Move up<span className="sr-only"> {name}</span>
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={index === count - 1}
            onClick={() => onMove(a, index + 1)}
          >
            Move down<span className="sr-only"> {name}</span>
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => onRemove(a)}>
            Remove<span className="sr-only"> {name}</span>
          </button>
        </div>
      </header>
      <div className="agenda-fields">
        <div className="field">
          <label htmlFor={`${base}-title`}>Title</label>
          <input id={`${base}-title`} value={d.title} onChange={(e) => set('title', e.target.value)} />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${base}-minutes`}>Minutes</label>
          <input
            id={`${base}-minutes`}
            type="number"
            min={0}
            max={600}
            value={d.minutes}
            onChange={(e) => {
              set('minutes', e.target.value)
              onMinutes(a.id, whole(e.target.value) || 0)
            }}
          />
        </div>
        {a.kind === Kind.Rating && (
          <div className="field field-narrow">
            <label htmlFor={`${base}-scale`}>Scale</label>
            <select id={`${base}-scale`} value={d.scale} onChange={(e) => set('scale', Number(e.target.value))}>
              <option value={5}>1 to 5</option>
              <option value={7}>1 to 7</option>
            </select>
          </div>
        )}
        {(a.kind === Kind.JourneyBoard || a.kind === Kind.IdeaRound) && (
          <div className="field field-narrow">
            <label htmlFor={`${base}-dots`}>Dots per person</label>
            <input
              id={`${base}-dots`}
              type="number"
              min={0}
              max={20}
              value={d.dots}
              onChange={(e) => set('dots', e.target.value)}
            />
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${base}-prompt`}>Prompt</label>
        <textarea id={`${base}-prompt`} rows={2} value={d.prompt} onChange={(e) => set('prompt', e.target.value)} />
      </div>
      {a.kind === Kind.AssumptionCheck ? (
        <div>
          <h4 className="small-heading">Assumptions</h4>
          {a.items.length === 0 ? (
            <p className="muted small">None yet: choose them in the plan above.</p>
          ) : (
            <ol className="agenda-items-ro">
              {a.items.map((it) => (
                <li key={it.id}>{it.text}</li>
              ))}
            </ol>
          )}
        </div>
      ) : (
        itemRoles.map((role) => <ItemList key={role} role={role} owner={name} items={d.items} onChange={setItems} />)
      )}
    </li>
  )
}

/** The items of one role (stages, tasks …): add, edit, remove, reorder. */
function ItemList({
  role,
  owner,
  items,
  onChange,
}: {
  role: string
  owner: string
  items: DraftItem[]
  onChange: (items: DraftItem[]) => void
}) {
  const mine = items.filter((it) => it.role === role)
  const { focusLater: setFocusKey, refFor } = usePendingFocus<HTMLInputElement>()
  const label = roleLabel(role)
  const listLabel = `${roleLabel(role, true)} of ${owner}`
  const uid = useId()

  // Items of this role change among themselves; the others keep their places.
  const replace = (next: DraftItem[]) => onChange([...items.filter((it) => it.role !== role), ...next])
  const edit = (key: string, text: string) => replace(mine.map((it) => (it.key === key ? { ...it, text } : it)))
  const move = (i: number, delta: number) => {
    const to = moveTarget(i, delta, mine.length)
    if (to < 0) return
    replace(moved(mine, i, to))
    setFocusKey(mine[i].key)
  }
  const add = () => {
    const key = `n${++drafted}`
    replace([...mine, { key, id: 0, role, assumptionId: 0, text: `${label} ${mine.length + 1}`, entries: 0 }])
    setFocusKey(key)
  }

  return (
    <div className="agenda-items">
      <h4 className="small-heading">{roleLabel(role, true)}</h4>
      <ol aria-label={listLabel}>
        {mine.map((it, i) => (
          <li key={it.key}>
            <input
              ref={refFor(it.key)}
              aria-label={`${label} ${i + 1}`}
              value={it.text}
              onChange={(e) => edit(it.key, e.target.value)}
              onKeyDown={(e) => {
                if (!e.altKey) return
                if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                  e.preventDefault()
                  e.stopPropagation()
                  move(i, e.key === 'ArrowUp' ? -1 : 1)
                }
              }}
            />
            <button type="button" className="btn btn-small btn-quiet" disabled={i === 0} onClick={() => move(i, -1)}>
              Up<span className="sr-only"> {`${label} ${i + 1}`}</span>
            </button>
            <button
              type="button"
              className="btn btn-small btn-quiet"
              disabled={i === mine.length - 1}
              onClick={() => move(i, 1)}
            >
              Down<span className="sr-only"> {`${label} ${i + 1}`}</span>
            </button>
            {/* An item holding entries stays: the backend refuses its removal, so the
                button says why up front. aria-disabled, not disabled, keeps it in the
                tab order, so a keyboard user reaches it and hears the reason. */}
            <button
              type="button"
              className="btn btn-small btn-quiet"
              aria-disabled={it.entries > 0 || undefined}
              aria-describedby={it.entries > 0 ? `${uid}-${it.key}-held` : undefined}
              onClick={() => {
                if (it.entries > 0) return
                replace(mine.filter((x) => x.key !== it.key))
                const near = mine[i + 1] ?? mine[i - 1]
                setFocusKey(near?.key ?? '')
              }}
            >
              Remove<span className="sr-only"> {`${label} ${i + 1}`}</span>
            </button>
            {it.entries > 0 && (
              <span id={`${uid}-${it.key}-held`} className="muted small">
                {`holds ${plural(it.entries, 'entry', 'entries')}, so it stays`}
              </span>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={add}>
        Add {label.toLowerCase()}
        <span className="sr-only"> to {owner}</span>
      </button>
    </div>
  )
}
