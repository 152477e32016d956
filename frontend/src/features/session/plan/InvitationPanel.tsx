import { useEffect, useId, useState } from 'react'
import { errorMessage, savedText } from '../../../api'
import { loopApi, openMailto, saveSessionCalendar, type Invitee } from '../../../api/loop'
import type { Session } from '../../../api/session'
import { href } from '../../../router'
import { plural } from '../../../text'
import { copyText } from '../../loop/clipboard'
import { draftText } from '../../loop/labels'
import { useLoad } from '../useLoad'

/** A mailto: URL (RFC 6068): addresses kept readable, spaces as %20, line breaks as CRLF. */
export function mailtoURL(to: string[], fields: Record<string, string>): string {
  const enc = (v: string) => encodeURIComponent(v.replace(/\r?\n/g, '\r\n'))
  const addr = (a: string) => enc(a).replace(/%40/g, '@')
  const query = Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${k === 'bcc' ? v.split(',').map(addr).join(',') : enc(v)}`)
    .join('&')
  return `mailto:${to.map(addr).join(',')}?${query}`
}

/**
 * The body for one person: "Hello," becomes "Hi Zoë,". The name to greet
 * by comes from the backend (Invitee.greeting), which knows that 山田 花子
 * is greeted by her whole name, not by her family name.
 */
export function greet(body: string, greeting: string): string {
  const name = greeting.trim()
  return name ? body.replace(/^Hello,/, `Hi ${name},`) : body
}

/**
 * Inviting the participants: the message (editable, to open in the mail
 * client for everyone in BCC or one person at a time, or to copy) and the
 * calendar invitation (.ics). Only what customers should read goes in.
 */
export function InvitationPanel({ session }: { session: Session }) {
  const id = useId()
  const stamp = `${session.updatedAt}|${(session.participants ?? []).map((p) => `${p.memberId}:${p.state}`).join(',')}`
  const { data: inv, error, reload } = useLoad(() => loopApi.invitation(session.id), [session.id])
  // A saved plan or a participant's new state changes who it goes to and what it says; edits stay.
  useEffect(() => void reload(), [stamp, reload])
  const [edited, setEdited] = useState<{ subject: string; body: string } | null>(null)
  const [status, setStatus] = useState('')
  const [calError, setCalError] = useState('')

  if (!inv) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Invite participants</h2>
        {error ? <p className="error-text">{error}</p> : <p className="muted">Loading…</p>}
      </section>
    )
  }
  const subject = edited?.subject ?? inv.subject
  const body = edited?.body ?? inv.body
  const to = inv.to ?? []
  const left = inv.left ?? []
  const all = mailtoURL([], { bcc: to.map((v) => v.email).join(','), subject, body })

  async function copy() {
    setStatus(
      (await copyText(draftText({ subject, body })))
        ? 'Copied to the clipboard.'
        : 'Could not copy; select the text and copy it by hand.',
    )
  }
  async function saveCalendar() {
    setCalError('')
    setStatus('')
    try {
      const saved = await saveSessionCalendar(session.id)
      if (saved) setStatus(`${savedText(saved)}: ${plural(to.length, 'attendee')}.`)
    } catch (e) {
      setCalError(errorMessage(e))
    }
  }
  const personLink = (v: Invitee) => mailtoURL([v.email], { subject, body: greet(body, v.greeting) })

  return (
    <section className="card invite" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Invite participants</h2>
        {edited && (
          <button type="button" className="btn btn-quiet btn-small" onClick={() => setEdited(null)}>
            Reset the text
          </button>
        )}
      </div>
      <p className="muted small">
        Goes to {plural(to.length, 'participant')} with an email address and contact consent. It says when, where and
        what happens; nothing internal.
      </p>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input id={`${id}-subject`} value={subject} onChange={(e) => setEdited({ subject: e.target.value, body })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Invitation message</label>
        <textarea
          id={`${id}-body`}
          rows={12}
          value={body}
          onChange={(e) => setEdited({ subject, body: e.target.value })}
        />
      </div>
      <div className="invite-actions">
        {to.length > 0 ? (
          <a className="btn btn-primary btn-small" href={all} onClick={(e) => openMailto(e, all)}>
            Open in mail (all in BCC)
          </a>
        ) : (
          <span className="muted small">Nobody to send it to yet.</span>
        )}
        <button type="button" className="btn btn-small" onClick={copy}>
          Copy
        </button>
        <button type="button" className="btn btn-small" onClick={saveCalendar}>
          Save calendar invitation (.ics)
        </button>
      </div>
      {status && (
        <p className="muted small" role="status">
          {status}
        </p>
      )}
      {calError && (
        <p className="error-text" role="alert">
          {calError}
        </p>
      )}
      {to.length > 0 && (
        <details className="invite-people">
          <summary>One at a time ({to.length})</summary>
          <ul className="plain-list" aria-label="Invite one at a time">
            {to.map((v) => (
              <li key={v.memberId}>
                <a href={personLink(v)} onClick={(e) => openMailto(e, personLink(v))}>
                  Email <bdi>{v.name}</bdi>
                </a>{' '}
                <span className="muted small">{v.email}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {left.length > 0 && (
        <div>
          <h3 className="small-heading">Not invited by this message</h3>
          <ul className="plain-list" aria-label="Not invited by this message">
            {left.map((v) => (
              <li key={v.memberId}>
                <a href={href(`/board/member/${v.memberId}`)}>
                  <bdi>{v.name}</bdi>
                </a>
                <span className="muted small"> · {v.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
