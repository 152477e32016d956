// (s) The synthesis across a workshop's activities: open the sample
// problem-mapping session's synthesis, find the top pain point with its
// dots and the reactions next to the facts, tag a journey note by
// keyboard, turn an opportunity into a hypothesis and find it on the
// decision; a "needs more research" verdict proposes the next session.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { loadSampleBoard } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
  await loadSampleBoard(app.page)
})
after(async () => {
  await app?.close()
})

const go = (page, path) => page.evaluate((p) => (window.location.hash = p), path)

/** Opens the synthesis of a sample session from the sessions list. */
async function openSynthesis(page, title) {
  await go(page, '#/sessions')
  const table = page.getByRole('table')
  const load = page.getByRole('button', { name: 'Load sample sessions' })
  await table.or(load).first().waitFor()
  if (await load.isVisible()) {
    await load.click()
  }
  await page
    .getByRole('row', { name: new RegExp(title) })
    .getByRole('link', { name: 'Synthesis' })
    .click()
  await page.getByRole('heading', { name: `Synthesis: ${title}` }).waitFor()
}

test('synthesis across a workshop: facts, reactions, tagging, hypotheses', async () => {
  const { page, errors } = app
  await openSynthesis(page, 'Supplier onboarding: where it hurts')

  // The top pain point, with its dots, attributed and placed.
  const pains = page.getByRole('region', { name: 'Top pain points' }).getByRole('listitem')
  const top = pains.first()
  await top.waitFor()
  const topText = await top.textContent()
  assert.match(topText, /^Price lists arrive as PDFs I retype by hand 4 dots/)
  assert.match(topText, /Zoë Durand, Independent retailers · journey note in Walk the journey · Get the price list/)
  assert.equal(await pains.count(), 5, 'the top 5 of 8 pain points')

  // The reactions of each activity, next to its facts.
  const reactions = page.getByRole('list', { name: 'Reactions per activity' }).getByRole('listitem')
  assert.match(
    await reactions.filter({ hasText: 'Walk the journey' }).textContent(),
    /3 frustration · 1 confusion · 1 excitement/,
  )
  assert.match(await reactions.filter({ hasText: 'How much it matters' }).textContent(), /no reactions noted/)
  assert.match(
    await page.getByRole('region', { name: 'Ratings' }).textContent(),
    /How much time does keeping prices current cost you\? 3\.8 of 5/,
  )

  // Tag a journey note by keyboard: it joins a new theme with its segment.
  const note = 'Every supplier uses different units (kg, crate, piece)'
  const untagged = page.getByRole('list', { name: 'Untagged' })
  const item = untagged.getByRole('listitem').filter({ hasText: note })
  assert.match(
    await item.textContent(),
    /Ελένη Παπαδοπούλου, Restaurants & cafés · Note · Walk the journey · Get the price list/,
  )
  const tags = page.getByLabel(`Themes of the note “${note}”`, { exact: true })
  await tags.focus()
  await page.keyboard.type('Units')
  await page.keyboard.press('Enter')
  const theme = page.getByRole('region', { name: 'Theme Units' })
  await theme.getByText(note).waitFor()
  assert.match(await theme.textContent(), /Restaurants & cafés: 1/)
  assert.equal(await untagged.getByText(note).count(), 0, 'the tagged note left the untagged list')
  await shot(page, 'synthesis-workshops')

  // The top pain point becomes an opportunity that names where it came from.
  await top
    .getByRole('button', { name: 'Make an opportunity of “Price lists arrive as PDFs I retype by hand”' })
    .click()
  await page
    .getByRole('table', { name: 'Opportunities' })
    .getByText('From: Price lists arrive as PDFs I retype by hand')
    .waitFor()

  // An opportunity, its status, and the hypothesis it becomes.
  const hmw = 'How might we read suppliers’ PDFs for them?'
  const add = page.getByRole('form', { name: 'Add an opportunity' })
  await add.getByLabel('Opportunity').fill(hmw)
  await add.getByRole('button', { name: 'Add opportunity' }).click()
  const status = page.getByRole('combobox', { name: `Status: ${hmw}` })
  await status.selectOption('prototyping')
  await page.waitForFunction(
    (name) => document.querySelector(`select[aria-label="${name}"]`)?.value === 'prototyping',
    `Status: ${hmw}`,
  )
  await page.getByRole('button', { name: `Turn into a hypothesis: ${hmw}` }).click()
  const form = page.getByRole('form', { name: `Turn into a hypothesis: ${hmw}` })
  assert.equal(await form.getByLabel('will (behavior)').inputValue(), 'read suppliers’ PDFs for them')
  await form.getByLabel('We believe (customers)').fill('independent retailers')
  await form.getByRole('button', { name: 'Add to the decision' }).click()
  await form.getByRole('alert').filter({ hasText: 'reason' }).waitFor() // the reason is required
  await form.getByLabel('because (reason)').fill('retyping them costs a Sunday a week')
  await form.getByRole('button', { name: 'Add to the decision' }).click()
  const sentence =
    'We believe independent retailers will read suppliers’ PDFs for them because retyping them costs a Sunday a week.'
  await page.getByRole('link', { name: sentence }).click()

  // On the decision: the new assumption, with where it came from.
  const row = page.locator('.assumption-body').filter({ hasText: sentence })
  await row.waitFor()
  assert.match(
    await row.textContent(),
    new RegExp(`From the opportunity “${hmw.replace('?', '\\?')}” of Supplier onboarding: where it hurts`),
  )
  // The ledger names it too.
  await go(page, '#/sessions/assumptions')
  const entry = page.locator('.ledger-entry').filter({ hasText: sentence })
  await entry.getByText(`From the opportunity “${hmw}” of Supplier onboarding: where it hurts`).waitFor()
  assert.deepEqual(errors, [])
})

test('a needs-research verdict proposes the next session, planned in a click', async () => {
  const { page, errors } = app
  await openSynthesis(page, 'Supplier onboarding: assumption test')
  const next = page.getByRole('region', { name: 'Next tests' })
  const first = next.getByRole('listitem').first()
  await first.waitFor()
  assert.match(await first.textContent(), /To learn whether .+ will .+, we will .+ with .+ and look for .+\./)
  const format = /Prototype testing/.test(await first.textContent()) ? 'prototype_testing' : 'assumption_testing'
  await first.getByRole('button', { name: /^Plan a / }).click()
  await page.getByRole('heading', { name: 'Plan a session' }).waitFor()
  // The heading draws before the formats arrive: wait for the select to hold one.
  const select = await page.getByLabel('Format').elementHandle()
  await page.waitForFunction((el) => el.value !== '', select)
  assert.equal(await page.getByLabel('Format').inputValue(), format)
  assert.deepEqual(errors, [])
})
