// Settings: back up now, change the data, restore the backup; the change is
// gone and the state before the restore is kept as a backup of its own.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, loadSampleBoard } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

function backupRows(page) {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
}

test('back up now, change the data, restore the backup', async () => {
  const { page, errors } = app
  const total = await loadSampleBoard(page)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
  // Where the data lives.
  await page.getByText(/e2e\.db$/).waitFor()

  const before = await backupRows(page).count() // the daily backup made at start
  await page.getByRole('button', { name: 'Back up now' }).click()
  await page.getByRole('status').filter({ hasText: 'Backed up' }).waitFor()
  await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, before + 1)
  const manual = backupRows(page).filter({ has: page.getByRole('cell', { name: 'Manual', exact: true }) })
  assert.equal(await manual.count(), 1, 'one manual backup listed')
  await shot(page, 's1-backups')

  // Change the data: add a member.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Add member' }).waitFor()
  await page.getByLabel('Name').fill('Rita Restoreme')
  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Rita Restoreme' }).waitFor()
  await page.getByRole('link', { name: 'All members' }).click()
  await expectCount(page, total + 1)

  // Restore the manual backup, confirming in the dialog.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await manual.getByRole('button', { name: /^Restore the manual backup of / }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
  await dialog.getByText('The current state is backed up first').waitFor()
  await shot(page, 's2-confirm-restore')
  const reloaded = page.waitForEvent('load')
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await reloaded

  // After the reload: the pre-restore backup is listed…
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
  await backupRows(page)
    .filter({ has: page.getByRole('cell', { name: 'Before a restore', exact: true }) })
    .waitFor()
  assert.equal(await backupRows(page).count(), before + 2)
  await shot(page, 's3-after-restore')

  // …and the member added after the backup is gone.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await expectCount(page, total)
  await page.getByRole('searchbox', { name: 'Search members' }).fill('Restoreme')
  await expectCount(page, 0)
  assert.deepEqual(errors, [])
})
