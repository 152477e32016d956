// Rewards at a session and the company's own people in the room: plan a
// session with three participants, list internal attendees until they
// outnumber the customers, set a reward budget, promise and give rewards
// past it, mark a promise given, and find the reward on the member's
// history, naming the session.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { loadSampleBoard, planSession } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const DECISION = 'Usage-based pricing for the analytics add-on?'
const TITLE = 'Pricing: who is in the room'

test('internal attendees warn when they outnumber customers; rewards count against the budget', async () => {
  const { page, errors } = app
  await loadSampleBoard(page)

  // A session with three participants: two expected, one no-show.
  const names = await planSession(page, { decision: DECISION, title: TITLE, n: 3 })
  await page.getByLabel(`State of ${names[0]}`).selectOption('attended')
  await page.getByLabel(`State of ${names[2]}`).selectOption('no_show')

  // Internal attendees: two colleagues for two customers is fine, three is not.
  const people = page.getByRole('region', { name: 'Internal attendees' })
  await people.getByText('0 colleagues from the company, 2 customers expected.').waitFor()
  const addAttendee = async (name, role) => {
    await people.getByLabel('Name', { exact: true }).fill(name)
    await people.getByLabel('Role', { exact: true }).selectOption(role)
    await people.getByRole('button', { name: 'Add attendee' }).click()
    await people.getByRole('listitem').filter({ hasText: name }).waitFor()
  }
  await addAttendee('Dana Lee', 'sales')
  await addAttendee('Eli Park', 'product')
  await people.getByText('2 colleagues from the company, 2 customers expected.').waitFor()
  assert.equal(await people.getByRole('alert').count(), 0, 'no warning while level')
  await addAttendee('Fay Moss', 'support')
  const outnumbered = people.getByRole('alert')
  await outnumbered.waitFor()
  assert.match(await outnumbered.textContent(), /outnumber the customers \(3 internal attendees, 2 customers\)/)
  assert.equal(await people.getByLabel('Role of Fay Moss').inputValue(), 'support')
  // The no-show turns up after all: three customers, no warning.
  await page.getByLabel(`State of ${names[2]}`).selectOption('attended')
  await people.getByText('3 colleagues from the company, 3 customers expected.').waitFor()
  assert.equal(await people.getByRole('alert').count(), 0)
  // A blank name is refused by the backend, naming the field.
  await people.getByLabel('Name', { exact: true }).fill('   ')
  await people.getByRole('button', { name: 'Add attendee' }).click()
  await people.getByRole('alert').filter({ hasText: 'name is required' }).waitFor()
  await people.getByRole('button', { name: 'Remove Fay Moss' }).click()
  await people.getByText('2 colleagues from the company, 3 customers expected.').waitFor()

  // Rewards: a budget of 100 EUR.
  const rewards = page.getByRole('region', { name: 'Rewards', exact: true })
  await rewards.getByText('Promised 0.00 · given 0.00 · no budget set').waitFor()
  await rewards.getByLabel('Budget', { exact: true }).fill('100')
  await rewards.getByLabel('Currency', { exact: true }).fill('eur')
  await rewards.getByRole('button', { name: 'Save budget' }).click()
  await rewards.getByText('Promised 0.00 EUR · given 0.00 EUR · 100.00 EUR left of 100.00 EUR').waitFor()

  const reward = async (to, what, value, button) => {
    await rewards.getByLabel('To', { exact: true }).selectOption({ label: to })
    await rewards.getByLabel('Reward', { exact: true }).fill(what)
    await rewards.getByLabel('Value (EUR)').fill(value)
    await rewards.getByRole('button', { name: button, exact: true }).click()
  }
  // Bad input is refused with the field named, and nothing is written.
  await reward(names[0], '', '10', 'Promise')
  await rewards.getByRole('alert').filter({ hasText: 'what is required' }).waitFor()
  await reward(names[0], 'Gift card', 'ten', 'Promise')
  await rewards.getByRole('alert').filter({ hasText: 'Value must be a number' }).waitFor()
  await rewards.getByText('Promised 0.00 EUR · given 0.00 EUR · 100.00 EUR left of 100.00 EUR').waitFor()

  await reward(names[0], 'Gift card', '60', 'Promise')
  await rewards.getByText('Promised 60.00 EUR · given 0.00 EUR · 40.00 EUR left of 100.00 EUR').waitFor()
  await reward(names[1], 'Book', '50', 'Give now')
  await rewards.getByText('Promised 60.00 EUR · given 50.00 EUR · 10.00 EUR over the budget of 100.00 EUR').waitFor()
  const over = rewards.getByRole('alert').filter({ hasText: 'over the budget' })
  assert.equal(
    (await over.textContent()).trim(),
    'Promised and given rewards come to 110.00 EUR, over the budget of 100.00 EUR by 10.00 EUR.',
  )
  const row = rewards.getByRole('row', { name: new RegExp(names[0]) })
  assert.match(await row.textContent(), /Gift card · 60\.00 EUR · promised/)
  await shot(page, 'extras-1-plan')

  // Mark the promise given; the totals move, the page reloaded keeps it all.
  await rewards.getByRole('button', { name: `Mark given: Gift card for ${names[0]}` }).click()
  await rewards.getByText('Promised 0.00 EUR · given 110.00 EUR · 10.00 EUR over the budget of 100.00 EUR').waitFor()
  await page.reload()
  await page.getByRole('heading', { name: TITLE }).waitFor()
  await rewards.getByText('Promised 0.00 EUR · given 110.00 EUR · 10.00 EUR over the budget of 100.00 EUR').waitFor()
  assert.equal(await rewards.getByLabel('Budget', { exact: true }).inputValue(), '100.00')
  await people.getByText('2 colleagues from the company, 3 customers expected.').waitFor()

  // The member's history names the session.
  await page.getByRole('link', { name: names[0], exact: true }).first().click()
  const history = page.getByRole('region', { name: 'History' })
  const item = history.getByRole('listitem').filter({ hasText: TITLE })
  await item.waitFor()
  assert.match(await item.textContent(), new RegExp(`Gift card60\\.00 EUR · session "${TITLE}"`))
  assert.deepEqual(errors, [])
})
