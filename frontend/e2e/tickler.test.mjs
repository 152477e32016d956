// (f10) Follow-ups that stay calm: on the sample board (many reminders,
// twenty or so overdue) the tickler opens on what is overdue, oldest
// first; a session's chain is one group with its steps and counts; snooze
// on a reminder due tomorrow offers only later times (and the backend
// refuses an earlier one); the sidebar holds one due notice whose count
// follows what is done.
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

const CHAIN = 'Analytics pricing: assumption test'

const tabs = (page) => page.getByRole('navigation', { name: 'Tickler views' })
const tab = (page, label) => tabs(page).getByRole('link', { name: new RegExp(`^${label} \\d`) })
const countOf = async (page, label) => Number((await tab(page, label).textContent()).replace(/[^\d]/g, ''))

/** YYYY-MM-DD of today plus days, on this machine's calendar (the server's too). */
function day(days) {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

test('the tickler opens on overdue, groups a chain, snoozes only later, and keeps one due notice', async () => {
  const { page } = app
  await loadSampleBoard(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  const followups = nav.getByRole('link', { name: /^Follow-ups\s*,\s*\d+ due$/ })
  await followups.waitFor()
  const badge = Number((await followups.textContent()).replace(/[^\d]/g, ''))

  // The sample's reminders fell due: one notice in the sidebar, not one per reminder.
  await page.reload()
  const notices = page.getByRole('region', { name: 'Due reminders' })
  await notices.getByText(`${badge} follow-ups due`, { exact: true }).waitFor()
  await notices.getByText(/^New: .+; and \d+ more$/).waitFor()
  assert.equal(await notices.getByRole('link', { name: 'Open follow-ups' }).count(), 1)
  assert.equal(await notices.getByRole('button', { name: /^Dismiss/ }).count(), 1)
  assert.equal(await notices.getByRole('listitem').count(), 0, 'no notice per reminder')
  await shot(page, 'f10-1-due-notice')

  // The tickler opens on what is overdue, not on today.
  await followups.click()
  await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor()
  const overdueList = page.getByRole('list', { name: 'Overdue reminders' })
  await overdueList.waitFor()
  const overdue = await countOf(page, 'Overdue')
  assert.ok(overdue >= 15, `the sample has many overdue (${overdue})`)
  assert.ok((await countOf(page, 'Today')) > 0, 'and some due today')
  assert.equal(await tabs(page).locator('a[aria-current="page"]').textContent(), `Overdue${overdue}`)
  // Oldest first: the due times down the list (a group at its first step) never go back.
  const dues = await overdueList
    .locator(':scope > li')
    .evaluateAll((els) => els.map((e) => e.querySelector('time[datetime]')?.dateTime ?? ''))
  const instants = dues.map((d) => Date.parse(d))
  assert.deepEqual(
    instants,
    [...instants].sort((a, b) => a - b),
    `overdue oldest first: ${dues.join(' ')}`,
  )

  // A session's chain is one group with its steps and counts, not a card per person.
  const top = overdueList.locator(':scope > li')
  assert.ok((await top.count()) < overdue / 2, `${await top.count()} entries for ${overdue} overdue reminders`)
  const group = overdueList.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: `Follow-up chain: ${CHAIN}`, level: 3 }),
  })
  const meta = (await group.locator('.rem-meta').first().textContent()).replace(/\s+/g, ' ')
  assert.match(meta, /^\d+ done · \d+ open · \d+ overdue$/, meta)
  const [done0, open0, late0] = meta.match(/\d+/g).map(Number)
  const steps = group.getByRole('list', { name: `Steps of ${CHAIN}` })
  await steps.getByText('Session feedback').waitFor()
  await steps.getByText('for 4 people').first().waitFor()
  const show = group.getByRole('button', { name: new RegExp(`^Show (\\d+) reminders of ${CHAIN}$`) })
  const n = Number((await show.textContent()).match(/\d+/)[0])
  assert.ok(n >= 6, `the chain's overdue reminders (${n})`)
  assert.equal(await group.getByRole('heading', { level: 4 }).count(), 0, 'collapsed')
  await show.click()
  const members = group.getByRole('list', { name: `Reminders of ${CHAIN}` })
  await members.waitFor()
  assert.equal(await members.getByRole('heading', { level: 4 }).count(), n)
  await shot(page, 'f10-2-chain-group')

  // Complete one of the chain's reminders: the group stays open, the counts and the notice follow.
  const first = members.locator(':scope > li').first()
  const done = (await first.getByRole('heading', { level: 4 }).textContent()).trim()
  await first.getByRole('button', { name: `Complete ${done}` }).click()
  await page
    .getByRole('form', { name: `Complete ${done}` })
    .getByRole('button', { name: 'Mark done' })
    .click()
  await page
    .getByRole('status')
    .filter({ hasText: `Done: ${done}` })
    .waitFor()
  await members.getByRole('heading', { name: done, exact: true }).waitFor({ state: 'detached' })
  await tab(page, 'Overdue')
    .filter({ hasText: String(overdue - 1) })
    .waitFor()
  await group.getByText(`${done0 + 1} done · ${open0 - 1} open · ${late0 - 1} overdue`).waitFor()
  await members.waitFor() // the group stays open
  await notices.getByText(`${badge - 1} follow-ups due`, { exact: true }).waitFor()

  // The user's choice wins while they stay: Today stays after a change.
  await tab(page, 'Today').click()
  const todayList = page.getByRole('list', { name: 'Today reminders' })
  await todayList.waitFor()

  // Snooze a reminder due tomorrow at 09:00: no "later today", nothing before its due time.
  await tab(page, 'This week').click()
  const week = page.getByRole('list', { name: 'This week reminders' })
  const tomorrow = week
    .locator(':scope > li')
    .filter({ has: page.locator(`time[datetime^="${day(1)}T09:00"]`) })
    .filter({ hasText: 'Stay in touch with' })
    .first()
  const title = (await tomorrow.getByRole('heading', { level: 3 }).textContent()).trim()
  await tomorrow.getByRole('button', { name: `Snooze ${title}` }).click()
  const menu = page.getByRole('group', { name: `Snooze ${title}` })
  const options = (await menu.getByRole('button').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())
  assert.ok(!options.some((o) => /later today/i.test(o)), options.join(' | '))
  assert.ok(options[0].startsWith('A day later · '), options.join(' | '))
  assert.ok(
    options.some((o) => /^(Next week|The week after) · /.test(o)),
    options.join(' | '),
  )
  await menu.getByRole('button', { name: 'Pick a date and time…' }).click()
  const until = menu.getByLabel('Snooze until')
  assert.equal(await until.inputValue(), `${day(2)}T09:00`, 'the picked time starts the day after the due day')
  assert.equal(await until.getAttribute('min'), `${day(1)}T09:00`)
  await shot(page, 'f10-3-snooze')

  // The backend refuses a snooze that would move it earlier, whatever the UI offers.
  const id = Number((await tomorrow.getByRole('link', { name: `Edit ${title}` }).getAttribute('href')).split('/').pop())
  const refusal = await page.evaluate(async (id) => {
    try {
      await window.go.loop.Service.Snooze(id, { preset: 'later_today', until: '' })
      return 'accepted'
    } catch (e) {
      return e
    }
  }, id)
  assert.equal(refusal.code, 'invalid')
  assert.match(refusal.error, /would move the reminder earlier/)

  await menu.getByRole('button', { name: /^A day later/ }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `Snoozed: ${title}` })
    .waitFor()
  await week
    .locator(':scope > li')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .locator(`time[datetime^="${day(2)}T09:00"]`)
    .waitFor()
  assert.equal(await tabs(page).locator('a[aria-current="page"]').getAttribute('href'), '#/followups/week')

  // From the notice: Follow-ups opens on overdue again, and the notice is done with.
  await notices.getByRole('link', { name: 'Open follow-ups' }).click()
  await overdueList.waitFor()
  await notices.getByRole('button').waitFor({ state: 'detached' })
  assert.deepEqual(app.errors, [])
})
