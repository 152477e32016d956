import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Activity } from '../../../../api/activity'
import type { Participant } from '../../../../api/session'
import type { LocalEntry } from '../../agenda/entries'
import type { Entries } from '../../agenda/useEntries'
import { Projector } from '../room/Projector'
import { NoteBoard } from './NoteBoard'

// Issue 14: a participant's note and name, typed on a phone, reach the
// facilitator's run view and the projector as text, never as markup.
const note = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
const name = '<img src=y onerror="window.__pwned=3"> \u202EEve 李雷 🙂'

const ideas: Activity = {
  id: 8,
  sessionId: 1,
  position: 1,
  kind: 'idea_round' as Activity['kind'],
  title: 'Ideas',
  prompt: '',
  minutes: 0,
  secondsSpent: 0,
  scale: 0,
  dots: 3,
  revealed: true,
  locked: false,
  removed: false,
  entries: 0,
  items: [
    {
      id: 80,
      activityId: 8,
      role: 'prompt' as never,
      position: 0,
      assumptionId: 0,
      text: 'Day one',
      secondsSpent: 0,
      entries: 0,
    },
  ],
}
const entry = {
  key: 'e1',
  id: 1,
  activityId: 8,
  itemId: 80,
  variantId: 0,
  targetId: 0,
  memberId: 7,
  member: name,
  kind: 'idea',
  text: note,
  value: 0,
  hidden: false,
} as LocalEntry
const eve = {
  memberId: 7,
  name,
  company: '',
  segment: '',
  email: '',
  state: 'attended',
  note: '',
  canContact: true,
  canQuote: true,
} as Participant

/** Entries as the run view holds them, read-only: this test only renders. */
const entries = {
  entries: [entry],
  slot: () => undefined,
  add: () => '',
  edit: () => {},
  remove: async () => {},
  hide: async () => {},
  setSlot: () => {},
} as unknown as Entries

const pwned = () => (window as unknown as { __pwned?: number }).__pwned

describe('hostile room text in the window', () => {
  afterEach(() => document.body.replaceChildren())

  it('the run view shows the note and the name as text', () => {
    render(<NoteBoard activity={ideas} participants={[eve]} entries={entries} kind="idea" />)
    expect(screen.getByDisplayValue(note)).toBeTruthy() // the note, in its text box, as typed
    expect(document.body.textContent).toContain(name)
    expect(document.querySelector('img, script')).toBeNull()
    expect(pwned()).toBeUndefined()
  })

  it('the projector shows the revealed note as text, without the name', () => {
    render(<Projector url="" qr="" activity={ideas} entries={[entry]} onClose={() => {}} />)
    expect(document.body.textContent).toContain(note)
    expect(document.body.textContent).not.toContain('Eve')
    expect(document.querySelector('img, script')).toBeNull()
    expect(pwned()).toBeUndefined()
  })
})
