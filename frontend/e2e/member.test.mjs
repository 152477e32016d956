// (b) Add a member, edit them, see the change in the list; archive and restore.
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

test('add, edit, archive and restore a member', async () => {
  const { page } = app
  const total = await loadSampleBoard(page)

  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Add member' }).waitFor()
  await page.getByLabel('Name').fill('Ingrid Testperson')
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Company').fill('Fjord Labs')
  await page.getByRole('button', { name: 'Add member' }).click()
  // The backend's validation shows next to the field.
  const emailError = page.locator('.field-error', { hasText: 'not a valid address' })
  await emailError.waitFor()
  assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true')
  await shot(page, 'b1-field-error')

  await page.getByLabel('Email').fill('ingrid@fjordlabs.example')
  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Ingrid Testperson' }).waitFor()
  // A new member has no contact consent yet.
  await page.getByText('No valid contact consent.').waitFor()

  // Edit: change status, add tags.
  await page.getByLabel('Status').selectOption('active')
  await page.getByLabel('Tags').fill('pilot, fjord')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()

  // Grant contact consent: the warning goes away.
  await page.getByRole('button', { name: 'Grant contact consent' }).click()
  await page.getByRole('button', { name: 'Save consent' }).click()
  await page.getByText('No valid contact consent.').waitFor({ state: 'detached' })

  // Log a touchpoint: it shows in the history.
  await page.getByRole('button', { name: 'Log a touchpoint' }).click()
  await page.getByLabel('Summary').fill('Intro call about the pilot')
  await page.getByRole('button', { name: 'Log touchpoint' }).click()
  await page.getByText('Intro call about the pilot').waitFor()
  await shot(page, 'b2-member-edited')

  await page.getByRole('link', { name: 'All members' }).click()
  await expectCount(page, total + 1)
  await search(page, 'Ingrid')
  await expectCount(page, 1)
  const row = memberRows(page).first()
  const text = await row.textContent()
  assert.match(text, /Ingrid Testperson/)
  assert.match(text, /Active/)
  assert.match(text, /fjord/)
  assert.match(text, /pilot/)
  await shot(page, 'b3-list-after-edit')

  // Archive: hidden from the default list, found with the archived filter.
  await page.getByRole('link', { name: 'Ingrid Testperson' }).click()
  await page.getByRole('button', { name: 'Archive' }).click()
  await page.getByRole('button', { name: 'Restore' }).waitFor()
  await page.getByRole('link', { name: 'All members' }).click()
  await page.getByText('No members match these filters.').waitFor()
  await page.getByLabel('Archived').selectOption('only')
  await expectCount(page, 1)
  await shot(page, 'b4-archived')
  await page.getByRole('link', { name: 'Ingrid Testperson' }).click()
  await page.getByRole('button', { name: 'Restore' }).click()
  await page.getByRole('button', { name: 'Archive' }).waitFor()
  await page.getByRole('link', { name: 'All members' }).click()
  await page.getByText('No members match these filters.').waitFor()
  await page.getByLabel('Archived').selectOption('')
  await expectCount(page, 1)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expectCount(page, total + 1)
  assert.deepEqual(app.errors, [])
})
