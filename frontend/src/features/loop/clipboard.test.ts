import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyText } from './clipboard'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('copyText', () => {
  it('uses the Clipboard API when there is one', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { clipboard: { writeText } })
    expect(await copyText('Hi Zoë')).toBe(true)
    expect(writeText).toHaveBeenCalledWith('Hi Zoë')
  })
  it('falls back to a hidden textarea when the API is missing or refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } })
    let copied = ''
    const exec = vi.fn(() => {
      copied = document.querySelector('textarea')?.value ?? ''
      return true
    })
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true })
    expect(await copyText('Subject: Thanks')).toBe(true)
    expect(exec).toHaveBeenCalledWith('copy')
    expect(copied).toBe('Subject: Thanks')
    expect(document.querySelector('textarea')).toBeNull()
    vi.stubGlobal('navigator', {})
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true })
    expect(await copyText('x')).toBe(false)
  })
})
