import { describe, expect, test } from 'vitest'
import { runKey } from '../run/keys'
import { activityKey } from './keys'

const k = (
  key: string,
  mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target: null,
  ...mods,
})

describe('activity keys', () => {
  test('Alt + Page Down and Page Up move between activities', () => {
    expect(activityKey(k('PageDown', { altKey: true }))).toBe(1)
    expect(activityKey(k('PageUp', { altKey: true }))).toBe(-1)
  })
  test('without Alt, or with another modifier, the key goes through', () => {
    expect(activityKey(k('PageDown'))).toBe(0)
    expect(activityKey(k('PageDown', { altKey: true, ctrlKey: true }))).toBe(0)
    expect(activityKey(k('PageUp', { altKey: true, shiftKey: true }))).toBe(0)
    expect(activityKey(k('ArrowRight', { altKey: true }))).toBe(0)
  })
  test('they do not clash with the assumption keys', () => {
    for (const key of ['PageDown', 'PageUp']) expect(runKey(k(key, { altKey: true }), false)).toBeNull()
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(activityKey(k(key, { altKey: true }))).toBe(0)
  })
})
