// Markup typed into notes is stored verbatim and shown as text, never run;
// a person's data can be exported and the person erased with a typed-name check.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, loadSampleBoard, search } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const script = '<script>alert(1)</script><img src=x onerror=alert(2)>'

test('a note with markup renders as text; export and erase a person', async () => {
  const { page } = app
  const dialogs = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    d.dismiss().catch(() => {})
  })
  const total = await loadSampleBoard(page)

  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Add member' }).waitFor()
  await page.getByLabel('Name').fill('Mallory <b>Markup</b>')
  await page.getByLabel('Notes').fill(script)
  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Mallory <b>Markup</b>' }).waitFor()

  // After a reload the note comes back from the database exactly as typed.
  await page.reload()
  await page.getByRole('heading', { name: 'Mallory <b>Markup</b>' }).waitFor()
  assert.equal(await page.getByLabel('Notes').inputValue(), script)
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the <img> in the note must not become an element')
  assert.equal(
    await page.locator('b', { hasText: 'Markup' }).count(),
    0,
    'the <b> in the name must not become an element',
  )
  await page.waitForTimeout(300)
  assert.deepEqual(dialogs, [], 'no alert may fire')

  // Export this person's data: a JSON download carrying the note verbatim.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this person’s data' }).click(),
  ])
  assert.match(download.suggestedFilename(), /^member-\d+-.*\.json$/)
  const path = await download.path()
  const { readFile } = await import('node:fs/promises')
  const exported = JSON.parse(await readFile(path, 'utf8'))
  assert.equal(exported.member.notes, script)

  // Erase: the button stays off until the full name is typed.
  await page.getByRole('button', { name: 'Erase this person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Erase Mallory <b>Markup</b>?' })
  await dialog.waitFor()
  const confirm = dialog.getByRole('button', { name: 'Erase for good' })
  await dialog.getByLabel(/^Type/).fill('Mallory')
  assert.equal(await confirm.isDisabled(), true)
  await dialog.getByLabel(/^Type/).fill('Mallory <b>Markup</b>')
  await shot(page, 'privacy-erase-dialog')
  await confirm.click()
  await page.getByRole('table', { name: 'Members' }).waitFor()
  await expectCount(page, total)
  await search(page, 'Mallory')
  await page.getByText(/^0 members? match$/).waitFor()
  assert.deepEqual(dialogs, [], 'no alert may fire')
})
