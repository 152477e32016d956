import { h, type Child } from '../dom'
import type { ConsentKind, Me, Room } from '../types'

/** Where a name goes: picked (or the claim sent), or typed by a guest. */
export interface JoinActions {
  claim(nameId: string): void
  /** Opens the guest's form ("I'm not on the list"). */
  openGuest(): void
  setGuest(name: string): void
  joinAsGuest(): void
}

/** The most characters a guest's first name may have: the room's own bound. */
export const maxGuestName = 40

/** What is wrong with a guest's first name, in words; '' when nothing is. */
export function guestProblem(name: string): string {
  const n = name.trim()
  if (!n) return 'Type your first name.'
  if ([...n].length > maxGuestName) return `Your first name is longer than ${maxGuestName} characters.`
  const control = [...n].some((c) => {
    const x = c.codePointAt(0) ?? 0
    return x < 0x20 || (x >= 0x7f && x <= 0x9f)
  })
  return control ? 'Your first name contains a control character; remove it.' : ''
}

/** The list of first names (taken ones cannot be picked), and the way in for someone not on it. */
export function joinScreen(
  room: Room,
  message: string,
  busy: boolean,
  guest: string | null,
  act: JoinActions,
): Child[] {
  return [
    h('h2', {}, 'Who are you?'),
    message && h('p', { class: 'notice', role: 'alert' }, message),
    room.names.length === 0
      ? h('p', {}, 'There are no names to pick yet. Ask the facilitator.')
      : h(
          'ul',
          { class: 'names', 'aria-label': 'First names' },
          room.names.map((n) =>
            h(
              'li',
              { 'data-k': n.id },
              h(
                'button',
                { type: 'button', disabled: n.taken || busy, onclick: () => act.claim(n.id) },
                n.taken ? `${n.name} (taken)` : n.name,
              ),
            ),
          ),
        ),
    h('p', { class: 'muted' }, 'Tap your first name. The facilitator confirms that it is you.'),
    guest === null
      ? h('p', {}, h('button', { type: 'button', class: 'link', onclick: act.openGuest }, "I'm not on the list"))
      : h(
          'form',
          {
            class: 'guest',
            'data-k': 'guest',
            'aria-label': 'Join as a guest',
            onsubmit: (e) => {
              e.preventDefault()
              act.joinAsGuest()
            },
          },
          h('label', { for: 'guest-name' }, 'Your first name'),
          h('input', {
            id: 'guest-name',
            autocomplete: 'given-name',
            value: guest,
            disabled: busy,
            oninput: (e) => act.setGuest((e.target as HTMLInputElement).value),
          }),
          h('button', { type: 'submit', class: 'primary', disabled: busy }, 'Join as a guest'),
          h('p', { class: 'muted' }, 'The facilitator confirms you, and may link you to your record later.'),
        ),
  ]
}

export function pendingScreen(me: Me): Child[] {
  return [
    h('h2', {}, `Hello, ${me.name}`),
    h('p', { role: 'status', class: 'waiting' }, 'Waiting for the facilitator to confirm you…'),
    h('p', { class: 'muted' }, 'This page moves on by itself.'),
  ]
}

/** The questions asked where nothing is on record. */
export const questions: Record<ConsentKind, string> = {
  quoting: 'May we quote what you write, without your name?',
  recording: 'May we record this session (sound or video) for our notes?',
  contact: 'May we contact you after the session to tell you what changed?',
}

const agreedWords: Record<ConsentKind, string> = {
  quoting: 'Quoting what you say or write, without your name',
  recording: 'Recording this session',
  contact: 'Contacting you after the session',
}

export interface ConsentActions {
  answer(kind: ConsentKind, yes: boolean): void
  submit(): void
}

/** What is recorded, what they agreed to, and the questions with nothing on record. */
export function consentScreen(
  me: Me,
  answers: Partial<Record<ConsentKind, boolean>>,
  busy: boolean,
  message: string,
  act: ConsentActions,
): Child[] {
  const ready = me.ask.every((k) => answers[k] !== undefined)
  return [
    h('h2', {}, `Before we start, ${me.name}`),
    h('h3', {}, 'What we record about you'),
    me.recorded.length
      ? h(
          'ul',
          { 'aria-label': 'What we record about you' },
          me.recorded.map((r) => h('li', {}, r)),
        )
      : h('p', {}, 'Nothing beyond what you write here.'),
    me.agreed.length > 0 && h('h3', {}, 'What you have agreed to'),
    me.agreed.length > 0 &&
      h(
        'ul',
        { 'aria-label': 'What you have agreed to' },
        me.agreed.map((a) =>
          h(
            'li',
            {},
            `${agreedWords[a.kind]}: ${a.granted ? 'yes' : 'no'}`,
            a.selfDeclared && h('span', { class: 'muted' }, ' (self-declared: you told us yourself)'),
          ),
        ),
      ),
    me.ask.map((k) =>
      h(
        'fieldset',
        { class: 'ask', 'data-k': `ask-${k}` },
        h('legend', {}, questions[k]),
        [true, false].map((yes) =>
          h(
            'label',
            { class: 'radio' },
            h('input', {
              type: 'radio',
              name: `ask-${k}`,
              checked: answers[k] === yes,
              disabled: busy,
              onchange: () => act.answer(k, yes),
            }),
            yes ? 'Yes' : 'No',
          ),
        ),
      ),
    ),
    me.ask.length > 0 && h('p', { class: 'muted' }, 'You can change your mind later: tell the facilitator.'),
    message && h('p', { class: 'notice', role: 'alert' }, message),
    h('button', { type: 'button', class: 'primary', disabled: !ready || busy, onclick: act.submit }, 'Continue'),
  ]
}
