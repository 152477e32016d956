import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Activity, AgendaRun, Entry } from '../../../../api/activity'
import { ParticipantState } from '../../../../api/enums'
import type { Participant } from '../../../../api/session'
import { useAgendaRun } from '../../agenda/useAgendaRun'
import { ActivityPanel } from '../activities/ActivityPanel'

// The generated bindings are the edge to Go: replaced here, the hooks and the autosave queue are real.
const agendas = vi.hoisted(() => ({
  Run: vi.fn(),
  SaveEntry: vi.fn(),
  DeleteEntry: vi.fn(),
  HideEntry: vi.fn(),
  SetCurrent: vi.fn(),
  AddTime: vi.fn(),
}))
vi.mock('../../../../../wailsjs/go/activity/Agendas', () => agendas)

const person = (memberId: number, name: string): Participant => ({
  memberId,
  name,
  company: '',
  segment: '',
  email: '',
  state: ParticipantState.ATTENDED,
  note: '',
  canContact: true,
  canQuote: true,
})
const people = [person(1, 'Ana'), person(2, 'Bo'), person(3, 'Cy')]

const question: Activity = {
  id: 7,
  sessionId: 1,
  position: 0,
  kind: 'open_question' as Activity['kind'],
  title: 'Last words',
  prompt: '',
  minutes: 0,
  secondsSpent: 0,
  scale: 0,
  dots: 0,
  revealed: false,
  locked: false,
  removed: false,
  entries: 0,
  items: [
    {
      id: 70,
      activityId: 7,
      role: 'question' as never,
      position: 0,
      assumptionId: 0,
      text: 'Why?',
      secondsSpent: 0,
      entries: 0,
    },
  ],
}
const answer = (id: number, memberId: number, text: string, hidden = false): Entry => ({
  id,
  sessionId: 1,
  activityId: 7,
  itemId: 70,
  variantId: 0,
  targetId: 0,
  memberId,
  member: ['', 'Ana Lima', 'Bo Berg', 'Cy Cole'][memberId],
  kind: 'answer',
  text,
  value: 0,
  hidden,
  themes: [],
  createdAt: '',
  updatedAt: '',
})
const run = (entries: Entry[]): AgendaRun => ({
  agenda: { sessionId: 1, format: 'assumption_testing', current: 0, activities: [question], removed: [] },
  // Entry keeps kind a plain string; the generated run types it as the enum.
  runs: [{ activity: question, entries: entries as never, reactions: null as never, results: null as never }],
  quotes: [],
})

function Harness({ participants = people }: { participants?: Participant[] }) {
  const g = useAgendaRun(1)
  if (!g.activity) return null
  return (
    <>
      <button type="button" onClick={() => void g.refresh()}>
        Refresh
      </button>
      <ActivityPanel activity={g.activity} participants={participants} entries={g.entries} />
    </>
  )
}

const box = (name: string) => screen.getByLabelText<HTMLTextAreaElement>(`Answer from ${name}`)

beforeEach(() => {
  for (const f of Object.values(agendas)) f.mockReset()
  agendas.AddTime.mockResolvedValue(0)
})

describe('live merge in the run view', () => {
  it('shows entries written in the room and keeps what the facilitator is typing', async () => {
    agendas.Run.mockResolvedValue(run([answer(100, 1, 'first thought')]))
    // Bo's save never comes back: his answer stays pending the whole test.
    agendas.SaveEntry.mockReturnValue(new Promise(() => {}))
    const user = userEvent.setup()
    render(<Harness />)
    await vi.waitFor(() => expect(box('Ana').value).toBe('first thought'))

    await user.type(box('Bo'), 'typed here')
    await vi.waitFor(() => expect(agendas.SaveEntry).toHaveBeenCalled())

    // Meanwhile, on their phones: Ana edits (and her answer is hidden), Bo sends an older answer, Cy a new one.
    agendas.Run.mockResolvedValue(
      run([answer(100, 1, 'second thought', true), answer(101, 2, 'from the phone'), answer(102, 3, 'new from Cy')]),
    )
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await vi.waitFor(() => expect(box('Ana').value).toBe('second thought'))
    expect(box('Bo').value).toBe('typed here')
    expect(box('Cy').value).toBe('new from Cy')
    expect(screen.getByText('hidden from the room')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Show the answer from Ana in the room' })).toBeTruthy()
  })

  // Issue 14: a stranger's text and typed name reach the run view as text, never as markup.
  it('shows a hostile answer and name from the room as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    const name = '<img src=y onerror="window.__pwned=3"> \u202EEve 李雷 🙂'
    agendas.Run.mockResolvedValue(run([answer(100, 1, hostile)]))
    render(<Harness participants={[...people, person(4, name)]} />)
    await vi.waitFor(() => expect(box('Ana').value).toBe(hostile))
    expect(box(name).value).toBe('')
    expect(document.querySelector('img, script')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('hides an entry through HideEntry and shows it dimmed', async () => {
    agendas.Run.mockResolvedValue(run([answer(100, 1, 'rude words')]))
    agendas.HideEntry.mockResolvedValue(answer(100, 1, 'rude words', true))
    const user = userEvent.setup()
    render(<Harness />)
    await vi.waitFor(() => expect(box('Ana').value).toBe('rude words'))
    expect(screen.queryByText('hidden from the room')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Hide the answer from Ana in the room' }))
    expect(agendas.HideEntry).toHaveBeenCalledWith(100, true)
    expect(screen.getByText('hidden from the room')).toBeTruthy()
    await act(async () => {})
  })
})
