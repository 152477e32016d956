import { h } from '../dom'
import { Mine } from '../entries'
import type { Op } from '../queue'
import type { Activity, Revealed, State } from '../types'
import { assumptionCheck } from './assumption'
import { noteBoard } from './board'
import { prototypeTest } from './prototype'
import { openQuestion, rating } from './questions'
import { reactions, words, type Actions, type View } from './widgets'

/** The message for a session with nothing to do right now. */
export function calm(state: State): string {
  if (state.status === 'planned')
    return 'The session has not started yet. Keep this page open: it follows the facilitator.'
  if (state.status === 'finished') return 'The session has finished. Thank you for taking part!'
  return 'Nothing to fill in right now. Listen in: this page changes when the facilitator starts the next activity.'
}

/** The current activity as the participant works on it, with their unsent changes laid over the server's. */
export function activityView(state: State, pending: Op[], act: Actions): HTMLElement {
  const a = state.activity
  if (!a || state.status !== 'running')
    return h('section', { class: 'calm', 'aria-live': 'polite', 'data-k': 'calm' }, h('p', {}, calm(state)))
  const v: View = { a, mine: new Mine(a.kind, a.id, state.mine, pending), act, off: a.locked }
  return h(
    'section',
    { class: 'activity', 'aria-labelledby': 'activity-title', 'data-k': `act-${a.id}` },
    h('h2', { id: 'activity-title' }, a.title),
    a.prompt && h('p', { class: 'prompt' }, a.prompt),
    a.locked && h('p', { class: 'notice', role: 'status' }, 'The facilitator has locked this activity.'),
    body(v, state.revealed),
    a.kind !== 'assumption_check' && h('div', { class: 'item' }, h('h3', {}, 'How does this feel?'), reactions(v, 0)),
    a.revealed && state.revealed && tallies(a, state.revealed),
  )
}

function body(v: View, revealed: Revealed | null): HTMLElement[] {
  switch (v.a.kind) {
    case 'assumption_check':
      return assumptionCheck(v)
    case 'journey_board':
      return noteBoard(v, 'note', revealed)
    case 'idea_round':
      return noteBoard(v, 'idea', revealed)
    case 'prototype_test':
      return prototypeTest(v)
    case 'open_question':
      return openQuestion(v)
    case 'rating':
      return rating(v)
  }
  return [h('p', {}, 'Follow the facilitator for this one: there is nothing to fill in here.')]
}

/** A counted value in plain words: a stance, a result, a reaction, or a score. */
const countWord = (k: string) => words[k] ?? (/^\d+$/.test(k) ? `Score ${k}` : k)

/** Everyone's answers, counted, without names; nothing when there is nothing to show. */
function tallies(a: Activity, r: Revealed): HTMLElement | null {
  const textOf = (id: number) => a.items.find((i) => i.id === id)?.text ?? ''
  const boards = a.kind === 'journey_board' || a.kind === 'idea_round'
  if (r.tally.length === 0 && (boards || r.notes.length === 0)) return null
  return h(
    'section',
    { class: 'revealed', 'aria-labelledby': 'revealed-title', 'data-k': 'revealed' },
    h('h2', { id: 'revealed-title' }, 'What everyone said'),
    r.tally.map((t) =>
      h(
        'div',
        { class: 'tally', 'data-k': `t${t.itemId}` },
        h('h3', {}, textOf(t.itemId) || a.title),
        h(
          'ul',
          {},
          Object.entries(t.counts).map(([k, n]) => h('li', {}, `${countWord(k)}: ${n}`)),
        ),
      ),
    ),
    // The boards show everyone's notes where they are voted on; other kinds list them here.
    !boards &&
      r.notes.length > 0 &&
      h(
        'ul',
        { class: 'notes shared', 'aria-label': 'Everyone’s notes' },
        r.notes.map((n) => h('li', { 'data-k': `n${n.id}` }, n.text)),
      ),
  )
}
