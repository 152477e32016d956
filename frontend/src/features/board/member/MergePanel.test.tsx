import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '../../../api'
import { MergePanel, mergeName } from './MergePanel'

const api = vi.hoisted(() => ({ listMembers: vi.fn(), mergeMember: vi.fn() }))
vi.mock('../../../api', async (orig) => {
  const real = await orig<typeof import('../../../api')>()
  return { ...real, api: { ...real.api, ...api } }
})

const member = (id: number, name: string, source = '') => ({ id, name, source, canContact: true }) as Member

const sam = member(5, 'Sam', 'Guest in the session “Pricing”, 2026-12-04')

beforeEach(() => {
  api.listMembers.mockReset()
  api.mergeMember.mockReset()
  // The search answers with the guest too: the picker leaves them out.
  api.listMembers.mockResolvedValue({ members: [sam, member(7, 'Sam Lee')], total: 2 })
})

async function pick(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Merge into another member…' }))
  await user.type(screen.getByLabelText('Find a member'), 'Sam')
  const select = screen.getByLabelText<HTMLSelectElement>('Member to keep')
  await vi.waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2))
  expect(
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['None', 'Sam Lee'])
  await user.selectOptions(select, '7')
  await user.click(screen.getByRole('button', { name: 'Merge…' }))
}

describe('MergePanel', () => {
  it('names a guest as such', () => {
    expect(mergeName(sam)).toBe('Sam (guest)')
    expect(mergeName(member(7, 'Sam Lee', 'Imported'))).toBe('Sam Lee')
  })

  it('picks the member to keep, asks naming both, then merges', async () => {
    const merged = { member: member(7, 'Sam Lee') }
    api.mergeMember.mockResolvedValue(merged)
    const onMerged = vi.fn()
    const user = userEvent.setup()
    render(<MergePanel member={sam} onMerged={onMerged} />)
    await pick(user)
    const ask = screen.getByRole('alertdialog')
    expect(ask.querySelector('p')?.textContent).toBe(
      'Merge Sam (guest) into Sam Lee? Sam’s sessions, entries, consents, touchpoints and tags move to Sam Lee; this cannot be undone.',
    )
    expect(api.mergeMember).not.toHaveBeenCalled()
    await user.click(within(ask).getByRole('button', { name: 'Merge for good' }))
    expect(api.mergeMember).toHaveBeenCalledWith(5, 7)
    expect(onMerged).toHaveBeenCalledWith(merged)
  })

  it('shows the refusal and stays', async () => {
    api.mergeMember.mockRejectedValue(new Error('Sam Lee is archived; restore them before merging into them'))
    const onMerged = vi.fn()
    const user = userEvent.setup()
    render(<MergePanel member={sam} onMerged={onMerged} />)
    await pick(user)
    await user.click(screen.getByRole('button', { name: 'Merge for good' }))
    expect(screen.getByRole('alert').textContent).toContain('Sam Lee is archived')
    expect(onMerged).not.toHaveBeenCalled()
  })
})
