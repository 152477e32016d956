import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LedgerReactions } from './LedgerReactions'

describe('LedgerReactions', () => {
  it('shows the counts noted, most first, with zero counts left out, under an accessible label', () => {
    render(<LedgerReactions reactions={{ confusion: 1, excitement: 0, frustration: 3, other: 0 }} />)
    const note = screen.getByRole('note', { name: 'Reactions noted: 3 frustration, 1 confusion' })
    expect(note.textContent).toBe('Reactions: 3 frustration · 1 confusion')
  })

  it('shows nothing when no reactions were noted, or the ledger has none to give', () => {
    const { container, rerender } = render(
      <LedgerReactions reactions={{ confusion: 0, excitement: 0, frustration: 0, other: 0 }} />,
    )
    expect(container.textContent).toBe('')
    rerender(<LedgerReactions />)
    expect(container.textContent).toBe('')
  })
})
