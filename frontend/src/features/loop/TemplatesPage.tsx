import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../api'
import { loopApi, type Template } from '../../api/loop'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { PageHeader } from '../../components/PageHeader'
import { useLoad } from '../session/useLoad'
import { placeholders } from './labels'

function TemplateForm({ t, onSaved }: { t: Template; onSaved: () => Promise<void> }) {
  const [subject, setSubject] = useState(t.subject)
  const [body, setBody] = useState(t.body)
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const dirty = subject !== t.subject || body !== t.body
  async function run(fn: () => Promise<Template>, ok: string) {
    setBusy(true)
    setNote(null)
    try {
      const saved = await fn()
      setSubject(saved.subject)
      setBody(saved.body)
      setNote({ ok: true, text: ok })
      await onSaved()
    } catch (e) {
      setNote({ ok: false, text: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(() => loopApi.saveTemplate(t.key, { subject, body }), 'Saved')
  }
  return (
    <form className="card template-form" onSubmit={submit} aria-labelledby={`tpl-${t.key}`}>
      <div className="card-head">
        <h2 id={`tpl-${t.key}`}>{t.name}</h2>
        {t.edited && <span className="badge badge-muted">Edited</span>}
      </div>
      <Field label="Subject">
        {(p) => <input {...p} value={subject} onChange={(e) => setSubject(e.target.value)} />}
      </Field>
      <Field label="Message">
        {(p) => <textarea {...p} rows={8} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy || !dirty}>
          Save<span className="sr-only"> {t.name}</span>
        </button>
        {t.edited && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            disabled={busy}
            onClick={() => run(() => loopApi.resetTemplate(t.key), 'Restored the built-in text')}
          >
            Restore the built-in text<span className="sr-only"> of {t.name}</span>
          </button>
        )}
        {note && (
          <span className={note.ok ? 'saved' : 'error-text'} role={note.ok ? 'status' : 'alert'}>
            {note.text}
          </span>
        )}
      </div>
    </form>
  )
}

/** The message templates drafts are made from, with their placeholders. */
export function TemplatesPage() {
  const { data, error, reload } = useLoad(() => loopApi.templates(), [])
  return (
    <section className="page" aria-label="Message templates">
      <PageHeader
        title="Message templates"
        meta={
          <span>
            Drafts for thank-yous, asks, share-backs and check-ins. No mail server needed: open a draft in your mail
            client or copy it.
          </span>
        }
      />
      {error && (
        <Alert tone="error" title="The templates could not be loaded">
          {error}
        </Alert>
      )}
      <div className="templates-layout">
        <div className="templates">
          {data?.map((t) => (
            <TemplateForm key={`${t.key}:${t.edited}`} t={t} onSaved={reload} />
          ))}
        </div>
        <aside className="card placeholders" aria-labelledby="placeholders-title">
          <h2 id="placeholders-title">Placeholders</h2>
          <p className="field-hint">
            Write them as shown; each is filled in when a draft is made. Empty ones get a gentle fallback.
          </p>
          <dl>
            {placeholders.map((p) => (
              <div key={p.code}>
                <dt>
                  <code>{p.code}</code>
                </dt>
                <dd>{p.means}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </section>
  )
}
