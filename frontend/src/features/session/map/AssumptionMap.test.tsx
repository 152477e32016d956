import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { AssumptionMap } from './AssumptionMap'

const points = [
  {
    id: 1,
    sentence: 'We believe cafés will pay monthly because margins are thin.',
    importance: 5,
    evidence: 1,
    verdict: '',
  },
  {
    id: 2,
    sentence: 'We believe chains will self-serve because IT is busy.',
    importance: 2,
    evidence: 4,
    verdict: 'validated',
    moves: [
      { importance: 4, evidence: 2, movedAt: '2025-01-01', note: '' },
      { importance: 2, evidence: 4, movedAt: '2025-02-01', note: '' },
    ],
  },
]

describe('AssumptionMap', () => {
  it('makes every point a focusable button named by its sentence, coloured by verdict', async () => {
    const onSelect = vi.fn()
    render(<AssumptionMap title="Map" points={points} onSelect={onSelect} />)
    expect(screen.getByRole('group', { name: 'Map' })).toBeTruthy()
    const first = screen.getByRole('button', { name: points[0].sentence })
    const second = screen.getByRole('button', { name: points[1].sentence })
    expect(first.getAttribute('class')).toContain('pt-untested')
    expect(first.getAttribute('class')).toContain('is-risky')
    expect(second.getAttribute('class')).toContain('pt-validated')
    await userEvent.tab()
    expect(document.activeElement).toBe(first)
    await userEvent.keyboard('{Enter}')
    expect(onSelect).toHaveBeenCalledWith(1)
    await userEvent.tab()
    await userEvent.keyboard(' ')
    expect(onSelect).toHaveBeenLastCalledWith(2)
  })

  it('draws the trail of an assumption that moved', () => {
    const { container } = render(<AssumptionMap title="Map" points={points} />)
    expect(container.querySelectorAll('.amap-trail polyline')).toHaveLength(1)
    expect(container.querySelector('.amap-risky')).toBeTruthy()
  })

  it('rings only the points marked top and says so to a screen reader', () => {
    const { container, rerender } = render(<AssumptionMap title="Map" points={points} />)
    expect(container.querySelectorAll('.amap-top-ring')).toHaveLength(0)
    expect(screen.queryByText('Top 5')).toBeNull()
    rerender(<AssumptionMap title="Map" points={[{ ...points[0], top: true }, points[1]]} />)
    expect(container.querySelectorAll('.amap-top-ring')).toHaveLength(1)
    const first = screen.getByRole('button', { name: points[0].sentence })
    expect(first.getAttribute('aria-description')).toMatch(/^Top 5\. /)
    expect(screen.getByRole('button', { name: points[1].sentence }).getAttribute('aria-description')).not.toMatch(/Top/)
    expect(screen.getByRole('list', { name: 'Colours' }).textContent).toContain('Top 5')
  })
})
