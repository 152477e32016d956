import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DecisionForm } from './DecisionForm'

describe('DecisionForm', () => {
  it('shows each field problem beside its field, whatever context prefixes the message', async () => {
    // What the window sends: the JSON of store.Describe, as the text of an Error.
    const rejection = new Error(
      JSON.stringify({
        error: 'update decision 12: title is required; deadline "2026-02-30" is not a date (YYYY-MM-DD)',
        code: 'invalid',
        fields: [
          { field: 'title', message: 'title is required' },
          { field: 'deadline', message: 'deadline "2026-02-30" is not a date (YYYY-MM-DD)' },
        ],
      }),
    )
    render(<DecisionForm decision={null} onSave={() => Promise.reject(rejection)} />)
    await userEvent.click(screen.getByRole('button', { name: 'Create decision' }))
    await screen.findByText('title is required')
    expect(screen.getByLabelText('Decision').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByLabelText('Deadline').getAttribute('aria-invalid')).toBe('true')
    screen.getByText('deadline "2026-02-30" is not a date (YYYY-MM-DD)')
    expect(screen.queryByText(/update decision 12/)).toBeNull()
  })
})
