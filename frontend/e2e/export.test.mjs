// (d) Export the current filtered list as CSV and check the downloaded file.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
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

test('export CSV of the filtered list downloads a file with those members', async () => {
  const { page } = app
  await loadSampleBoard(page)

  // Whole board first.
  await page.getByRole('button', { name: 'Export' }).click()
  let [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV' }).click(),
  ])
  assert.match(download.suggestedFilename(), /\.csv$/)
  let csv = await readFile(await download.path(), 'utf8')
  assert.match(csv, /Ana Souza/)
  assert.match(csv, /Zoë Durand/)
  await page.getByText(/^Downloaded .+\.csv$/).waitFor()

  // Then only what the search matches.
  await search(page, 'Zoë')
  await expectCount(page, 1)
  await page.getByRole('button', { name: 'Export' }).click()
  await shot(page, 'd1-export-menu')
  ;[download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV' }).click(),
  ])
  csv = await readFile(await download.path(), 'utf8')
  assert.match(csv, /Zoë Durand/)
  assert.doesNotMatch(csv, /Ana Souza/)
  assert.equal(csv.trim().split(/\r?\n/).length, 2, 'header and one member')

  // vCard too.
  await page.getByRole('button', { name: 'Export' }).click()
  ;[download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as vCard' }).click(),
  ])
  const vcf = await readFile(await download.path(), 'utf8')
  assert.match(vcf, /BEGIN:VCARD/)
  assert.match(vcf, /Zoë Durand/)
  assert.deepEqual(app.errors, [])
})
