// (r) Reports: preview a session report, set the team name it asks for,
// export the PDF and find the session's title (and the team) in its text;
// the Markdown export of the same session.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'
import { loadSampleBoard } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const SESSION = 'Supplier onboarding: assumption test'
const TEAM = 'Larder & Co. product team'

test('preview and export a session report as PDF and Markdown', async () => {
  const { page } = app
  await loadSampleBoard(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor()

  // Choose the session report of a finished sample session.
  await page.getByRole('radio', { name: /^Session report/ }).check()
  await page.getByText('Choose a session to see what the report will hold.').waitFor()
  await page.getByLabel('Session', { exact: true }).selectOption({ label: `${SESSION} (finished)` })
  const preview = page.getByRole('region', { name: 'Preview' })
  await preview.getByText(SESSION, { exact: true }).waitFor()
  const sections = preview.getByRole('table', { name: 'What it holds' }).getByRole('row')
  assert.ok((await sections.count()) > 3, 'the preview lists the sections')
  await preview.getByText(/^\d+ pages? as PDF$/).waitFor()

  // No team name yet: the preview says so and links to the setting.
  await preview.getByText('No team name yet').waitFor()
  await preview.getByRole('link', { name: 'Set the team name' }).click()
  await page.getByRole('heading', { name: 'Follow-up settings' }).waitFor()
  await page.getByLabel('Team or product name').fill(TEAM)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor()
  await page.goBack()
  await preview.getByText(TEAM).waitFor()
  assert.equal(await preview.getByText('No team name yet').count(), 0)
  await shot(page, 'r1-reports')

  // Export the PDF: a download whose text holds the session's title and the team.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download PDF' }).click(),
  ])
  assert.match(download.suggestedFilename(), /\.pdf$/)
  const path = await download.path()
  const bytes = await readFile(path)
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
  assert.ok(text.replace(/\s+/g, ' ').includes(SESSION), 'the PDF names the session')
  assert.ok(text.includes(TEAM), 'the cover line carries the team name')
  await preview
    .getByRole('status')
    .filter({ hasText: /^Downloaded .+\.pdf \(\d+ KB\)$/ })
    .waitFor()

  // Markdown of the same session, for the wiki.
  await preview.getByRole('radio', { name: 'Markdown' }).check()
  const [md] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download Markdown' }).click(),
  ])
  assert.match(md.suggestedFilename(), /\.md$/)
  assert.ok((await readFile(await md.path(), 'utf8')).includes(SESSION))

  // The board report needs no choice; its preview shows at once.
  await page.getByRole('radio', { name: /^Board report/ }).check()
  await preview.getByRole('table', { name: 'What it holds' }).waitFor()
  await preview.getByRole('button', { name: 'Download PDF' }).waitFor()
  assert.equal(await preview.getByRole('radio', { name: 'Markdown' }).count(), 0, 'the board report is PDF only')
  assert.deepEqual(app.errors, [])
})
