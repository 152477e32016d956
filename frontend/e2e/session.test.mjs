// (s) Plan a session from the sample board, run it with the keyboard through
// 5 assumptions × 5 participants, reload mid-run and find every note, finish,
// and see the synthesis and the ledger (counts and map) update.
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

const DECISION = 'Usage-based pricing for the analytics add-on?'
const stanceKeys = ['1', '2', '3', '4']
const stanceWords = ['matches', 'partly', 'does_not_match', 'unsure']
const verdictPlan = ['validated', 'invalidated', 'needs_research', 'invalidated', 'validated']
const verdictLabel = {
  validated: 'Validated',
  invalidated: 'Invalidated',
  needs_research: 'Needs more research',
  untested: 'Untested',
}
const note = (a, p) => `Note ${a + 1}.${p + 1}: uses exports weekly ${'x'.repeat(a)}`
const needs = (a, p) => `Needs ${a + 1}.${p + 1}`
const quote = (a, p) => `Quote ${a + 1}.${p + 1}: "I would pay per report, not per seat."`
const withQuote = (a, p) => (a + p) % 2 === 0

/** The ledger's counts by current verdict, and each assumption's verdict by sentence. */
async function readLedger(page) {
  await page.getByRole('list', { name: 'Assumptions by current verdict' }).waitFor()
  const counts = {}
  for (const v of ['validated', 'invalidated', 'needs_research', 'untested']) {
    counts[v] = Number(await page.locator(`[data-verdict="${v}"]`).textContent())
  }
  const verdicts = {}
  const entries = page
    .getByRole('list', { name: 'Assumptions', exact: true })
    .getByRole('listitem')
    .filter({ has: page.locator('.ledger-head') })
  for (let i = 0; i < (await entries.count()); i++) {
    const e = entries.nth(i)
    verdicts[await e.locator('.ledger-head .assumption-sentence').textContent()] = await e
      .locator('.ledger-head .verdict')
      .textContent()
  }
  return { counts, verdicts }
}

async function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement
    const label = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent
    return `${el?.tagName.toLowerCase()}:${label?.trim()}`
  })
}

test('plan, run with the keyboard, reload mid-run, finish; ledger and map update', async () => {
  const { page } = app
  await loadSampleBoard(page)

  // The ledger before.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('link', { name: 'Assumption ledger' }).click()
  const before = await readLedger(page)

  // Plan: a new session for the pricing decision; the 5 riskiest are suggested.
  await page.getByRole('navigation', { name: 'Sessions' }).getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('button', { name: 'Plan a session' }).click()
  await page.getByRole('heading', { name: 'Plan a session' }).waitFor()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: DECISION })
  await page.getByText('5 chosen').waitFor()
  await page.getByLabel('Title', { exact: true }).fill('Pricing: second round')
  assert.match(await page.getByLabel('Format', { exact: true }).inputValue(), /assumption_testing/)
  await page.getByText('Recommended group size: 4–6 people').waitFor()
  await page.getByLabel('Date', { exact: true }).fill('2026-12-02')
  await page.getByLabel('Start time', { exact: true }).fill('14:00')
  await page.getByLabel('Place or call link').fill('https://meet.example/pricing')
  await page.getByLabel('Facilitator', { exact: true }).fill('Jonas Berg')
  await page.getByLabel('Note taker', { exact: true }).fill('Mara Jensen')
  await page.getByLabel('New prompt, e.g. How might we …').fill('How might we price reports so small teams start?')
  await page.keyboard.press('Enter')
  await page.getByLabel('Prompt 1').waitFor()
  await page.getByRole('button', { name: 'Create session' }).click()
  await page.getByRole('heading', { name: 'Pricing: second round' }).waitFor()
  const chosen = page.getByRole('list', { name: 'Chosen assumptions, in order' }).getByRole('listitem')
  await chosen.nth(4).waitFor()
  assert.equal(await chosen.count(), 5)
  const sentences = []
  for (let i = 0; i < 5; i++) sentences.push((await chosen.nth(i).locator('.check span').first().textContent()).trim())
  // Defaults of the opener come from the backend.
  await page.getByLabel('Opener line 1').waitFor()
  assert.equal(await page.getByLabel('Opener line 1').inputValue(), 'There are no wrong answers.')

  // Participants: 5 people with contact consent.
  await page.getByLabel('Only people with contact consent').check()
  const picker = page.getByRole('table', { name: 'Board members to choose from' })
  const names = []
  for (let n = 1; n <= 5; n++) {
    const box = picker.getByRole('checkbox', { checked: false }).first()
    const label = await box.getAttribute('aria-label')
    names.push(label.replace(/^Choose /, ''))
    await box.check()
    await page.getByText(new RegExp(`^${n} (person|people) chosen$`)).waitFor()
  }
  for (const name of names) {
    assert.equal(
      await picker
        .getByRole('row', { name: new RegExp(name) })
        .getByText('No contact consent')
        .count(),
      0,
    )
  }
  await page.getByRole('list', { name: 'Chosen people by segment' }).waitFor()
  for (const name of names) await page.getByLabel(`State of ${name}`).selectOption('attended')
  await shot(page, 's1-plan')

  // Start: the run view, in focus mode (no navigation).
  await page.getByRole('button', { name: 'Start session' }).click()
  await page.getByText('Assumption 1 of 5').waitFor()
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0)
  await page.getByRole('button', { name: 'Keyboard' }).click()
  await page.getByRole('region', { name: 'Keyboard shortcuts' }).getByText('Next assumption').waitFor()
  await page.getByRole('button', { name: 'Keyboard' }).click()
  // Tick the opener.
  for (const text of ['There are no wrong answers.', 'We want your honest reactions.'])
    await page.getByLabel(text).check()

  const cards = page.getByRole('group', { name: 'Participants' }).locator('section.pcard')
  assert.equal(await cards.count(), 5)

  /** Types one assumption's answers for every participant, by keyboard only. */
  async function answer(a) {
    assert.equal((await page.locator('.run-sentence').textContent()).trim(), sentences[a])
    // From the assumption's heading: verdict, rationale, confidence, then the first card.
    await page.locator('.run-sentence').focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    for (let p = 0; p < 5; p++) {
      assert.match(await focusedName(page), /^input:/, `a${a} p${p}: on a stance radio`)
      const s = (a + p) % 4
      await page.keyboard.press(stanceKeys[s])
      await page.keyboard.press('Tab')
      assert.equal(await focusedName(page), 'textarea:What would need to be true')
      await page.keyboard.type(needs(a, p))
      await page.keyboard.press('Tab') // confusion
      if (p % 2 === 0) await page.keyboard.press('Space')
      await page.keyboard.press('Tab') // excitement
      if (p % 3 === 0) await page.keyboard.press('Space')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      assert.equal(await focusedName(page), 'textarea:Notes')
      await page.keyboard.type(note(a, p))
      await page.keyboard.press('Tab')
      if (withQuote(a, p)) {
        await page.keyboard.press('Enter') // Add quote: the caret lands in it
        assert.match(await focusedName(page), /^textarea:Quote 1 from/)
        await page.keyboard.type(quote(a, p))
        await page.keyboard.press('Tab') // Remove
        await page.keyboard.press('Tab') // Add quote
      }
      await page.keyboard.press('Tab') // next card
    }
    // Every stance is on screen.
    for (let p = 0; p < 5; p++) {
      const s = (a + p) % 4
      assert.ok(await cards.nth(p).locator(`input[value="${stanceWords[s]}"]`).isChecked(), `a${a} p${p} stance`)
    }
    // Rate it: Alt+V jumps to the verdict.
    await page.keyboard.press('Alt+v')
    const v = ['validated', 'invalidated', 'needs_research'].indexOf(verdictPlan[a])
    if (v === 0) await page.keyboard.press('Space')
    for (let i = 0; i < v; i++) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Tab')
    assert.equal(await focusedName(page), 'textarea:Rationale')
    await page.keyboard.type(`Rated ${verdictPlan[a]} after ${a + 1}`)
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowRight') // confidence 3 -> 4
    assert.ok(await page.getByRole('radio', { name: verdictLabel[verdictPlan[a]], exact: true }).isChecked())
    assert.ok(await page.getByRole('radio', { name: 'Confidence 4 of 5' }).isChecked())
  }

  async function expectTyped(a) {
    await page.getByText(`Assumption ${a + 1} of 5`).waitFor()
    for (let p = 0; p < 5; p++) {
      const card = cards.nth(p)
      assert.equal(await card.getByLabel('Notes').inputValue(), note(a, p), `note ${a}.${p} kept`)
      assert.equal(await card.getByLabel('What would need to be true').inputValue(), needs(a, p))
      assert.ok(await card.locator(`input[value="${stanceWords[(a + p) % 4]}"]`).isChecked())
      assert.equal(await card.getByRole('checkbox', { name: 'Confusion' }).isChecked(), p % 2 === 0)
      if (withQuote(a, p))
        assert.equal(await card.getByRole('textbox', { name: /^Quote 1 from/ }).inputValue(), quote(a, p))
    }
    assert.ok(await page.getByRole('radio', { name: verdictLabel[verdictPlan[a]], exact: true }).isChecked())
    assert.equal(await page.getByLabel('Rationale').inputValue(), `Rated ${verdictPlan[a]} after ${a + 1}`)
  }

  for (let a = 0; a < 3; a++) {
    await answer(a)
    if (a === 0) {
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor()
      await page.locator('.run-nav').evaluate((el) => el.scrollIntoView())
      await shot(page, 's2-run-view')
    }
    if (a < 2) {
      await page.keyboard.press('Alt+ArrowRight')
      await page.getByText(`Assumption ${a + 2} of 5`).waitFor()
      assert.equal(await focusedName(page), `h2:${sentences[a + 1]}`)
    }
  }

  // Reload mid-run, straight after the last keystroke: nothing is lost, and
  // the run opens at the same assumption.
  await page.reload()
  await page.getByText('Assumption 3 of 5').waitFor()
  await expectTyped(2)
  await page.keyboard.press('Alt+Home')
  await expectTyped(0)
  await page.keyboard.press('Alt+ArrowRight')
  await expectTyped(1)
  await page.keyboard.press('Alt+ArrowRight')
  await page.keyboard.press('Alt+ArrowRight')
  await page.getByText('Assumption 4 of 5').waitFor()
  await answer(3)
  await page.keyboard.press('Alt+ArrowRight')
  await page.getByText('Assumption 5 of 5').waitFor()
  await answer(4)
  // The live tally reflects the stances of assumption 5: (4+p)%4 -> 0,1,2,3,0.
  await page.getByText('2 matches, 1 partly, 1 does not match, 1 unsure').waitFor()
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor()
  await page.locator('.run-bar').evaluate((el) => el.scrollIntoView())
  await shot(page, 's3-run-view-last')

  // Finish: everyone answered, so the dialog counts all 5 as attended; the synthesis.
  await page.getByRole('button', { name: 'Finish session' }).click()
  const finish = page.getByRole('dialog', { name: 'Finish the session?' })
  await finish.getByRole('status').getByText('5 attendees, 0 no-shows').waitFor()
  await finish.getByRole('button', { name: 'Confirm and finish' }).click()
  await page.getByRole('heading', { name: 'Synthesis: Pricing: second round' }).waitFor()
  assert.ok(await page.getByRole('navigation', { name: 'Main' }).isVisible(), 'navigation back after the run')
  // Untagged: every quote, note and need, quotes first.
  const untagged = page.getByRole('list', { name: 'Untagged' })
  const nQuotes = [0, 1, 2, 3, 4].flatMap((a) => [0, 1, 2, 3, 4].filter((p) => withQuote(a, p))).length
  assert.equal(
    await untagged
      .getByRole('listitem')
      .filter({ has: page.locator('blockquote') })
      .count(),
    nQuotes,
  )
  const tag = page.getByLabel(/^Themes of the quote “Quote 1\.1/)
  await tag.fill('per-report pricing, trust')
  await tag.press('Enter')
  await page.getByRole('region', { name: 'Theme per-report pricing' }).waitFor()
  await page.getByRole('region', { name: 'Theme trust' }).waitFor()
  assert.equal(
    await untagged
      .getByRole('listitem')
      .filter({ has: page.locator('blockquote') })
      .count(),
    nQuotes - 1,
  )
  await page.getByRole('radio', { name: 'By segment' }).check()
  await page
    .getByRole('region', { name: /^Segment / })
    .first()
    .waitFor()
  await page.getByRole('radio', { name: 'By theme' }).check()
  await page.getByLabel('Opportunity', { exact: true }).fill('How might we let small teams pay per report?')
  await page.getByRole('button', { name: 'Add opportunity' }).click()
  await page.getByRole('checkbox', { name: 'Pick: How might we let small teams pay per report?' }).check()
  await page.getByLabel('Action', { exact: true }).fill('Draft a per-report price sheet')
  await page.getByLabel('Owner', { exact: true }).fill('Jonas Berg')
  await page.getByRole('button', { name: 'Add action' }).click()
  await page.getByRole('checkbox', { name: 'Draft a per-report price sheet' }).waitFor()
  await page.getByRole('heading', { name: 'Quotes and notes' }).evaluate((el) => {
    const main = document.getElementById('main')
    main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16
  })
  await shot(page, 's4-synthesis')

  // The ledger: each tested assumption shows the new verdict; counts move accordingly.
  await page.getByRole('link', { name: 'Assumption ledger' }).first().click()
  await page.getByRole('heading', { name: 'Assumption ledger' }).waitFor()
  const after = await readLedger(page)
  const expected = { ...before.counts }
  sentences.forEach((s, i) => {
    const old = Object.entries(verdictLabel).find(([, l]) => l === before.verdicts[s])[0]
    expected[old]--
    expected[verdictPlan[i]]++
  })
  assert.deepEqual(after.counts, expected)
  assert.notDeepEqual(after.counts, before.counts)
  sentences.forEach((s, i) => assert.equal(after.verdicts[s], verdictLabel[verdictPlan[i]], s))
  // The map: each point named by its sentence, coloured by its new verdict.
  const map = page.getByRole('group', { name: /Importance × evidence/ })
  for (let i = 0; i < 5; i++) {
    const point = map.getByRole('button', { name: sentences[i], exact: true })
    assert.match(await point.getAttribute('class'), new RegExp(`pt-${verdictPlan[i]}`))
  }
  // Filter by verdict.
  await page.getByRole('combobox', { name: /^Verdict/ }).selectOption('invalidated')
  await page.getByText(`${expected.invalidated} assumption${expected.invalidated === 1 ? '' : 's'} match`).waitFor()
  await page.getByRole('combobox', { name: /^Verdict/ }).selectOption('')
  await page.getByText(/^\d+ assumptions$/).waitFor()
  const point = map.getByRole('button', { name: sentences[0], exact: true })
  await point.focus()
  await page.keyboard.press('Enter')
  assert.equal(await point.getAttribute('aria-pressed'), 'true')
  await page.locator('.ledger-layout').scrollIntoViewIfNeeded()
  await shot(page, 's5-ledger')

  // The member's page lists the session and their quote.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await page.getByRole('link', { name: names[0] }).click()
  const sessions = page.getByRole('region', { name: 'Sessions' })
  await sessions.getByRole('link', { name: 'Pricing: second round' }).waitFor()
  await sessions.getByText(quote(0, 0)).waitFor()
  assert.deepEqual(app.errors, [])
})
