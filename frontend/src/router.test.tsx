import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { navigate, useRoute } from './router'

function Choice() {
  const [kind = 'session'] = useRoute()
  return (
    <>
      {['session', 'board'].map((k) => (
        <label key={k}>
          <input type="radio" name="kind" checked={k === kind} onChange={() => navigate(`/${k}`)} />
          {k}
        </label>
      ))}
    </>
  )
}

describe('navigate', () => {
  afterEach(() => {
    window.location.hash = ''
  })
  it('shows the new route at once, so a radio that navigates stays checked after the click', () => {
    render(<Choice />)
    fireEvent.click(screen.getByLabelText('board'))
    // No waiting: the browser's own hashchange comes only after this event.
    expect((screen.getByLabelText('board') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByLabelText('session') as HTMLInputElement).checked).toBe(false)
  })
})
