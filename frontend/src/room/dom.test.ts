import { beforeEach, describe, expect, it } from 'vitest'
import { h, morphChildren } from './dom'

describe('morphChildren', () => {
  beforeEach(() => document.body.replaceChildren())

  it('keeps the field being typed in, its text and focus, while the page around it changes', () => {
    const root = h('div')
    document.body.append(root)
    const page = (notes: string[], value: string) =>
      h(
        'div',
        {},
        h(
          'ul',
          {},
          notes.map((n) => h('li', { 'data-k': n }, n)),
        ),
        h('textarea', { 'data-k': 'answer', value }),
      )
    morphChildren(root, page(['b'], 'server text'))
    const area = root.querySelector('textarea') as HTMLTextAreaElement
    const b = root.querySelector('li')
    area.focus()
    area.value = 'typed, not yet sent'
    morphChildren(root, page(['a', 'b', 'c'], 'older server text'))
    expect(root.querySelector('textarea')).toBe(area)
    expect(document.activeElement).toBe(area)
    expect(area.value).toBe('typed, not yet sent')
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['a', 'b', 'c'])
    expect(root.querySelectorAll('li')[1]).toBe(b)
    area.blur()
    morphChildren(root, page([], 'new'))
    expect(area.value).toBe('new')
    expect(root.querySelectorAll('li')).toHaveLength(0)
  })

  it('moves handlers and attributes over, and sets text only as text', () => {
    const root = h('div')
    const clicks: string[] = []
    morphChildren(root, h('div', {}, h('button', { disabled: true, onclick: () => clicks.push('old') }, 'Go')))
    const btn = root.querySelector('button') as HTMLButtonElement
    morphChildren(root, h('div', {}, h('button', { onclick: () => clicks.push('new') }, '<b>Go</b>')))
    expect(root.querySelector('button')).toBe(btn)
    expect(btn.disabled).toBe(false)
    btn.click()
    expect(clicks).toEqual(['new'])
    expect(btn.textContent).toBe('<b>Go</b>')
    expect(btn.querySelector('b')).toBeNull()
  })
})
