import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Kind, type Activity, type Item } from '../../../api/activity'
import { AutosaveQueue } from '../autosave'
import { ActivityEditor } from './ActivityEditor'

const stage = (id: number, position: number, text: string, entries: number): Item => ({
  id,
  activityId: 7,
  role: 'stage' as Item['role'],
  position,
  assumptionId: 0,
  text,
  secondsSpent: 0,
  entries,
})

const board: Activity = {
  id: 7,
  sessionId: 1,
  position: 0,
  kind: Kind.JourneyBoard,
  title: 'Journey',
  prompt: '',
  minutes: 20,
  secondsSpent: 0,
  scale: 0,
  dots: 3,
  revealed: false,
  locked: false,
  removed: false,
  entries: 4,
  items: [stage(71, 0, 'Find', 4), stage(72, 1, 'Buy', 0), stage(73, 2, 'Use', 1)],
}

/** The text of what aria-describedby points at; '' when nothing. */
const description = (el: HTMLElement) =>
  document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? ''

let queue: AutosaveQueue
afterEach(() => queue.dispose())

function renderBoard() {
  queue = new AutosaveQueue({ delay: 300 })
  render(
    <ActivityEditor
      activity={board}
      index={0}
      count={1}
      queue={queue}
      onMove={() => {}}
      onRemove={() => {}}
      onMinutes={() => {}}
      focusMe={false}
    />,
  )
  return screen.getByRole('list', { name: 'Stages of 1. Journey' })
}

describe('ActivityEditor items', () => {
  it('says up front why an item holding entries cannot be removed, and keeps it in the tab order', async () => {
    const user = userEvent.setup()
    const stages = renderBoard()
    const held = within(stages).getByRole('button', { name: 'Remove Stage 1' })
    expect(held.getAttribute('aria-disabled')).toBe('true')
    expect(description(held)).toBe('holds 4 entries, so it stays')
    within(stages).getByText('holds 4 entries, so it stays') // shown, not only read out
    expect(description(within(stages).getByRole('button', { name: 'Remove Stage 3' }))).toBe(
      'holds 1 entry, so it stays',
    )

    // Reached by keyboard, pressing it removes nothing.
    held.focus()
    await user.keyboard('{Enter}')
    await user.click(held)
    expect(
      within(stages)
        .getAllByRole('textbox')
        .map((t) => (t as HTMLInputElement).value),
    ).toEqual(['Find', 'Buy', 'Use'])
  })

  it('removes an item that holds nothing, and a new one', async () => {
    const user = userEvent.setup()
    const stages = renderBoard()
    const empty = within(stages).getByRole('button', { name: 'Remove Stage 2' })
    expect(empty.getAttribute('aria-disabled')).toBeNull()
    expect(description(empty)).toBe('')
    await user.click(empty)
    expect(
      within(stages)
        .getAllByRole('textbox')
        .map((t) => (t as HTMLInputElement).value),
    ).toEqual(['Find', 'Use'])

    await user.click(screen.getByRole('button', { name: 'Add stage to 1. Journey' }))
    const added = within(stages).getByRole('button', { name: 'Remove Stage 3' })
    expect(added.getAttribute('aria-disabled')).toBeNull()
    await user.click(added)
    expect(within(stages).getAllByRole('textbox')).toHaveLength(2)
  })
})
