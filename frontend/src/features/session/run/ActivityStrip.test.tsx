import { act, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Kind, type Activity } from '../../../api/activity'
import { useActivityTime } from '../agenda/useActivityTime'
import { ActivityStrip } from './ActivityStrip'

const activity = (id: number, title: string, secondsSpent: number): Activity => ({
  id,
  sessionId: 1,
  position: id,
  kind: Kind.OpenQuestion,
  title,
  prompt: '',
  minutes: 0,
  secondsSpent,
  scale: 0,
  dots: 0,
  revealed: false,
  locked: false,
  removed: false,
  entries: 0,
  items: [],
})

const agenda = [activity(1, 'Warm up', 60), activity(2, 'Questions', 0)]

/** The strip as the run view wires it: figures from the run's timer. */
function Harness({ current, sent }: { current: number; sent: [number, number][] }) {
  const { spent } = useActivityTime(agenda, agenda[current], (a, s) => sent.push([a.id, s]))
  return <ActivityStrip activities={agenda} spent={spent} current={current} onGo={() => {}} />
}

const step = (title: string) =>
  within(screen.getByRole('list', { name: 'Activities' })).getByRole('button', { name: new RegExp(title) })
const tick = (seconds: number) => act(() => void vi.advanceTimersByTime(seconds * 1000))

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('ActivityStrip', () => {
  it('counts up the time of the activity on screen and keeps what each one was given', () => {
    const sent: [number, number][] = []
    const { rerender } = render(<Harness current={0} sent={sent} />)
    expect(step('Warm up').textContent).toContain('01:00 spent')
    tick(5)
    expect(step('Warm up').textContent).toContain('01:05 spent')
    expect(step('Questions').textContent).not.toContain('spent')

    rerender(<Harness current={1} sent={sent} />) // leaving reports the 5 seconds
    expect(sent).toEqual([[1, 5]])
    tick(3)
    expect(step('Questions').textContent).toContain('00:03 spent')
    expect(step('Warm up').textContent).toContain('01:05 spent')

    rerender(<Harness current={0} sent={sent} />) // back: counts on from 01:05
    tick(2)
    expect(step('Warm up').textContent).toContain('01:07 spent')
    expect(step('Questions').textContent).toContain('00:03 spent')
    expect(sent).toEqual([
      [1, 5],
      [2, 3],
    ])
  })
})
