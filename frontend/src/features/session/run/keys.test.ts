import { describe, expect, it } from 'vitest'
import { isTextTarget, runKey, type KeyLike } from './keys'

const el = (tag: string, type?: string) => {
  const e = document.createElement(tag)
  if (type) e.setAttribute('type', type)
  return e
}
const key = (k: string, mods: Partial<KeyLike> = {}, target: EventTarget | null = document.body): KeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target,
  ...mods,
})

describe('run view keys', () => {
  it('moves between assumptions with Alt + arrows, Home and End, even from a text field', () => {
    const ta = el('textarea')
    expect(runKey(key('ArrowRight', { altKey: true }, ta), true)).toEqual({ type: 'next' })
    expect(runKey(key('ArrowLeft', { altKey: true }), false)).toEqual({ type: 'previous' })
    expect(runKey(key('Home', { altKey: true }), false)).toEqual({ type: 'first' })
    expect(runKey(key('End', { altKey: true }), false)).toEqual({ type: 'last' })
    expect(runKey(key('f', { altKey: true }), false)).toEqual({ type: 'focus' })
    expect(runKey(key('v', { altKey: true }, ta), true)).toEqual({ type: 'verdict' })
  })

  it('leaves plain arrows, modified keys and browser shortcuts alone', () => {
    expect(runKey(key('ArrowRight'), false)).toBeNull()
    expect(runKey(key('ArrowRight', { altKey: true, shiftKey: true }), false)).toBeNull()
    expect(runKey(key('ArrowRight', { altKey: true, ctrlKey: true }), false)).toBeNull()
    expect(runKey(key('1', { ctrlKey: true }), true)).toBeNull()
  })

  it('sets a stance with 1–4 only inside a card and outside text fields', () => {
    expect(runKey(key('1', {}, el('input', 'radio')), true)).toEqual({ type: 'stance', stance: 'matches' })
    expect(runKey(key('2', {}, el('input', 'checkbox')), true)).toEqual({ type: 'stance', stance: 'partly' })
    expect(runKey(key('3', {}, el('button')), true)).toEqual({ type: 'stance', stance: 'does_not_match' })
    expect(runKey(key('4'), true)).toEqual({ type: 'stance', stance: 'unsure' })
    expect(runKey(key('5'), true)).toBeNull()
    expect(runKey(key('1'), false)).toBeNull()
    // Typing a digit into notes is text, not a shortcut.
    expect(runKey(key('1', {}, el('textarea')), true)).toBeNull()
    expect(runKey(key('1', {}, el('input')), true)).toBeNull()
  })

  it('toggles the help with ? outside text fields', () => {
    expect(runKey(key('?'), false)).toEqual({ type: 'help' })
    expect(runKey(key('?', {}, el('textarea')), false)).toBeNull()
  })

  it('knows which targets take text', () => {
    expect(isTextTarget(el('textarea'))).toBe(true)
    expect(isTextTarget(el('select'))).toBe(true)
    expect(isTextTarget(el('input', 'search'))).toBe(true)
    expect(isTextTarget(el('input', 'radio'))).toBe(false)
    expect(isTextTarget(el('div'))).toBe(false)
    expect(isTextTarget(null)).toBe(false)
  })
})
