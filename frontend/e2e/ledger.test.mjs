// (l) Decisions and assumptions: write a hypothesis in three parts, see it as
// one sentence and on the map; move it; log a decision; the ledger shows the
// assumption untested with its trail, and filters by decision and category.
import assert from 'node:assert/strict'
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

const SENTENCE = 'We believe bakery owners will order flour through the app because their supplier calls at 6 am.'

test('a decision with assumptions on the map, a log entry, and the ledger', async () => {
  const { page } = app
  await loadSampleBoard(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('link', { name: 'Decisions' }).click()
  await page.getByRole('table', { name: 'Decisions' }).waitFor()
  await page.getByRole('button', { name: 'New decision' }).click()
  await page.getByRole('button', { name: 'Create decision' }).click()
  // The backend names the missing field.
  await page.locator('.field-error', { hasText: 'title' }).waitFor()
  await page.getByLabel('Decision', { exact: true }).fill('Open a bakery channel?')
  await page.getByLabel('Owner').fill('Ana Souza')
  await page.getByLabel('Deadline').fill('2027-03-01')
  await page.getByRole('button', { name: 'Create decision' }).click()
  await page.getByRole('heading', { name: 'Open a bakery channel?' }).waitFor()

  // Three parts, read back as one sentence while typing.
  const form = page.getByRole('form', { name: 'Add an assumption' })
  await form.getByLabel('Customers').fill('bakery owners')
  await form.getByLabel('Behavior').fill('order flour through the app')
  await form.getByLabel('Reason').fill('their supplier calls at 6 am')
  await form.getByText(SENTENCE).waitFor()
  await form.getByLabel('Category').selectOption('desirability')
  await form.getByRole('radio', { name: /^5 – / }).first().check()
  await form.getByRole('radio', { name: '1 – None' }).check()
  await form.getByRole('button', { name: 'Add assumption' }).click()
  const map = page.getByRole('group', { name: 'Importance × evidence' })
  const point = map.getByRole('button', { name: SENTENCE })
  await point.waitFor()
  assert.match(await point.getAttribute('class'), /is-risky/)
  assert.match(await point.getAttribute('class'), /pt-untested/)
  await page.getByText('Top 5', { exact: true }).first().waitFor()

  // A second assumption, less risky; then move the first: more evidence now.
  await form.getByLabel('Customers').fill('bakery chains')
  await form.getByLabel('Behavior').fill('connect their ERP')
  await form.getByLabel('Reason').fill('IT wants one integration')
  await form.getByRole('button', { name: 'Add assumption' }).click()
  await map.getByRole('button', { name: /bakery chains/ }).waitFor()
  // Assumptions go by one number everywhere (the ledger's too); the bakery owners are listed first, riskiest.
  await page
    .getByRole('button', { name: /^Edit assumption \d+$/ })
    .first()
    .click()
  const edit = page.getByRole('form', { name: 'Edit assumption' })
  await edit.getByRole('radio', { name: '4 – Good' }).check()
  await edit.getByRole('button', { name: 'Save assumption' }).click()
  await page.getByRole('form', { name: 'Edit assumption' }).waitFor({ state: 'detached' })
  await page.waitForFunction(
    () => !document.querySelector('.amap-point.is-risky[aria-label^="We believe bakery owners"]'),
  )

  // Decision log.
  const log = page.getByRole('form', { name: 'Log a decision' })
  await log.getByRole('radio', { name: 'Persevere' }).check()
  await log.getByLabel('Why').fill('Bakeries asked for it twice this quarter.')
  await log.getByRole('button', { name: 'Log decision' }).click()
  await page
    .getByRole('region', { name: 'Decision log' })
    .getByText('Bakeries asked for it twice this quarter.')
    .waitFor()
  await shot(page, 'l1-decision')

  // The ledger: filter by the new decision; both untested, with a trail for the moved one.
  await page.getByRole('link', { name: 'Assumption ledger' }).click()
  await page.getByRole('combobox', { name: /^Decision/ }).selectOption({ label: 'Open a bakery channel?' })
  await page.getByText('2 assumptions match').waitFor()
  assert.equal(await page.locator('[data-verdict="untested"]').textContent(), '2')
  assert.equal(await page.locator('[data-verdict="validated"]').textContent(), '0')
  const lmap = page.getByRole('group', { name: /Importance × evidence/ })
  await lmap.getByRole('button', { name: SENTENCE }).waitFor()
  assert.equal(await page.locator('.amap-trail polyline').count(), 1)
  await page.getByRole('combobox', { name: /^Category/ }).selectOption('feasibility')
  await page.getByText('No assumptions match these filters.').waitFor()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByText(/^\d+ assumptions$/).waitFor()
  await shot(page, 'l2-ledger')
  assert.deepEqual(app.errors, [])
})
