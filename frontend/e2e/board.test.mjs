// (a) First run: empty board -> sample board; search and filters narrow the list.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, loadSampleBoard, memberCount, memberRows, search } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

test('empty board offers a sample board; search and filters narrow the list', async () => {
  const { page } = app
  await page.getByRole('heading', { name: 'Your board is empty' }).waitFor()
  // Keyboard: the first Tab reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab')
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content')
  await page.keyboard.press('Enter')
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
  assert.ok(await page.getByRole('button', { name: 'Import members' }).isVisible())
  await shot(page, 'a1-empty-board')

  const total = await loadSampleBoard(page)
  assert.ok((await memberRows(page).count()) >= 10, 'rows are drawn')
  await shot(page, 'a2-sample-board')

  // Search by a name with a diacritic, then by company.
  await search(page, 'Zoë')
  await expectCount(page, 1)
  assert.equal(await memberRows(page).count(), 1)
  assert.ok(await page.getByRole('link', { name: 'Zoë Durand' }).isVisible())
  await search(page, 'Mercado Souza')
  await page.getByRole('link', { name: 'Ana Souza' }).waitFor()
  assert.ok((await memberCount(page)) < total)
  await search(page, '')
  await expectCount(page, total)

  // Filter by segment, then also by status.
  await page.getByLabel('Segment').selectOption({ label: 'Restaurants & cafés' })
  await page.waitForFunction(() => /match$/.test(document.querySelector('.page-meta')?.textContent ?? ''))
  const inSegment = await memberCount(page)
  assert.ok(inSegment > 0 && inSegment < total)
  const segments = await page.getByRole('table', { name: 'Members' }).getByRole('cell').allTextContents()
  assert.ok(segments.includes('Restaurants & cafés'))

  await page.getByLabel('Status').selectOption({ label: 'Active' })
  await page.waitForFunction((n) => {
    const m = /^(\d+) members? match$/.exec(document.querySelector('.page-meta')?.textContent ?? '')
    return m && Number(m[1]) < n
  }, inSegment)
  const both = await memberCount(page)
  assert.ok(both > 0, 'some active restaurant members')
  const rows = memberRows(page)
  for (let i = 0; i < (await rows.count()); i++) {
    const text = await rows.nth(i).textContent()
    assert.match(text, /Restaurants & cafés/)
    assert.match(text, /Active/)
  }
  await shot(page, 'a3-filtered')

  // Members without contact consent carry a flag with an accessible name.
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expectCount(page, total)
  assert.ok((await page.getByText('No contact consent').count()) > 0)

  // Keyboard: Enter on a member's row link opens the member.
  await page.getByRole('link', { name: 'Ana Souza' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Ana Souza' }).waitFor()
  await page.getByRole('link', { name: 'All members' }).click()
  await expectCount(page, total)

  // Sorting by a column header flips aria-sort.
  await page.getByRole('button', { name: 'Name' }).click()
  assert.equal(await page.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort'), 'descending')
  assert.deepEqual(app.errors, [])
})
