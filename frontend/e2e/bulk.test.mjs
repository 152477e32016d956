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
