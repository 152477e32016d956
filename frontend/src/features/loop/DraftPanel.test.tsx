import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ReminderKind } from '../../api/enums'
import type { Reminder } from '../../api/loop'

const render_ = vi.fn()
const draftForMember = vi.fn()
vi.mock('../../api/loop', () => ({
  loopApi: { render: (...a: unknown[]) => render_(...a), draftForMember: (...a: unknown[]) => draftForMember(...a) },
}))
const copyText = vi.fn().mockResolvedValue(true)
vi.mock('./clipboard', () => ({ copyText: (t: string) => copyText(t) }))

const { DraftPanel } = await import('./DraftPanel')

const draft = (subject: string) => ({
  to: 'zoe@example.com',
  subject,
  body: 'Hi Zoë,\n\nthank you.',
  mailto: `mailto:zoe@example.com?subject=${encodeURIComponent(subject)}&body=Hi%20Zo%C3%AB%2C%0D%0A%0D%0Athank%20you.`,
})
const rem = (extra: Partial<Reminder>) =>
  ({ id: 7, title: 'Thank Zoë', kind: 'thank_you', templateKey: '', virtual: false, memberId: 3, ...extra }) as Reminder

beforeEach(() => {
  render_.mockReset()
  draftForMember.mockReset()
  copyText.mockClear()
})

describe('DraftPanel', () => {
  it('shows the rendered draft with a mailto link and copies it', async () => {
    render_.mockImplementation(async (key: string) => draft(`Subject of ${key}`))
    render(<DraftPanel reminder={rem({})} onClose={() => {}} />)
    expect(await screen.findByText('Subject of thank_you')).toBeTruthy()
    expect(render_).toHaveBeenCalledWith('thank_you', 7)
    expect(screen.getByLabelText('Message').textContent).toBe('Hi Zoë,\n\nthank you.')
    const link = screen.getByRole('link', { name: 'Open in mail client' })
    expect(link.getAttribute('href')).toMatch(/^mailto:zoe@example\.com\?subject=/)
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }))
    expect(copyText).toHaveBeenCalledWith('To: zoe@example.com\nSubject: Subject of thank_you\n\nHi Zoë,\n\nthank you.')
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy()
    // Another template renders again.
    await userEvent.selectOptions(screen.getByLabelText('Template'), 'share_back')
    expect(await screen.findByText('Subject of share_back')).toBeTruthy()
  })
  it('asks for a template when the kind has none, and drafts for members of virtual items', async () => {
    render_.mockResolvedValue(draft('Custom'))
    const { unmount } = render(<DraftPanel reminder={rem({ kind: ReminderKind.CUSTOM })} onClose={() => {}} />)
    expect((screen.getByLabelText('Template') as HTMLSelectElement).value).toBe('')
    expect(render_).not.toHaveBeenCalled()
    expect((screen.getByRole('button', { name: 'Copy' }) as HTMLButtonElement).disabled).toBe(true)
    unmount()
    draftForMember.mockResolvedValue(draft('Checking in'))
    render(
      <DraftPanel
        reminder={rem({ id: 0, virtual: true, kind: ReminderKind.STAY_IN_TOUCH, memberId: 9 })}
        onClose={() => {}}
      />,
    )
    await waitFor(() => expect(draftForMember).toHaveBeenCalledWith('stay_in_touch', 9))
    expect(await screen.findByText('Checking in')).toBeTruthy()
  })
})
