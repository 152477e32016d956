// Retakes the README's tour screenshots from the sample board, in Chromium
// against `soundingboard serve` (SB_BIN names the binary):
//   node e2e/tour.mjs OUTDIR
// `make screenshots` runs it (with the window and a report page beside it).
import { join, resolve } from 'node:path'
import { loadSampleBoard } from './helpers.mjs'
import { openApp } from './server.mjs'

const out = resolve(process.argv[2] ?? '../docs')
const app = await openApp()
try {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await loadSampleBoard(page)
  const nav = page.getByRole('navigation', { name: 'Main' })

  await nav.getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('link', { name: 'Assumption ledger' }).click()
  await page.getByRole('list', { name: 'Assumptions by current verdict' }).waitFor()
  await page.screenshot({ path: join(out, 'ledger.png') })

  await nav.getByRole('link', { name: 'Follow-ups' }).click()
  await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor()
  await page.waitForTimeout(300) // the closure rate arrives after the list
  await page.screenshot({ path: join(out, 'followups.png') })
} finally {
  await app.close()
}
