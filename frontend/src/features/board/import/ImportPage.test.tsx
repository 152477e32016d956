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

const noMatch = { memberId: 0, name: '', email: '', company: '', archived: false, by: '' }
const row = (
  line: number,
  m: ReturnType<typeof member>,
  problems: string[] = [],
  status = problems.length ? 'invalid' : 'new',
) => ({
  line,
  member: m,
  consents: [],
  problems,
  status,
  match: noMatch,
  changes: [],
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
      row(2, member('Zoë Adler', 'zoe@x.example')),
      row(3, member('Bad Row', 'not-an-email'), ['email "not-an-email" is not a valid address']),
    ],
    new: 1,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    review: 0,
    refused: 0,
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
    expect(screen.getByText('1 new')).toBeTruthy()
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
    api.importMembers.mockResolvedValue({
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      leftOut: 0,
      consents: 0,
      segments: 0,
      tags: 2,
    })
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
        rows: [row(2, member('Zoë Adler', 'zoe@x.example'))],
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

  it('imports the valid rows only when asked to leave the bad ones out', async () => {
    api.previewImport.mockResolvedValue(preview({ unmapped: [] }))
    api.importMembers.mockResolvedValue({
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      leftOut: 1,
      consents: 0,
      segments: 0,
      tags: 0,
    })
    renderPage()
    await userEvent.upload(screen.getByLabelText('Contact file (.csv or .vcf)'), csv('x'))
    const button = (await screen.findByRole('button', { name: 'Import 1 member' })) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    await userEvent.click(screen.getByLabelText('Import the other rows and leave this one out'))
    expect(button.disabled).toBe(false)
    await userEvent.click(button)
    expect(api.importMembers.mock.calls[0][0].skipInvalid).toBe(true)
    expect(await screen.findByText(/1 new, 0 updated, 0 unchanged, 0 skipped, 1 left out/)).toBeTruthy()
  })

  it('asks about a name and company match and previews again with the answer', async () => {
    const match = {
      memberId: 7,
      name: 'Zoë Adler',
      email: 'zoe@old.example',
      company: 'Acme',
      archived: false,
      by: 'name_company',
    }
    const review = { ...row(2, member('Zoë Adler', 'zoe@new.example'), [], 'review'), match }
    api.previewImport.mockResolvedValueOnce(preview({ unmapped: [], rows: [review], new: 0, review: 1, invalid: 0 }))
    api.previewImport.mockResolvedValueOnce(
      preview({ unmapped: [], rows: [{ ...review, status: 'skip' }], new: 0, skipped: 1, invalid: 0 }),
    )
    renderPage()
    await userEvent.upload(screen.getByLabelText('Contact file (.csv or .vcf)'), csv('x'))
    const button = (await screen.findByRole('button', { name: 'Import 0 members' })) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    const group = screen.getByRole('group', { name: /Line 2: Zoë Adler \(zoe@new.example\)/ })
    await userEvent.click(within(group).getByLabelText('Same person'))
    await waitFor(() => expect(api.previewImport).toHaveBeenCalledTimes(2))
    expect(api.previewImport.mock.calls[1][0].decisions).toEqual([{ line: 2, memberId: 7, same: true }])
    expect(await screen.findByText(/1 already on the board, skipped/)).toBeTruthy()
  })

  it('shows the backend refusal verbatim', async () => {
    api.previewImport.mockResolvedValue(preview({ rows: [preview().rows[0]], unmapped: [], invalid: 0 }))
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
