// (c) Import a CSV with a bad row: the problem shows on its line, nothing is
// imported; then the fixed file imports and the new members appear.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, loadSampleBoard, memberRows, search } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const header = 'Name,Email,Company,Segment,Tags,Lieblingsfarbe\n'
const good = 'Liv Importsen,liv@importco.example,Import Co,Restaurants & cafés,imported,blau\n'
const bad = 'Bo Broken,not-an-email,Broken Ltd,,imported,rot\n'
const also = 'Mo Importer,mo@importco.example,Import Co,,imported,grün\n'
const file = (text) => ({ name: 'new-members.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })

test('a bad row blocks the import until the file is fixed', async () => {
  const { page } = app
  const total = await loadSampleBoard(page)

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByRole('heading', { name: 'Import members' }).waitFor()
  await page.getByLabel('Contact file (.csv or .vcf)').setInputFiles(file(header + good + bad + also))

  // The problem is listed with its line number, and marked on its row.
  await page.getByText('Line 3: email "not-an-email" is not a valid address').waitFor()
  const badRow = page.getByRole('table', { name: 'Rows to import' }).getByRole('row').filter({ hasText: 'Bo Broken' })
  assert.match(await badRow.getAttribute('class'), /row-invalid/)
  assert.match(await badRow.textContent(), /not a valid address/)
  await page.getByText('2 new').waitFor()
  await page.getByText('1 with problems').waitFor()
  // The unknown column is offered for mapping, left on Ignore.
  assert.equal(await page.getByLabel('Field for column Lieblingsfarbe').inputValue(), '')
  const importButton = page.getByRole('button', { name: /^Import \d+ members?$/ })
  assert.equal(await importButton.isDisabled(), true)
  await shot(page, 'c1-import-problems')

  // The backend refuses the file too, whatever the UI does.
  const refusal = await page.evaluate(
    async (text) => {
      const content = btoa(String.fromCharCode(...new TextEncoder().encode(text)))
      try {
        await window.go.board.Service.Import({ fileName: 'x.csv', content, mapping: null, encoding: '' })
        return 'accepted'
      } catch (e) {
        return e
      }
    },
    header + good + bad + also,
  )
  assert.notEqual(refusal, 'accepted')
  // Refused as the window and /rpc refuse every bad input: a code and a message saying why.
  assert.equal(refusal.code, 'invalid')
  assert.match(refusal.error, /^import refused: /i)

  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await expectCount(page, total)

  // Fix the file and choose it again.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page
    .getByLabel('Contact file (.csv or .vcf)')
    .setInputFiles(file(header + good + bad.replace('not-an-email', 'bo@broken.example') + also))
  await page.getByText('3 new').waitFor()
  await page.getByText('0 with problems').waitFor()
  assert.equal(await page.getByText(/^Line \d+:/).count(), 0)
  await page.getByRole('button', { name: 'Import 3 members' }).click()
  await page.getByText('Imported 3 members').waitFor()
  await shot(page, 'c2-import-done')

  await page.getByRole('link', { name: 'See them on the board' }).click()
  await expectCount(page, total + 3)
  await search(page, 'Import Co')
  await expectCount(page, 2)
  const names = await memberRows(page).allTextContents()
  assert.ok(names.some((t) => t.includes('Liv Importsen')))
  assert.ok(names.some((t) => t.includes('Mo Importer')))
  await page.getByLabel('Tag').selectOption('imported')
  await page.getByRole('searchbox', { name: 'Search members' }).fill('')
  await expectCount(page, 3)
  await shot(page, 'c3-imported-members')
  assert.deepEqual(app.errors, [])
})
