import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { QuoteList } from './QuoteList'

/** A QuoteList over local state, as its two users hold it. */
function Harness() {
  const [quotes, setQuotes] = useState([{ key: 'q1', text: 'First words' }])
  const [added, setAdded] = useState<string | null>(null)
  return (
    <QuoteList
      name="Ana"
      quotes={quotes}
      focusKey={added}
      onChange={(key, text) => setQuotes((qs) => qs.map((q) => (q.key === key ? { ...q, text } : q)))}
      onRemove={(key) => setQuotes((qs) => qs.filter((q) => q.key !== key))}
      onAdd={() => {
        const key = `n${quotes.length + 1}`
        setQuotes((qs) => [...qs, { key, text: '' }])
        setAdded(key)
      }}
    />
  )
}

describe('QuoteList', () => {
  it('puts the caret in a new quote, keeps it while typing, and lands on Add quote after a removal', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole('button', { name: 'Add quote from Ana' }))
    const second = screen.getByRole('textbox', { name: 'Quote 2 from Ana' })
    expect(document.activeElement).toBe(second)
    await user.keyboard('We would pay per report')
    expect(document.activeElement).toBe(second)
    expect((second as HTMLTextAreaElement).value).toBe('We would pay per report')
    expect((screen.getByRole('textbox', { name: 'Quote 1 from Ana' }) as HTMLTextAreaElement).value).toBe('First words')
    await user.click(screen.getByRole('button', { name: 'Remove quote 1 from Ana' }))
    expect(screen.getAllByRole('textbox')).toHaveLength(1)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add quote from Ana' }))
  })
})
