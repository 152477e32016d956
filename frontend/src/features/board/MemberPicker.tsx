import { useEffect, useState } from 'react'
import { api, type Member } from '../../api'
import { Field } from '../../components/Field'
import { useDebounced } from '../../components/hooks'
import { initialList } from './listState'

interface Props {
  value: number
  name: string
  onChange: (id: number, name: string) => void
  /** The fieldset's legend and the select's label. */
  legend?: string
  label?: string
  /** A member never offered (the one being merged). */
  exclude?: number
}

/** Finds a member by name to link; a select of the matches keeps it keyboard-simple. */
export function MemberPicker({
  value,
  name,
  onChange,
  legend = 'Member',
  label = 'Linked member',
  exclude = 0,
}: Props) {
  const [q, setQ] = useState('')
  const search = useDebounced(q, 200)
  const [results, setResults] = useState<Member[]>([])
  useEffect(() => {
    if (!search.trim()) return
    let live = true
    api.listMembers({ ...initialList, search, limit: 20, offset: 0 }).then(
      (p) => live && setResults(p.members ?? []),
      () => {},
    )
    return () => {
      live = false
    }
  }, [search])
  const found = search.trim() ? results.filter((m) => m.id !== exclude) : []
  const options =
    found.some((m) => m.id === value) || !value ? found : [{ id: value, name, canContact: true } as Member, ...found]
  return (
    <fieldset className="link-picker">
      <legend>{legend}</legend>
      <div className="grid-2">
        <Field label="Find a member" hint="Type part of a name, company or email.">
          {(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <Field label={label}>
          {(p) => (
            <select
              {...p}
              value={value}
              onChange={(e) => {
                const id = Number(e.target.value)
                onChange(id, options.find((m) => m.id === id)?.name ?? '')
              }}
            >
              <option value={0}>None</option>
              {options.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                  {m.canContact ? '' : ' (no contact consent)'}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  )
}
