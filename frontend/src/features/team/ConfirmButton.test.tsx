import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ConfirmButton } from './ConfirmButton'

function setup(onConfirm: () => Promise<unknown>) {
  render(
    <ConfirmButton
      label="Remove"
      title="Remove Bo's laptop from the team?"
      confirm="Remove from the team"
      onConfirm={onConfirm}
    >
      <p>The team&apos;s key is changed.</p>
    </ConfirmButton>,
  )
  return userEvent.setup()
}

describe('ConfirmButton', () => {
  it('runs the action only once confirmed', async () => {
    const calls: string[] = []
    const user = setup(async () => calls.push('removed'))
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    expect(screen.getByRole('dialog', { name: "Remove Bo's laptop from the team?" })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(calls).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    await user.click(screen.getByRole('button', { name: 'Remove from the team' }))
    expect(calls).toEqual(['removed'])
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('keeps the dialog open with the error when the action fails', async () => {
    const user = setup(() => Promise.reject(new Error('Bo (Bo’s laptop) is removed from the team already')))
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    await user.click(screen.getByRole('button', { name: 'Remove from the team' }))
    expect(await screen.findByText(/removed from the team already/)).toBeTruthy()
    expect(screen.getByRole('dialog')).toBeTruthy()
  })
})
