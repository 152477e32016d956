import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

const record = vi.fn()
vi.mock('../api/history', () => ({ historyApi: { record: (...a: unknown[]) => record(...a) } }))
vi.mock('../api', () => ({ errorMessage: (e: unknown) => String(e) }))

const { RecordHistory } = await import('./RecordHistory')

const entries = [
  {
    when: '2026-12-03T14:05:00Z',
    person: 'Bo',
    device: "Bo's laptop",
    me: false,
    event: '',
    changes: [{ field: 'Email', old: 'ana@ana.com', new: 'ana@bo.com', overwrittenBy: '' }],
  },
  {
    when: '2026-12-03T14:02:00Z',
    person: 'Ana',
    device: "Ana's laptop",
    me: true,
    event: '',
    changes: [
      { field: 'Email', old: 'ana@old.com', new: 'ana@ana.com', overwrittenBy: 'Bo' },
      { field: 'Company', old: '', new: 'Acme', overwrittenBy: '' },
    ],
  },
  { when: '2026-12-01T10:00:00Z', person: 'Ana', device: "Ana's laptop", me: true, event: 'created', changes: [] },
]

describe('RecordHistory', () => {
  it('is collapsed until opened, then lists who changed what, newest first', async () => {
    record.mockResolvedValue(entries)
    render(<RecordHistory kind="member" id={7} />)
    const button = screen.getByRole('button', { name: 'Change history' })
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('list')).toBeNull()
    expect(record).not.toHaveBeenCalled()

    await userEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(record).toHaveBeenCalledWith('member', 7)
    const items = within(await screen.findByRole('list')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Bo \(Bo's laptop\) · .+ · Email: ana@ana\.com → ana@bo\.com$/),
      expect.stringMatching(
        /^Ana \(you, Ana's laptop\) · .+ · Email: ana@old\.com → ana@ana\.com \(overwritten by Bo's edit\); Company: \(empty\) → Acme$/,
      ),
      expect.stringMatching(/^Ana \(you, Ana's laptop\) · .+ · Created$/),
    ])
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')?.contains(items[0])).toBe(true)

    await userEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('opens from the keyboard and reads the log again each time', async () => {
    record.mockReset()
    record.mockResolvedValue([])
    render(<RecordHistory kind="decision" id={3} />)
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change history' }))
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByText(/No changes recorded yet/)).toBeTruthy()
    await userEvent.keyboard(' ')
    await userEvent.keyboard(' ')
    await screen.findByText(/No changes recorded yet/)
    expect(record).toHaveBeenCalledTimes(2)
    expect(record).toHaveBeenLastCalledWith('decision', 3)
  })

  it('says why when the history cannot be read', async () => {
    record.mockRejectedValue('member 9 not found')
    render(<RecordHistory kind="member" id={9} />)
    await userEvent.click(screen.getByRole('button', { name: 'Change history' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('member 9 not found')
  })

  it('names this laptop as you when it has no teammate name', async () => {
    record.mockReset()
    record.mockResolvedValue([
      { when: '2026-12-01T10:00:00Z', person: '', device: 'this laptop', me: true, event: 'deleted', changes: [] },
    ])
    render(<RecordHistory kind="reminder" id={4} name="this reminder" />)
    await userEvent.click(screen.getByRole('button', { name: 'Change history of this reminder' }))
    const item = await screen.findByRole('listitem')
    expect(item.textContent).toMatch(/^You \(this laptop\) · .+ · Deleted$/)
    expect(screen.getByRole('list', { name: 'Change history of this reminder' })).toBeTruthy()
  })
})
