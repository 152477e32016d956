// Point 3 of issue 10: bulk edit on the member list (select by click,
// shift-click and all that match a filter; set segment, status, tags,
// consent and archive in one step; undo). Point 7: the members table uses
// its width at 1280×800 and 1024×700, light and dark.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, loadSampleBoard, memberCount, memberRows } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

/** What overflows: the page sideways, and name, company, segment and tag cells (and the names and tags in them) that clip their text. */
function overflow(page) {
  return page.evaluate(() => {
    const se = document.scrollingElement
    const clipped = []
    for (const row of document.querySelectorAll('.mtable-body [role="row"]')) {
      const cells = row.querySelectorAll('[role="cell"]')
      for (const i of [1, 2, 3, 5]) {
        const el = cells[i]
        if (!el) continue
        const inner = [el, ...el.querySelectorAll('a, .tag')]
        for (const e of inner) {
          // Wrapped text that runs out of the row is clipped too.
          if (e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1)
            clipped.push(`${e.textContent} (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`)
        }
      }
    }
    const table = document.querySelector('.mtable')
    return {
      page: [se.scrollWidth, se.clientWidth],
      table: table ? [table.scrollWidth, table.clientWidth] : null,
      clipped,
    }
  })
}

test('the members table fits at 1280×800 and 1024×700, light and dark', async () => {
  const { page } = app
  await loadSampleBoard(page)
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ]) {
      await page.setViewportSize({ width, height })
      await memberRows(page).first().waitFor()
      // Scroll through the whole list so every row is measured.
      const body = page.locator('.mtable-body')
      let seen = 0
      for (;;) {
        const o = await overflow(page)
        assert.ok(o.page[0] <= o.page[1], `${width}×${height} ${scheme}: the page scrolls sideways: ${o.page}`)
        assert.ok(o.table[0] <= o.table[1], `${width}×${height} ${scheme}: the table overflows: ${o.table}`)
        assert.deepEqual(o.clipped, [], `${width}×${height} ${scheme}: clipped cells`)
        seen++
        const more = await body.evaluate((el) => {
          const before = el.scrollTop
          el.scrollTop += el.clientHeight
          return el.scrollTop > before
        })
        if (!more) break
        await page.waitForTimeout(100)
      }
      assert.ok(seen >= 1)
      await body.evaluate((el) => (el.scrollTop = 0))
      await shot(page, `bulk-layout-${width}x${height}-${scheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 820 })
})

function rowOf(page, name) {
  return memberRows(page).filter({ has: page.getByRole('link', { name, exact: true }) })
}

/** The text of the first n drawn rows (the virtualised list draws a varying number). */
async function firstRows(page, n) {
  return (await memberRows(page).allTextContents()).slice(0, n)
}

test('select with click and shift-click, bulk edit every field, undo restores', async () => {
  const { page } = app
  const total = await memberCount(page)
  const before = await firstRows(page, 8)
  const names = ['Aisha Bello', 'Ana Souza', 'Carlos Hernández', 'Daniel Kim']

  await page.getByRole('checkbox', { name: 'Select Aisha Bello' }).click()
  await page.getByRole('checkbox', { name: 'Select Daniel Kim' }).click({ modifiers: ['Shift'] })
  const bar = page.getByRole('region', { name: 'Selection' })
  await bar.getByText('4 members selected').waitFor()
  for (const n of names) assert.ok(await page.getByRole('checkbox', { name: `Select ${n}` }).isChecked(), n)
  assert.equal(await page.getByRole('checkbox', { name: 'Select Emma Lindqvist' }).isChecked(), false)

  // Nothing chosen: a clear error, nothing written.
  await bar.getByRole('button', { name: 'Edit selected' }).click()
  const form = page.getByRole('form', { name: 'Bulk edit' })
  await form.getByRole('button', { name: 'Apply to 4 members' }).click()
  await form.getByRole('alert').filter({ hasText: 'choose at least one change' }).waitFor()
  assert.deepEqual(await firstRows(page, 8), before)

  await form.getByLabel('Set segment').selectOption({ label: 'Wholesale distributors' })
  assert.equal(await form.getByRole('alert').count(), 0, 'the error clears once the form changes')
  await form.getByLabel('Set status').selectOption({ label: 'Active' })
  await form.getByLabel('Add tags').fill('advisory, q3')
  await form.getByLabel('Contact consent').selectOption({ label: 'Granted today' })
  await form.getByLabel('Archive').selectOption({ label: 'Archive' })
  await shot(page, 'bulk-edit-form')
  await form.getByRole('button', { name: 'Apply to 4 members' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Changed 4 members.' })
  await notice.waitFor()
  await expectCount(page, total - 4)
  await shot(page, 'bulk-edit-done')
  assert.equal(await bar.count(), 0, 'the selection is cleared')

  // The four are archived, with every change.
  await page.getByLabel('Archived').selectOption({ label: 'Archived only' })
  await rowOf(page, names[0]).waitFor()
  for (const n of names) {
    const text = await rowOf(page, n).textContent()
    assert.match(text, /Archived/, n)
    assert.match(text, /Wholesale distributors/, n)
    assert.match(text, /Active/, n)
    assert.match(text, /advisory/, n)
    assert.match(text, /q3/, n)
    assert.doesNotMatch(text, /No consent/, n)
  }

  await notice.getByRole('button', { name: 'Undo' }).click()
  await page.getByRole('status').filter({ hasText: 'Restored 4 members.' }).waitFor()
  await rowOf(page, names[0]).waitFor({ state: 'detached' })
  await page.getByLabel('Archived').selectOption({ label: 'Current members' })
  await expectCount(page, total)
  assert.deepEqual(await firstRows(page, 8), before)
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0, 'an edit is undone once')
})

test('select all that match a filter, leave one out, add a tag, undo', async () => {
  const { page } = app
  const total = await memberCount(page)
  await page.getByLabel('Segment').selectOption({ label: 'Restaurants & cafés' })
  await page.waitForFunction((all) => {
    const m = /^(\d+) members? match$/.exec(document.querySelector('.page-meta')?.textContent ?? '')
    return m && Number(m[1]) < all
  }, total)
  const n = await memberCount(page)
  assert.ok(n >= 3 && n <= 10, `restaurant members: ${n}`)
  const before = await firstRows(page, n)

  await page.getByRole('checkbox', { name: `Select all ${n} that match` }).click()
  const bar = page.getByRole('region', { name: 'Selection' })
  await bar.getByText(`${n} members selected (all that match)`).waitFor()
  const left = await memberRows(page).first().getByRole('link').textContent()
  await page.getByRole('checkbox', { name: `Select ${left}` }).click()
  await bar.getByText(`${n - 1} member`).waitFor()

  await bar.getByRole('button', { name: 'Edit selected' }).click()
  const form = page.getByRole('form', { name: 'Bulk edit' })
  await form.getByLabel('Add tags').fill('food service')
  await form.getByRole('button', { name: `Apply to ${n - 1} member` }).click()
  const notice = page.getByRole('status').filter({ hasText: `Changed ${n - 1} member` })
  await notice.waitFor()
  await page.waitForFunction(
    (k) =>
      document.querySelectorAll('.mtable-body .tag').length >= k &&
      [...document.querySelectorAll('.mtable-body .tag')].filter((t) => t.textContent === 'food service').length === k,
    n - 1,
  )
  assert.doesNotMatch(await rowOf(page, left).textContent(), /food service/)

  await notice.getByRole('button', { name: 'Undo' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `Restored ${n - 1} member` })
    .waitFor()
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.mtable-body .tag')].some((t) => t.textContent === 'food service'),
  )
  assert.deepEqual(await firstRows(page, n), before)
})
