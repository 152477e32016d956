import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PageNotFound } from './NotFound'

describe('PageNotFound', () => {
  it('names the page, shows the address and links back to the sections', () => {
    render(<PageNotFound path="/nowhere/7" />)
    screen.getByRole('heading', { name: 'Page not found' })
    expect(screen.getByText('/nowhere/7').tagName).toBe('CODE')
    const ways = screen.getByRole('navigation', { name: 'Ways back' })
    const links = Array.from(ways.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')])
    expect(links).toEqual([
      ['Board', '#/board'],
      ['Sessions', '#/sessions'],
      ['Follow-ups', '#/followups'],
    ])
    expect(screen.queryByText(/coming soon/i)).toBeNull()
  })
})
