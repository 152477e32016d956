// (l) What customers read is written for customers: on a finished sample
// session's synthesis, rewrite what we tell participants about a verdict,
// see the share-back draft use that line and none of the team's rationale;
// then save the "You said, we did" letters from the Reports page as a .zip
// and find one letter PDF per participant, each with the line, no
// rationale and no report furniture.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
const ABOUT = 'share their catalogue with us as a CSV file'
const SUGGESTED = "We learned this doesn't hold: wholesale distributors share their catalogue with us as a CSV file."
const LINE = 'We will read the PDF price lists you already get, so nobody has to chase a distributor for a file.'
// The team's own words in the sample data: verdict rationales and the decision log's reasons.
const RATIONALE = [
  "Shop owners don't expect distributors to change",
  'Plan for reading PDFs instead of asking',
  'All four prefer to start alone',
  'Setting up alone is wanted',
  'Before committing to self-serve',
]
const flat = (s) => s.replace(/\s+/g, ' ')

test('tell participants a line of your own, and save their letters as a .zip of PDFs', async () => {
  const { page } = app
  await loadSampleBoard(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Sessions' }).click()
  await page
    .getByRole('row', { name: new RegExp(SESSION) })
    .getByRole('link', { name: /^Synthesis/ })
    .click()
  await page.getByRole('heading', { name: `Synthesis: ${SESSION}` }).waitFor()

  // The share-back of an invalidated assumption opens on the suggested line in plain words.
  await page.getByRole('button', { name: `Propose share-back for ${ABOUT}` }).click()
  const group = page.getByRole('group', { name: `Share-back for ${ABOUT}` })
  const tell = group.getByRole('textbox', { name: 'What we tell participants' })
  await tell.waitFor()
  assert.equal(await tell.inputValue(), SUGGESTED)
  const draft = group.locator('.draft-text').first()
  await group.getByText('Drafted message').first().click()
  assert.ok(flat(await draft.textContent()).includes(SUGGESTED), 'the draft says the suggested line')

  // Rewrite it: the drafts are made again with the new line, and never carry the rationale.
  await tell.fill(LINE)
  await group.getByRole('button', { name: 'Save line' }).click()
  await group.getByRole('status').filter({ hasText: 'Saved; the drafts below use it.' }).waitFor()
  await group.getByText(LINE).first().waitFor()
  const drafts = group.locator('.draft-text')
  const n = await drafts.count()
  assert.ok(n > 0, 'someone spoke to the assumption')
  for (let i = 0; i < n; i++) {
    const text = flat(await drafts.nth(i).textContent())
    assert.ok(text.includes(LINE), `draft ${i + 1} says the new line:\n${text}`)
    assert.ok(!text.includes("doesn't hold"), `draft ${i + 1} still says the suggestion`)
    for (const r of RATIONALE) assert.ok(!text.includes(r), `draft ${i + 1} carries the rationale "${r}"`)
    assert.ok(!text.includes(SESSION), `draft ${i + 1} carries the session's working title`)
    assert.ok(!/[“”]{2}|"“|”"/.test(text), `draft ${i + 1} quotes a quote twice`)
    assert.ok(!/[^.]\.\.(?!\.)/.test(text), `draft ${i + 1} ends a sentence twice`)
    // A greeting may hold spaces: 山田 花子 is greeted by her whole name.
    assert.match(text, /^Hi [^,]+, [A-Z]/, `draft ${i + 1} starts the letter with a capital after the greeting`)
  }
  await shot(page, 'l1-tell-line')

  // The Reports page: letters, one PDF per participant, as a .zip.
  await nav.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('radio', { name: /You said, we did/ }).check()
  await page.getByLabel('Session', { exact: true }).selectOption({ label: `${SESSION} (finished)` })
  const preview = page.getByRole('region', { name: 'Preview' })
  const lettersRow = preview.getByRole('row', { name: /Letters, one per participant/ })
  await lettersRow.waitFor()
  const people = Number((await lettersRow.getByRole('cell').first().textContent()).trim())
  assert.ok(people >= 3, `the sample session had several participants, got ${people}`)
  const zipChoice = preview.getByRole('radio', { name: 'One PDF per participant, as a .zip' })
  assert.ok(await zipChoice.isChecked(), 'a .zip of PDFs is the default')
  assert.equal(await preview.getByRole('radio', { name: /into a folder/ }).count(), 0, 'no folder in browser mode')
  await shot(page, 'l2-letters-zip')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download .zip' }).click(),
  ])
  assert.match(download.suggestedFilename(), /\.zip$/)
  await preview
    .getByRole('status')
    .filter({ hasText: /^Downloaded .+\.zip \(\d+ KB\)$/ })
    .waitFor()

  const dir = mkdtempSync(join(tmpdir(), 'sb-letters-'))
  try {
    execFileSync('unzip', ['-q', await download.path(), '-d', dir])
    const files = readdirSync(dir).sort()
    assert.equal(files.length, people, `one PDF per participant: ${files.join(', ')}`)
    for (const f of files) {
      assert.match(f, /^[^/\\:*?"<>|]+\.pdf$/, `a clean file name: ${f}`)
      const text = execFileSync('pdftotext', ['-layout', join(dir, f), '-'], { encoding: 'utf8' })
      const one = flat(text)
      const name = f.replace(/\.pdf$/, '')
      // Chinese, Japanese and Korean names are greeted in full, others by the first word.
      const dear = /Dear ([^,]+),/.exec(one)?.[1]
      assert.ok(dear === name || dear === name.split(' ')[0], `${f} is a letter to ${name}, not ${dear}`)
      assert.ok(!one.includes('[?]'), `${f} prints every character of its names`)

      assert.ok(one.includes(LINE), `${f} says the line we tell participants`)
      for (const r of RATIONALE) assert.ok(!one.includes(r), `${f} carries the rationale "${r}"`)
      assert.ok(!one.includes(SESSION), `${f} carries the session's working title`)
      assert.ok(!/Page \d+ of \d+|Generated/.test(one), `${f} has report furniture`)
      assert.ok(!/Invalidated|Validated/.test(one), `${f} says a verdict as a label`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  assert.deepEqual(app.errors, [])
})

test('a decision tells participants a line of its own, not its reasons', async () => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('link', { name: 'Decisions' }).click()
  await page
    .getByRole('table', { name: 'Decisions' })
    .getByRole('link', { name: 'Usage-based pricing for the analytics add-on?' })
    .click()
  await page.getByRole('button', { name: 'Propose share-back for this decision' }).click()
  const group = page.getByRole('group', { name: 'Share-back for this decision' })
  const tell = group.getByRole('textbox', { name: 'What we tell participants' })
  await tell.waitFor()
  assert.equal(await tell.inputValue(), "On “Usage-based pricing for the analytics add-on?”, we're changing direction.")
  const line = 'We will offer volume tiers with one known price a month, and a short monthly summary by email.'
  await tell.fill(line)
  await group.getByRole('button', { name: 'Save line' }).click()
  await group.getByRole('status').filter({ hasText: 'Saved; the drafts below use it.' }).waitFor()
  await group.getByText('Drafted message').first().click()
  const text = flat(await group.locator('.draft-text').first().textContent())
  assert.ok(text.includes(line), `the draft says the decision's line:\n${text}`)
  assert.ok(!text.includes('Paying per order fits online-first brands only'), 'the draft carries the reasons')
  // Back to the suggestion.
  await group.getByRole('button', { name: 'Back to the suggestion' }).click()
  await group.getByRole('button', { name: 'Back to the suggestion' }).waitFor({ state: 'detached' })
  assert.match(await tell.inputValue(), /^On “Usage-based pricing/)
  assert.deepEqual(app.errors, [])
})
