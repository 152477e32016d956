import { useState, type ReactNode } from 'react'
import { teamApi, type TeamStatus } from '../../api/team'
import { FormError } from '../../components/Alert'
import { Field } from '../../components/Field'
import { useSubmit } from '../../components/useSubmit'

type Values = Record<string, string>

interface FormProps<V extends Values> {
  title: string
  intro: ReactNode
  button: string
  initial: V
  /** The backend call; its field problems show at the fields of the same names. */
  action: (values: V) => Promise<TeamStatus>
  onDone: (s: TeamStatus) => void
  /** Fields between the folder and the names (the invite code). */
  extra?: (field: (name: keyof V & string, label: string, hint: string) => ReactNode) => ReactNode
}

/**
 * A team form: the shared folder, then any extra fields, then your name and
 * this laptop's name, which both forms ask for.
 */
function TeamForm<V extends Values>({ title, intro, button, initial, action, onDone, extra }: FormProps<V>) {
  const [values, setValues] = useState(initial)
  const [fields] = useState(() => Object.keys(initial))
  const submit = useSubmit(fields, values)
  const field = (name: keyof V & string, label: string, hint: string) => (
    <Field label={label} hint={hint} error={submit.fieldError(name)}>
      {(p) => (
        <input
          {...p}
          autoComplete="off"
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  )
  return (
    <form
      className="card team-form"
      aria-label={title}
      onSubmit={submit.handle(async () => onDone(await action(values)))}
    >
      <h2>{title}</h2>
      <p className="muted small">{intro}</p>
      {field('folder', 'Shared folder', "The folder's path on this laptop, e.g. ~/Dropbox/Advisory board")}
      {extra?.(field)}
      {field('person', 'Your name', 'Teammates see it on your changes')}
      {field('label', "This laptop's name", "e.g. Ana's laptop")}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {button}
        </button>
      </div>
      <FormError message={submit.message} />
    </form>
  )
}

/** Makes this board the team's, in a folder the team's sync service shares. */
export function CreateTeamForm({ onDone }: { onDone: (s: TeamStatus) => void }) {
  return (
    <TeamForm
      title="Share this board with your team"
      intro="Pick a folder your team's sync service already shares (Dropbox, OneDrive, Google Drive, iCloud Drive, Syncthing or a network share); everything Sounding Board puts in it is encrypted."
      button="Share this board"
      initial={{ folder: '', person: '', label: '' }}
      action={teamApi.create}
      onDone={onDone}
    />
  )
}

/** Joins a team with an invite code a teammate made; this board must be empty. */
export function JoinTeamForm({ onDone }: { onDone: (s: TeamStatus) => void }) {
  return (
    <TeamForm
      title="Join a team"
      intro="Ask a teammate for an invite code (Team, Invite a laptop). The board on this laptop must be empty: the team's board takes its place."
      button="Join the team"
      initial={{ folder: '', code: '', person: '', label: '' }}
      action={teamApi.join}
      onDone={onDone}
      extra={(field) => field('code', 'Invite code', '26 letters and digits, dashes optional')}
    />
  )
}
