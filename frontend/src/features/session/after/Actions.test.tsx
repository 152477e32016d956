import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Roster } from '../../../api/team'

const teammates = vi.fn<() => Promise<Roster>>()
vi.mock('../../../api/team', () => ({ teamApi: { teammates: () => teammates() } }))
const saveAction = vi.fn().mockResolvedValue({})
vi.mock('../../../api/session', () => ({ sessionApi: { saveAction: (a: unknown) => saveAction(a) } }))

const { Actions } = await import('./Actions')

beforeEach(() => {
  teammates.mockReset()
  saveAction.mockClear()
})

async function add(title: string) {
  await userEvent.type(screen.getByLabelText('Action'), title)
  await userEvent.click(screen.getByRole('button', { name: 'Add action' }))
  await waitFor(() => expect(saveAction).toHaveBeenCalled())
}

describe('Actions owner', () => {
  it('on a shared board, chooses among the teammates, me by default', async () => {
    teammates.mockResolvedValue({ shared: true, me: 'Ana', people: ['Ana', 'Ben'] })
    render(<Actions sessionId={4} items={[]} onChange={async () => {}} />)
    const owner = await screen.findByRole('combobox', { name: 'Owner' })
    await waitFor(() => expect((owner as HTMLSelectElement).value).toBe('Ana'))
    expect([...(owner as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Nobody in particular',
      'Ana (you)',
      'Ben',
    ])
    await userEvent.selectOptions(owner, 'Ben')
    await add('Call Kwame')
    expect(saveAction).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Call Kwame', owner: 'Ben', sessionId: 4 }),
    )
  })

  it('on a board in no team, keeps the free-text owner', async () => {
    teammates.mockResolvedValue({ shared: false, me: '', people: [] })
    render(<Actions sessionId={4} items={[]} onChange={async () => {}} />)
    await waitFor(() => expect(teammates).toHaveBeenCalled())
    const owner = screen.getByRole('textbox', { name: 'Owner' })
    await userEvent.type(owner, 'Kim from sales')
    await add('Tell the board')
    expect(saveAction).toHaveBeenCalledWith(expect.objectContaining({ owner: 'Kim from sales' }))
  })
})
