import { useState, type ReactNode } from 'react'
import { teamApi, type TeamStatus } from '../../api/team'
import { Field } from '../../components/Field'
import { useSubmit, type Submit } from '../../components/useSubmit'

const createFields = ['folder', 'person', 'label'] as const
const joinFields = ['folder', 'code', 'person', 'label'] as const

/** The fields both forms ask for: the shared folder, who you are, this laptop. */
function WhoFields({
  submit,
  values,
  set,
  children,
}: {
  submit: Submit
  values: { folder: string; person: string; label: string }
  set: (patch: Partial<{ folder: string; person: string; label: string }>) => void
  children?: ReactNode
}) {
  return (
    <>
      <Field
        label="Shared folder"
        hint="The folder's path on this laptop, e.g. ~/Dropbox/Advisory board"
        error={submit.fieldError('folder')}
      >
        {(p) => <input {...p} value={values.folder} onChange={(e) => set({ folder: e.target.value })} />}
      </Field>
      {children}
      <Field label="Your name" hint="Teammates see it on your changes" error={submit.fieldError('person')}>
        {(p) => <input {...p} value={values.person} onChange={(e) => set({ person: e.target.value })} />}
      </Field>
      <Field label="This laptop's name" hint="e.g. Ana's laptop" error={submit.fieldError('label')}>
        {(p) => <input {...p} value={values.label} onChange={(e) => set({ label: e.target.value })} />}
      </Field>
    </>
  )
}

/** The submit button and the error no field shows. */
function Actions({ submit, label }: { submit: Submit; label: string }) {
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {label}
        </button>
      </div>
      {submit.message && (
        <p className="error-text form-error" role="alert" tabIndex={-1}>
          {submit.message}
        </p>
      )}
    </>
  )
}

/** Makes this board the team's, in a folder the team's sync service shares. */
export function CreateTeamForm({ onDone }: { onDone: (s: TeamStatus) => void }) {
  const [values, setValues] = useState({ folder: '', person: '', label: '' })
  const submit = useSubmit(createFields, values)
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }))
  const title = 'Share this board with your team'
  return (
    <form
      className="card team-form"
      aria-label={title}
      onSubmit={submit.handle(async () => onDone(await teamApi.create(values)))}
    >
      <h2>{title}</h2>
      <p className="muted small">
        Pick a folder your team&apos;s sync service already shares (Dropbox, OneDrive, Google Drive, iCloud Drive,
        Syncthing or a network share); everything Sounding Board puts in it is encrypted.
      </p>
      <WhoFields submit={submit} values={values} set={set} />
      <Actions submit={submit} label="Share this board" />
    </form>
  )
}

/** Joins a team with an invite code a teammate made; this board must be empty. */
export function JoinTeamForm({ onDone }: { onDone: (s: TeamStatus) => void }) {
  const [values, setValues] = useState({ folder: '', code: '', person: '', label: '' })
  const submit = useSubmit(joinFields, values)
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }))
  const title = 'Join a team'
  return (
    <form
      className="card team-form"
      aria-label={title}
      onSubmit={submit.handle(async () => onDone(await teamApi.join(values)))}
    >
      <h2>{title}</h2>
      <p className="muted small">
        Ask a teammate for an invite code (Team, Invite a laptop). The board on this laptop must be empty: the
        team&apos;s board takes its place.
      </p>
      <WhoFields submit={submit} values={values} set={set}>
        <Field label="Invite code" hint="26 letters and digits, dashes optional" error={submit.fieldError('code')}>
          {(p) => (
            <input
              {...p}
              autoComplete="off"
              spellCheck={false}
              value={values.code}
              onChange={(e) => set({ code: e.target.value })}
            />
          )}
        </Field>
      </WhoFields>
      <Actions submit={submit} label="Join the team" />
    </form>
  )
}
