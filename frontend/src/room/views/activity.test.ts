import { fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as f from '../fixtures'
import type { Op } from '../queue'
import type { State } from '../types'
import { activityView } from './activity'
import type { Actions, Change } from './widgets'

function mount(s: State, pending: Op[] = [], drafts: Record<string, { text: string; value: number }> = {}) {
  const sets: [Change, boolean | undefined][] = []
  const removed: string[] = []
  const act: Actions = {
    set: (c, typing) => void sets.push([c, typing]),
    remove: (k) => void removed.push(k),
    draft: (id) => drafts[id] ?? { text: '', value: 0 },
    setDraft: vi.fn(),
  }
  document.body.replaceChildren(activityView(s, pending, act))
  return { sets, removed, act }
}

const region = (name: string | RegExp) => screen.getByRole('region', { name })

describe('activityView', () => {
  beforeEach(() => document.body.replaceChildren())

  it('shows a calm message when nothing runs', () => {
    mount(f.state(null, { status: 'planned' }))
    expect(screen.getByText(/has not started yet/)).toBeTruthy()
    mount(f.state(null))
    expect(screen.getByText(/Nothing to fill in right now/)).toBeTruthy()
    mount(f.state(f.rating, { status: 'finished' }))
    expect(screen.getByText(/Thank you for taking part/)).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('assumption check: stance, needs, notes and reactions per assumption, hostile text as text', () => {
    const s = f.state(f.assumptions, {
      mine: [
        f.entry({ key: 'k1', kind: 'stance', itemId: 1, text: 'partly' }),
        f.entry({ key: 'k2', kind: 'needs', itemId: 1, text: f.hostile }),
      ],
    })
    const { sets } = mount(s)
    expect(document.querySelector('img')).toBeNull()
    const second = region(f.hostile)
    expect(within(second).getByRole('heading').textContent).toBe(f.hostile)
    const first = region(/teams will share boards/)
    const stance = within(first).getByRole('group', { name: 'Does this match your reality?' })
    expect(within(stance).getByRole('button', { name: 'Partly' }).getAttribute('aria-pressed')).toBe('true')
    expect(within(stance).getByRole('button', { name: 'Matches' }).getAttribute('aria-pressed')).toBe('false')
    expect((within(first).getByLabelText('What would need to be true?') as HTMLTextAreaElement).value).toBe(f.hostile)

    fireEvent.click(within(stance).getByRole('button', { name: 'Doesn’t match' }))
    fireEvent.click(within(stance).getByRole('button', { name: 'Partly' }))
    const notes = within(second).getByLabelText('Your notes')
    fireEvent.input(notes, { target: { value: 'a note' } })
    fireEvent.click(within(second).getByRole('button', { name: 'Confused' }))
    expect(sets).toEqual([
      [{ kind: 'stance', itemId: 1, text: 'does_not_match' }, undefined],
      [{ kind: 'stance', itemId: 1, text: '' }, undefined],
      [{ kind: 'note', itemId: 2, text: 'a note' }, true],
      [{ kind: 'reaction', itemId: 2, text: 'confusion' }, undefined],
    ])
  })

  it('shows unsent changes over the server’s entries (a reload keeps what was typed)', () => {
    const s = f.state(f.assumptions, { mine: [f.entry({ key: 'k2', kind: 'needs', itemId: 1, text: 'old' })] })
    const pending: Op[] = [
      {
        key: 'k2',
        activityId: 10,
        method: 'POST',
        body: { key: 'k2', activityId: 10, kind: 'needs', itemId: 1, text: 'newer' },
      },
      {
        key: 'r',
        activityId: 10,
        method: 'POST',
        body: { key: 'r', activityId: 10, kind: 'reaction', itemId: 1, text: 'excitement' },
      },
      {
        key: 'x',
        activityId: 99,
        method: 'POST',
        body: { key: 'x', activityId: 99, kind: 'needs', itemId: 1, text: 'another activity' },
      },
    ]
    const { removed } = mount(s, pending)
    const first = region(/teams will share boards/)
    expect((within(first).getByLabelText('What would need to be true?') as HTMLTextAreaElement).value).toBe('newer')
    const excited = within(first).getByRole('button', { name: 'Excited' })
    expect(excited.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(excited)
    expect(removed).toEqual(['r'])
  })

  it('locked: every control disabled, with the reason, and the text still there', () => {
    const locked = { ...f.assumptions, locked: true }
    mount(f.state(locked, { mine: [f.entry({ key: 'k', kind: 'needs', itemId: 1, text: 'kept' })] }))
    expect(screen.getByText('The facilitator has locked this activity.')).toBeTruthy()
    const controls = [...document.querySelectorAll('button, textarea, input')]
    expect(controls.length).toBeGreaterThan(10)
    for (const c of controls) expect((c as HTMLButtonElement).disabled).toBe(true)
    expect(
      (within(region(/share boards/)).getByLabelText('What would need to be true?') as HTMLTextAreaElement).value,
    ).toBe('kept')
  })

  it('journey board: my notes with severity, a draft added with its severity, removal by key', () => {
    const s = f.state(f.journey, { mine: [f.entry({ key: 'n1', kind: 'note', itemId: 3, text: f.hostile, value: 3 })] })
    const { sets, removed } = mount(s, [], { 'note-4': { text: 'Slow page', value: 1 } })
    const signUp = region('Sign up')
    const mine = within(signUp).getByRole('list', { name: 'Your notes' })
    expect(within(mine).getByText(f.hostile)).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
    expect(within(signUp).getByRole('button', { name: 'Add note' })).toHaveProperty('disabled', true)
    fireEvent.click(within(signUp).getByRole('button', { name: `Remove your note: ${f.hostile}` }))
    expect(removed).toEqual(['n1'])

    const first = region('First use')
    expect((within(first).getByLabelText('Your note') as HTMLTextAreaElement).value).toBe('Slow page')
    const sev = within(first).getByRole('group', { name: 'Severity' })
    expect(within(sev).getByRole('button', { name: '1 · minor' }).getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(within(first).getByRole('button', { name: 'Add note' }))
    expect(sets).toEqual([[{ kind: 'note', itemId: 4, text: 'Slow page', value: 1 }, undefined]])
    // Not revealed: no voting, nobody else's notes.
    expect(screen.queryByText(/dots left/)).toBeNull()
  })

  it('journey board revealed: everyone’s notes to dot-vote, dots left, tallies without names', () => {
    const s = f.state(
      { ...f.journey, revealed: true },
      {
        mine: [f.entry({ key: 'v1', kind: 'vote', targetId: 51, value: 2 })],
        revealed: {
          tally: [{ itemId: 3, counts: { '1': 2, '3': 1 } }],
          notes: [
            { id: 50, itemId: 3, kind: 'note', text: 'Password rules', dots: 1 },
            { id: 51, itemId: 3, kind: 'note', text: f.hostile, dots: 4 },
          ],
        },
      },
    )
    const { sets } = mount(s)
    expect(screen.getByRole('status').textContent).toBe('You have 1 of 3 dots left to give.')
    const everyone = within(region('Sign up')).getByRole('list', { name: 'Everyone’s notes' })
    expect(within(everyone).getAllByRole('listitem')).toHaveLength(2)
    expect(within(everyone).getByText(f.hostile)).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Give a dot to: Password rules' }))
    fireEvent.click(screen.getByRole('button', { name: `Take a dot back from: ${f.hostile}` }))
    expect(screen.getByRole('button', { name: 'Take a dot back from: Password rules' })).toHaveProperty(
      'disabled',
      true,
    )
    expect(sets.map(([c]) => c)).toEqual([
      { kind: 'vote', targetId: 50, value: 1 },
      { kind: 'vote', targetId: 51, value: 1 },
    ])
    const tally = region('What everyone said')
    expect(within(tally).getByText('Score 1: 2')).toBeTruthy()
  })

  it('revealed with nothing counted: no empty results section', () => {
    mount(f.state({ ...f.journey, revealed: true }, { revealed: { tally: [], notes: [] } }))
    expect(screen.queryByRole('region', { name: 'What everyone said' })).toBeNull()
  })

  it('no dots left: giving one is disabled', () => {
    const s = f.state(
      { ...f.ideas, revealed: true },
      {
        mine: [f.entry({ key: 'v', kind: 'vote', targetId: 60, value: 2 })],
        revealed: { tally: [], notes: [{ id: 60, itemId: 5, kind: 'idea', text: 'Templates', dots: 2 }] },
      },
    )
    const { sets } = mount(s)
    expect(screen.getByRole('button', { name: 'Give a dot to: Templates' })).toHaveProperty('disabled', true)
    const pitch = screen.getByRole('group', { name: 'Pitch score for: Templates' })
    fireEvent.click(within(pitch).getByRole('button', { name: '4' }))
    expect(sets.map(([c]) => c)).toEqual([{ kind: 'pitch', targetId: 60, value: 4 }])
  })

  it('prototype test: result, time, ease, observation per variant and task; a preference with a why', () => {
    const s = f.state(f.prototype, {
      mine: [
        f.entry({ key: 'r', kind: 'result', itemId: 8, variantId: 7, text: 'partial' }),
        f.entry({ key: 'p', kind: 'preference', variantId: 6, text: 'Clearer' }),
      ],
    })
    const { sets } = mount(s)
    const b = region('Variant B')
    const res = within(b).getByRole('group', { name: 'Result' })
    expect(within(res).getByRole('button', { name: 'Partial' }).getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(within(region('Variant A')).getByRole('button', { name: 'Success' }))
    fireEvent.input(within(b).getByLabelText('Time in seconds'), { target: { value: '95' } })
    fireEvent.click(within(within(b).getByRole('group', { name: /^Ease/ })).getByRole('button', { name: '6' }))
    fireEvent.input(within(b).getByLabelText('What did you notice?'), { target: { value: 'Hidden menu' } })
    const pref = region('Which one did you prefer?')
    expect((within(pref).getByLabelText('Why?') as HTMLTextAreaElement).value).toBe('Clearer')
    fireEvent.click(within(pref).getByRole('button', { name: 'Variant B' }))
    expect(sets.map(([c]) => c)).toEqual([
      { kind: 'result', itemId: 8, variantId: 6, text: 'success', value: 0 },
      { kind: 'seconds', itemId: 8, variantId: 7, text: '', value: 95 },
      { kind: 'ease', itemId: 8, variantId: 7, text: '', value: 6 },
      { kind: 'observation', itemId: 8, variantId: 7, text: 'Hidden menu', value: 0 },
      { kind: 'preference', variantId: 7, text: 'Clearer' },
    ])
  })

  it('open question and rating', () => {
    const q = mount(
      f.state(f.openQuestion, { mine: [f.entry({ key: 'a', kind: 'answer', itemId: 9, text: f.hostile })] }),
    )
    const answer = screen.getByLabelText('Your answer') as HTMLTextAreaElement
    expect(answer.value).toBe(f.hostile)
    fireEvent.input(answer, { target: { value: 'The speed' } })
    expect(q.sets).toEqual([[{ kind: 'answer', itemId: 9, text: 'The speed' }, true]])

    const r = mount(f.state(f.rating, { mine: [f.entry({ key: 'b', kind: 'rating', itemId: 11, value: 5 })] }))
    const group = screen.getByRole('group', { name: /Your rating, from 1 \(lowest\) to 7/ })
    expect(within(group).getAllByRole('button')).toHaveLength(7)
    expect(within(group).getByRole('button', { name: '5' }).getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(within(group).getByRole('button', { name: '5' }))
    fireEvent.click(within(group).getByRole('button', { name: '2' }))
    expect(r.sets.map(([c]) => c)).toEqual([
      { kind: 'rating', itemId: 11, value: 0 },
      { kind: 'rating', itemId: 11, value: 2 },
    ])
  })

  it('revealed answers of other kinds: anonymous counts in plain words', () => {
    mount(
      f.state(
        { ...f.assumptions, revealed: true },
        { revealed: { tally: [{ itemId: 2, counts: { matches: 2, does_not_match: 1 } }], notes: [] } },
      ),
    )
    const r = region('What everyone said')
    expect(within(r).getByRole('heading', { name: f.hostile })).toBeTruthy()
    expect(within(r).getByText('Matches: 2')).toBeTruthy()
    expect(within(r).getByText('Doesn’t match: 1')).toBeTruthy()
  })
})
