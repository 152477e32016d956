import { describe, expect, it } from 'vitest'
import { clock, parseThemes, sentence, word } from './labels'

describe('session labels', () => {
  it('writes the hypothesis as one sentence', () => {
    expect(sentence('café owners', 'pay monthly', 'no-shows hurt')).toBe(
      'We believe café owners will pay monthly because no-shows hurt.',
    )
    expect(sentence(' a ', 'b', 'c?')).toBe('We believe a will b because c?')
    expect(sentence('', '', '')).toBe('We believe … will … because …')
  })
  it('parses themes and shows codes as words', () => {
    expect(parseThemes('pricing, Trust ,, pricing ,trust')).toEqual(['pricing', 'Trust'])
    expect(word('needs_research')).toBe('Needs more research')
    expect(word('does_not_match')).toBe('Does not match')
    expect(clock(75)).toBe('01:15')
    expect(clock(3725)).toBe('1:02:05')
  })
})
