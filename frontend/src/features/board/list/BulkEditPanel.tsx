import { useState } from 'react'
import { ErrorText } from '../../../components/Alert'
import { api, errorMessage, type BulkResult, type MemberQuery } from '../../../api'
import { plural } from '../../../text'
import { useBoard } from '../BoardContext'
import { consentKinds, label } from '../labels'
import { parseTags } from '../member/memberForm'
import { SegmentSelect, StatusSelect } from './BoardSelects'
import type { Selection } from './useSelection'

type ConsentChange = '' | 'grant' | 'withdraw'

/**
 * One change to every selected member: segment, status, tags, consent,
 * archive. One backend call, one transaction; onDone gets the result, whose
 * editId undoes it.
 */
export function BulkEditPanel({
  selection,
  query,
  count,
  onDone,
  onCancel,
}: {
  selection: Selection
  query: MemberQuery
  count: number
  onDone: (r: BulkResult) => void
  onCancel: () => void
}) {
  const { segments, tags } = useBoard()
  const [segmentId, setSegmentId] = useState(0)
  const [status, setStatus] = useState('')
  const [addTags, setAddTags] = useState('')
  const [removeTags, setRemoveTags] = useState('')
  const [consent, setConsent] = useState<Record<string, ConsentChange>>({})
  const [archive, setArchive] = useState('')
  const [source, setSource] = useState('bulk edit')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const kinds = (c: ConsentChange) => consentKinds.filter((k) => consent[k] === c)

  async function apply(e: React.FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      const res = await api.bulkEdit({
        selection: selection.all
          ? { all: true, ids: [], filter: { ...query, limit: 0, offset: 0 }, except: [...selection.except] }
          : { all: false, ids: [...selection.ids], filter: query, except: [] },
        segmentId,
        status,
        addTags: parseTags(addTags),
        removeTags: parseTags(removeTags),
        grant: kinds('grant'),
        withdraw: kinds('withdraw'),
        archive,
        source,
      })
      onDone(res)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="bulk-panel" aria-label="Bulk edit" onSubmit={apply} onChange={() => setError('')}>
      <SegmentSelect
        title="Set segment"
        first="Unchanged"
        segments={segments}
        value={segmentId}
        onChange={setSegmentId}
      />
      <StatusSelect title="Set status" first="Unchanged" value={status} onChange={setStatus} />
      <label className="filter">
        <span>Add tags</span>
        <input
          value={addTags}
          onChange={(e) => setAddTags(e.target.value)}
          placeholder="comma, separated"
          list="bulk-tags"
        />
      </label>
      <label className="filter">
        <span>Remove tags</span>
        <input
          value={removeTags}
          onChange={(e) => setRemoveTags(e.target.value)}
          placeholder="comma, separated"
          list="bulk-tags"
        />
      </label>
      <datalist id="bulk-tags">
        {tags.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      {consentKinds.map((k) => (
        <label key={k} className="filter">
          <span>{label(k)} consent</span>
          <select
            value={consent[k] ?? ''}
            onChange={(e) => setConsent({ ...consent, [k]: e.target.value as ConsentChange })}
          >
            <option value="">Unchanged</option>
            <option value="grant">Granted today</option>
            <option value="withdraw">Withdrawn today</option>
          </select>
        </label>
      ))}
      {kinds('grant').length > 0 && (
        <label className="filter">
          <span>Consent source</span>
          <input value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
      )}
      <label className="filter">
        <span>Archive</span>
        <select value={archive} onChange={(e) => setArchive(e.target.value)}>
          <option value="">Unchanged</option>
          <option value="archive">Archive</option>
          <option value="restore">Restore from archive</option>
        </select>
      </label>
      <div className="bulk-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Apply to {plural(count, 'member')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  )
}
