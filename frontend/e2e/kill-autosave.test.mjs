// (k) A journey-board note survives a crash: typed in the run view, the
// `serve` process is killed with SIGKILL right after the autosave answered
// (no shutdown, no WAL checkpoint), restarted on the same database file,
// and the note is there, on the activity the run was on.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { loadSampleBoard } from './helpers.mjs'
import { launchBrowser, startServer } from './server.mjs'
import { caretInTextarea, plan, press, runTo } from './workshop-steps.mjs'

const dir = mkdtempSync(join(tmpdir(), 'sb-kill-'))
const db = join(dir, 'kill.db')
const servers = []
let browser
after(async () => {
  await browser?.close().catch(() => {})
  for (const s of servers) await s.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('a journey-board note autosaved just before a SIGKILL is there after a restart', async () => {
  const first = await startServer({ db })
  servers.push(first)
  browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e))
  await page.goto(first.url)
  await loadSampleBoard(page)

  const [ana] = await plan(page, 'Crash-proof journey', 'problem_mapping', 'Walk the journey')
  await press(page.getByRole('button', { name: 'Start session' }))
  await page.getByRole('navigation', { name: 'Agenda' }).waitFor()
  await runTo(page, 'Walk the journey')

  await page.getByLabel('Writing and voting as').selectOption({ label: ana })
  const text = 'Pricing page hides the per-report option'
  const discover = page.getByRole('region', { name: 'Discover', exact: true })
  // The autosave that carries the whole note: the kill comes the moment it is answered.
  const savedNote = page.waitForResponse(
    (r) => r.url().includes('/rpc/activity.Agendas.SaveEntry') && (r.request().postData() ?? '').includes(text),
  )
  await press(discover.getByRole('button', { name: new RegExp(`^Add note from ${ana}`) }))
  await caretInTextarea(page)
  await page.keyboard.type(text)
  const res = await savedNote
  assert.equal(res.status(), 200, 'the autosave was answered')
  const route = new URL(page.url()).hash
  await first.kill()

  // Restarted on the same file: the run opens on the journey board with the note.
  const second = await startServer({ db })
  servers.push(second)
  await page.goto(second.url)
  await page.goto(new URL(route, page.url()).href)
  await page.getByRole('heading', { name: 'Walk the journey', level: 2 }).waitFor()
  const col = page.getByRole('region', { name: 'Discover', exact: true })
  await col.getByText(ana).first().waitFor()
  const values = await col.getByRole('textbox').evaluateAll((els) => els.map((e) => e.value))
  assert.ok(values.includes(text), `the note is in Discover: ${JSON.stringify(values)}`)
  assert.deepEqual(errors, [])
})
