import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ParticipantState } from '../../../api/enums'
import type { Participant } from '../../../api/session'
import { FinishDialog } from './FinishDialog'

const person = (memberId: number, name: string, state: ParticipantState, note = ''): Participant => ({
  memberId,
  name,
  company: '',
  segment: '',
  email: '',
  state,
  note,
  canContact: true,
  canQuote: true,
})

describe('FinishDialog', () => {
  it('proposes attended for those marked here, no-show for the rest, and confirms the corrected attendance', async () => {
    const onConfirm = vi.fn()
    const participants = [
      person(1, 'Ana', ParticipantState.ATTENDED),
      person(2, 'Bo', ParticipantState.CONFIRMED),
      person(3, 'Cy', ParticipantState.NO_SHOW, 'ill'),
    ]
    render(
      <FinishDialog open participants={participants} busy={false} error="" onConfirm={onConfirm} onCancel={vi.fn()} />,
    )
    expect(screen.getByRole('status').textContent).toBe('1 attendee, 2 no-shows')
    const choice = (name: string, label: string) =>
      within(screen.getByRole('radiogroup', { name: `Attendance of ${name}` })).getByRole<HTMLInputElement>('radio', {
        name: label,
      })
    expect(choice('Ana', 'Attended').checked).toBe(true)
    expect(choice('Bo', 'No-show').checked).toBe(true)

    const user = userEvent.setup()
    await user.click(choice('Bo', 'Attended'))
    await user.type(screen.getByRole('combobox', { name: 'Note on Bo' }), 'came late')
    expect(screen.getByRole('status').textContent).toBe('2 attendees, 1 no-show')
    await user.click(screen.getByRole('button', { name: 'Confirm and finish' }))
    expect(onConfirm).toHaveBeenCalledWith([
      { memberId: 1, attended: true, note: '' },
      { memberId: 2, attended: true, note: 'came late' },
      { memberId: 3, attended: false, note: 'ill' },
    ])
  })
})
