import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

const aboutInfo = vi.fn()
vi.mock('../api', () => ({
  aboutInfo: () => aboutInfo(),
  errorMessage: (e: unknown) => String(e),
}))

const { About } = await import('./About')

describe('About', () => {
  it('shows the stamped version and the database path', async () => {
    aboutInfo.mockResolvedValue({
      version: '0.1.0 (abc1234, 2026-01-02T03:04:05Z)',
      dbPath: '/home/a/.local/share/soundingboard/soundingboard.db',
    })
    render(<About version="0.1.0" />)
    await userEvent.click(screen.getByRole('button', { name: 'About' }))
    const dialog = screen.getByRole('dialog', { name: 'Sounding Board' })
    expect(await screen.findByText('0.1.0 (abc1234, 2026-01-02T03:04:05Z)')).toBeTruthy()
    expect(dialog.textContent).toContain('/home/a/.local/share/soundingboard/soundingboard.db')
  })
})
