import { describe, expect, it, vi } from 'vitest'
import { base64ToBytes, bytesToBase64, readBytes, saveOrDownload, savedText } from './files'
import { errorMessage, fieldErrors } from './errors'
import { fileToImportRequest } from '.'

// Reference encoding, one byte at a time.
const ref = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''))
const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))

describe('bytesToBase64', () => {
  it('matches the standard encoding, including non-UTF-8 bytes', () => {
    expect(bytesToBase64(new Uint8Array([]))).toBe('')
    expect(bytesToBase64(new TextEncoder().encode('Zoë;Ærø\n'))).toBe('Wm/DqzvDhnLDuAo=')
    const latin1 = new Uint8Array([0x5a, 0x6f, 0xeb, 0xff, 0x00])
    expect(bytesToBase64(latin1)).toBe('Wm/r/wA=')
  })

  it('handles files larger than one chunk', () => {
    const big = new Uint8Array(100_003).map((_, i) => (i * 7) % 256)
    expect(bytesToBase64(big)).toBe(ref(big))
  })
})

describe('fileToImportRequest', () => {
  it('reads a File into base64 content with its name, mapping and encoding', async () => {
    const file = new File(['name,email\nZoë,z@example.com\n'], 'board.csv', { type: 'text/csv' })
    const req = await fileToImportRequest(file, { name: 'name' }, 'utf-8')
    expect(req.fileName).toBe('board.csv')
    expect(decode(req.content)).toBe('name,email\nZoë,z@example.com\n')
    expect(req.mapping).toEqual({ name: 'name' })
    expect(req.encoding).toBe('utf-8')
  })
})

describe('errorMessage', () => {
  it('passes strings through and unwraps errors', () => {
    expect(errorMessage('name is required')).toBe('name is required')
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage({ error: 'x', code: 'invalid' })).toBe('x')
  })
})

describe('fieldErrors', () => {
  const fields = ['name', 'email', 'joinedOn', 'tags']
  it('puts each field problem of a rejected call beside its field, whatever prefix the message has', () => {
    const r = fieldErrors(
      {
        error:
          'update session 12: name is required; email "x" is not a valid address; tag "a" is longer than 60 characters; 3 themes is more than 2',
        code: 'invalid',
        fields: [
          { field: 'name', message: 'name is required' },
          { field: 'email', message: 'email "x" is not a valid address' },
          { field: 'tags', message: 'tag "a" is longer than 60 characters' },
          { message: '3 themes is more than 2' },
        ],
      },
      fields,
    )
    expect(r.byField.name).toBe('name is required')
    expect(r.byField.email).toBe('email "x" is not a valid address')
    expect(r.byField.tags).toBe('tag "a" is longer than 60 characters')
    expect(r.other).toEqual(['3 themes is more than 2'])
  })
  it('reads the JSON text the window sends inside an Error', () => {
    const e = new Error(
      '{"error":"save member: name is required","code":"invalid","fields":[{"field":"name","message":"name is required"}]}',
    )
    expect(errorMessage(e)).toBe('save member: name is required')
    expect(fieldErrors(e, fields).byField.name).toBe('name is required')
    expect(errorMessage(new Error('{not json'))).toBe('{not json')
  })
  it('shows an error without field problems as a whole', () => {
    expect(fieldErrors({ error: 'update session 12: session not found', code: 'not_found' }, fields)).toEqual({
      byField: {},
      other: ['update session 12: session not found'],
    })
    expect(fieldErrors('offline', fields).other).toEqual(['offline'])
    expect(fieldErrors('', fields).other).toEqual([])
  })
})

describe('base64 downloads', () => {
  it('decodes what bytesToBase64 encodes', () => {
    const big = new Uint8Array(70_001).map((_, i) => (i * 13) % 256)
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big)
    expect(Array.from(base64ToBytes('JVBERi0='))).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d])
  })
  it('downloads a PDF in the browser as a Blob of its bytes under its name', async () => {
    let blob: Blob | null = null
    const create = vi.fn((b: Blob) => {
      blob = b
      return 'blob:x'
    })
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() })
    let clicked = ''
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = `${this.download} ${this.getAttribute('href')}`
    })
    const saveAs = vi.fn(async () => '/home/a/session.pdf')
    const pdf = { fileName: 'session.pdf', mimeType: 'application/pdf' }
    const saved = await saveOrDownload(saveAs, async () => ({
      ...pdf,
      contentBase64: bytesToBase64(new TextEncoder().encode('%PDF-1.7 Zoë')),
    }))
    expect(saveAs).not.toHaveBeenCalled() // no desktop runtime here
    expect(saved).toEqual({ where: 'session.pdf', size: 13, downloaded: true })
    expect(savedText(saved!)).toBe('Downloaded session.pdf')
    expect(clicked).toBe('session.pdf blob:x')
    expect(blob!.type).toBe('application/pdf')
    expect(new TextDecoder().decode(new Uint8Array(await readBytes(blob!)))).toBe('%PDF-1.7 Zoë')
    expect(document.querySelector('a[download]')).toBeNull()
    click.mockRestore()
  })
})
