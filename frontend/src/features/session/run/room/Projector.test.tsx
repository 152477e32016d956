import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Activity } from '../../../../api/activity'
import type { LocalEntry } from '../../agenda/entries'
import { Projector } from './Projector'

const ideas = (revealed: boolean): Activity => ({
  id: 8,
  sessionId: 1,
  position: 1,
  kind: 'idea_round' as Activity['kind'],
  title: 'Ideas for onboarding',
  prompt: 'What would make the first day easy?',
  minutes: 0,
  secondsSpent: 0,
  scale: 0,
  dots: 3,
  revealed,
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
})
// As the server sends them, names included: the projector must never show one.
const entry = (p: Partial<LocalEntry>): LocalEntry =>
  ({
    key: `e${p.id}`,
    activityId: 8,
    itemId: 80,
    variantId: 0,
    targetId: 0,
    memberId: 1,
    member: 'Ana Lima',
    kind: 'idea',
    text: '',
    value: 0,
    hidden: false,
    ...p,
  }) as LocalEntry
const entries = [
  entry({ id: 1, text: 'A guided tour' }),
  entry({ id: 2, memberId: 2, member: 'Bo Berg', text: '<b>bold</b> & a checklist' } as Partial<LocalEntry>),
  entry({ id: 3, text: 'something rude', hidden: true }),
  entry({ id: 4, memberId: 2, member: 'Bo Berg', kind: 'vote', targetId: 2, value: 2 } as Partial<LocalEntry>),
  entry({ id: 5, memberId: 2, kind: 'vote', targetId: 3, value: 1 }),
]

const show = (revealed: boolean) =>
  render(
    <Projector
      url="http://192.168.1.20:7421/j/abcdefghijklmnop/"
      qr="data:image/png;base64,iVBORw0KGgo="
      activity={ideas(revealed)}
      entries={entries}
      onClose={() => {}}
    />,
  )

describe('Projector', () => {
  it('before the reveal: the join code, the activity and how many ideas, no words, no names', () => {
    show(false)
    const page = document.body.textContent ?? ''
    expect(screen.getByRole('img', { name: 'QR code of the join address' })).toBeTruthy()
    expect(screen.getByText('192.168.1.20:7421/j/abcdefghijklmnop/')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Ideas for onboarding' })).toBeTruthy()
    expect(screen.getByText('What would make the first day easy?')).toBeTruthy()
    expect(screen.getByText('2 contributions so far')).toBeTruthy() // the hidden one is not counted
    for (const secret of ['A guided tour', 'checklist', 'something rude', 'Ana', 'Bo'])
      expect(page).not.toContain(secret)
  })

  it('once revealed: the ideas as text, ranked by dots, still without names, hidden ones never', () => {
    show(true)
    const page = document.body.textContent ?? ''
    const items = screen.getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual(['<b>bold</b> & a checklist · Day one · 2 dots', 'A guided tour · Day one'])
    expect(document.querySelector('b')).toBeNull() // participants' text is text, never markup
    for (const secret of ['something rude', 'Ana', 'Bo Berg']) expect(page).not.toContain(secret)
  })

  it('shows a hostile idea as text once revealed (issue 14)', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    render(
      <Projector url="" qr="" activity={ideas(true)} entries={[entry({ id: 9, text: hostile })]} onClose={() => {}} />,
    )
    expect(screen.getByRole('listitem').textContent).toBe(`${hostile} · Day one`)
    expect(document.querySelector('img, script')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('counts stances per assumption without names and leaves hidden ones out', () => {
    const check: Activity = {
      ...ideas(false),
      kind: 'assumption_check' as Activity['kind'],
      title: 'Assumptions',
      prompt: '',
      items: [
        {
          id: 90,
          activityId: 8,
          role: 'assumption' as never,
          position: 0,
          assumptionId: 5,
          text: 'We believe…',
          secondsSpent: 0,
          entries: 0,
        },
      ],
    }
    const stance = (id: number, text: string, hidden = false) => entry({ id, kind: 'stance', itemId: 90, text, hidden })
    render(
      <Projector
        url=""
        qr=""
        activity={check}
        entries={[stance(1, 'matches'), stance(2, 'matches'), stance(3, 'partly'), stance(4, 'unsure', true)]}
        itemId={90}
        sentence="We believe teams will invite customers because it is quick."
        onClose={() => {}}
      />,
    )
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Matches 2', 'Partly 1'])
    expect(screen.getByText('We believe teams will invite customers because it is quick.')).toBeTruthy()
  })

  it('Escape and the button return to the run', async () => {
    const onClose = vi.fn()
    render(<Projector url="" qr="" activity={ideas(false)} entries={[]} onClose={onClose} />)
    const user = userEvent.setup()
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Back to the run' }))
    expect(onClose).toHaveBeenCalledTimes(2)
  })
})
