import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportPreview, ImportRequest } from '../../../api'
import { BoardContext, type BoardCtx } from '../BoardContext'
import { initialList } from '../listState'
import { ImportPage } from './ImportPage'

const api = vi.hoisted(() => ({ previewImport: vi.fn(), importMembers: vi.fn() }))
vi.mock('../../../api', async (orig) => {
  const real = await orig<typeof import('../../../api')>()
  return { ...real, api: { ...real.api, ...api } }
})

const member = (name: string, email: string) => ({
  name,
  email,
  phone: '',
  company: 'Acme',
  role: '',
  segment: '',
  persona: '',
  timezone: '',
  status: 'prospect',
  joinedOn: '',
  source: '',
  notes: '',
  usageFrequency: '',
  articulation: 0,
  tone: '',
  cadenceDays: 0,
  tags: [],
})

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: 'csv',
    encoding: 'utf-8',
    columns: [
      { header: 'Name', field: 'name', sample: 'Zoë' },
      { header: 'Email', field: 'email', sample: 'z@x.example' },
      { header: 'Firma', field: '', sample: 'Acme' },
    ],
    fields: ['name', 'email', 'company', 'ignore'],
    unmapped: ['Firma'],
    rows: [
      { line: 2, member: member('Zoë Adler', 'zoe@x.example'), problems: [] },
      { line: 3, member: member('Bad Row', 'not-an-email'), problems: ['email "not-an-email" is not a valid address'] },
    ],
    valid: 1,
    invalid: 1,
    ...over,
  }
}

function renderPage() {
  const changed = vi.fn()
  const ctx: BoardCtx = {
    segments: [],
    tags: [],
    version: 0,
    changed,
    list: initialList,
    dispatch: vi.fn(),
    reported: { current: false },
  }
  render(
    <BoardContext.Provider value={ctx}>
      <ImportPage />
    </BoardContext.Provider>,
  )
  return { changed }
}

const csv = (text: string) => new File([text], 'board.csv', { type: 'text/csv' })

describe('ImportPage', () => {
  beforeEach(() => {
    api.previewImport.mockReset()
    api.importMembers.mockReset()
  })

  it('shows every row, problems on their line, and blocks the import', async () => {
    api.previewImport.mockResolvedValue(preview())
    renderPage()
    await userEvent.upload(screen.getByLabelText('Contact file (.csv or .vcf)'), csv('Name,Email,Firma\n'))
    // The file is read after upload() returns: wait for the preview before looking at the request.
    expect(await screen.findByText('Line 3: email "not-an-email" is not a valid address')).toBeTruthy()

    const req: ImportRequest = api.previewImport.mock.calls[0][0]
    expect(req.fileName).toBe('board.csv')
    expect(atob(req.content)).toBe('Name,Email,Firma\n')
    expect(req.mapping).toBeNull()
    const rows = within(screen.getByRole('table', { name: 'Rows to import' })).getAllByRole('row')
    expect(rows).toHaveLength(3) // header + 2
    expect(rows[2].className).toContain('row-invalid')
    expect(screen.getByText('1 valid')).toBeTruthy()
    expect(screen.getByText('1 with problems')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Import 1 member' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('offers the column mapping for unmapped columns and previews again with it', async () => {
    api.previewImport.mockResolvedValue(preview())
    renderPage()
    await userEvent.upload(screen.getByLabelText('Contact file (.csv or .vcf)'), csv('x'))
    const select = await screen.findByLabelText('Field for column Firma')
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ignore', 'Name', 'Email', 'Company'])

    await userEvent.selectOptions(select, 'company')
    expect(api.previewImport).toHaveBeenCalledTimes(2)
    expect(api.previewImport.mock.calls[1][0].mapping).toEqual({ Name: 'name', Email: 'email', Firma: 'company' })
  })

  it('imports a fixed file chosen again, and reports the counts', async () => {
    let answer: (p: ImportPreview) => void = () => {}
    api.previewImport.mockResolvedValueOnce(preview())
    api.previewImport.mockReturnValueOnce(new Promise<ImportPreview>((resolve) => (answer = resolve)))
    api.importMembers.mockResolvedValue({ created: 1, segments: 0, tags: 2 })
    const { changed } = renderPage()
    const input = screen.getByLabelText('Contact file (.csv or .vcf)')
    await userEvent.upload(input, csv('bad'))
    await screen.findByText(/Line 3:/)
    await userEvent.upload(input, csv('fixed'))
    // The first file's preview, and its button, stay until the second preview answers.
    const button = screen.getByRole('button', { name: 'Import 1 member' }) as HTMLButtonElement
    await waitFor(() => expect(api.previewImport).toHaveBeenCalledTimes(2))
    expect(button.disabled).toBe(true)
    answer(
      preview({
        unmapped: [],
        rows: [{ line: 2, member: member('Zoë Adler', 'zoe@x.example'), problems: [] }],
        valid: 1,
        invalid: 0,
      }),
    )
    await screen.findByText('0 with problems')
    expect(button.disabled).toBe(false)
    expect(screen.queryByText(/Line 3:/)).toBeNull()

    await userEvent.click(button)
    expect(atob(api.importMembers.mock.calls[0][0].content)).toBe('fixed')
    // The mapping on screen is sent explicitly, unrecognised columns as "" (ignore).
    expect(api.importMembers.mock.calls[0][0].mapping).toEqual({ Name: 'name', Email: 'email', Firma: '' })
    expect(await screen.findByText('Imported 1 member')).toBeTruthy()
    expect(changed).toHaveBeenCalled()
  })

  it('shows the backend refusal verbatim', async () => {
    api.previewImport.mockResolvedValue(preview({ rows: [preview().rows[0]], unmapped: [], valid: 1, invalid: 0 }))
    api.importMembers.mockRejectedValue('import members: row 2: email already used by Zoë Adler')
    renderPage()
    await userEvent.upload(screen.getByLabelText('Contact file (.csv or .vcf)'), csv('x'))
    await userEvent.click(await screen.findByRole('button', { name: 'Import 1 member' }))
    expect(await screen.findByText('import members: row 2: email already used by Zoë Adler')).toBeTruthy()
  })

  it('shows a preview error for an unreadable file', async () => {
    api.previewImport.mockRejectedValue('this is not a CSV or vCard file')
    renderPage()
    await userEvent.upload(screen.getByLabelText('Contact file (.csv or .vcf)'), csv('x'))
    expect(await screen.findByText('this is not a CSV or vCard file')).toBeTruthy()
  })
})
