import { describe, expect, it } from 'vitest'
import { formatSize, formatWhen, kindLabel } from './labels'

describe('backup labels', () => {
  it('names kinds for people', () => {
    expect(kindLabel('pre-restore')).toBe('Before a restore')
    expect(kindLabel('pre-migration')).toBe('Before an upgrade')
    expect(kindLabel('something-new')).toBe('something-new')
  })
  it('formats sizes', () => {
    expect(formatSize(900)).toBe('900 B')
    expect(formatSize(110592)).toBe('108 KB')
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB')
  })
  it('keeps an unreadable date as it is', () => {
    expect(formatWhen('not a date')).toBe('not a date')
    expect(formatWhen('2025-03-01T09:15:00Z')).toMatch(/2025/)
  })
})
