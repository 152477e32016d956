// Owners on a shared board: A shares an empty board, B joins. A gives a
// follow-up due later to Ben and keeps an earlier one; on B's laptop Ben's
// follow-up comes first, marked as his, and on A's Ana's own does.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { openApp, shot } from './server.mjs'
import { env, eventually, inviteCode, joinTeam, shareBoard, teammateRows } from './team.mjs'

let folder, a, b
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sb-owners-'))
  ;[a, b] = await Promise.all([openApp({ env }), openApp({ env })])
})
after(async () => {
  await Promise.all([a?.close(), b?.close()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** Tomorrow at hh:mm as a datetime-local value (tomorrow is always in "This week"). */
function tomorrowAt(hhmm) {
  const d = new Date()
  d.setDate(d.getDate() + 1)
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${hhmm}`
}

/** Creates a reminder through the form; owner: the picker's label to choose, or null to keep its default. */
async function newReminder(page, { title, due, owner }) {
  await page.goto(new URL('#/followups/new', page.url()).href)
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Due', { exact: true }).fill(due)
  if (owner !== null) await page.getByLabel('Owner', { exact: true }).selectOption({ label: owner })
  await page.getByRole('button', { name: 'Create reminder' }).click()
  await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor()
}

/** The titles of the "This week" list, top first, after a reload. */
async function weekTitles(page) {
  await page.goto(new URL('#/followups/week', page.url()).href)
  await page.reload()
  const list = page.getByRole('list', { name: 'This week reminders' })
  await list.waitFor({ timeout: 3000 }) // absent while the view is empty
  return list.getByRole('heading', { level: 3 }).allTextContents()
}

test('a follow-up given to a teammate comes first in their tickler, marked as theirs', async () => {
  await shareBoard(a.page, folder, 'Ana')
  const code = await inviteCode(a.page)
  await joinTeam(b.page, folder, code, 'Ben')
  // A lets B in at its next pass; then both list two teammates.
  await eventually('A lists Ben', async () => (await teammateRows(a.page).count()) === 2)

  // A's picker offers the team, Ana by default.
  await a.page.goto(new URL('#/followups/new', a.page.url()).href)
  const picker = a.page.getByLabel('Owner', { exact: true })
  await eventually("A's owner picker offers Ben", async () => {
    await a.page.reload()
    return (await picker.locator('option', { hasText: 'Ben' }).count()) === 1
  })
  assert.deepEqual(await picker.locator('option').allTextContents(), ['Nobody in particular', 'Ana (you)', 'Ben'])
  assert.equal(await picker.inputValue(), 'Ana')

  const ana = 'Draft the synthesis'
  const ben = 'Call Kwame about invoices'
  await newReminder(a.page, { title: ana, due: tomorrowAt('10:00'), owner: null })
  await newReminder(a.page, { title: ben, due: tomorrowAt('15:00'), owner: 'Ben' })
  const savedAt = Date.now()
  assert.deepEqual(await weekTitles(a.page), [ana, ben])
  const week = (page) => page.getByRole('list', { name: 'This week reminders' })
  await week(a.page).getByRole('listitem').filter({ hasText: ben }).getByText('Owner: Ben', { exact: true }).waitFor()
  await week(a.page).getByRole('listitem').filter({ hasText: ana }).getByText('Owner: Ana (you)').waitFor()

  // B: Ben's follow-up, due later, is at the top, marked as his.
  await eventually("B's week lists both follow-ups", async () => (await weekTitles(b.page)).length === 2)
  console.log(`B listed A's two follow-ups ${Date.now() - savedAt} ms after A saved them`)
  assert.deepEqual(await weekTitles(b.page), [ben, ana])
  const top = week(b.page).getByRole('listitem').first()
  await top.getByText('Owner: Ben (you)').waitFor()
  await week(b.page).getByRole('listitem').filter({ hasText: ana }).getByText('Owner: Ana', { exact: true }).waitFor()
  await shot(b.page, 'owners1-bens-tickler')

  // An owner who is not a teammate is refused by the backend, naming the field; nothing is written.
  const refusal = await b.page.evaluate(() =>
    window.go.loop.Service.CreateReminder({ title: 'Refused', dueAt: '2030-01-01T09:00', owner: 'Zed' }).then(
      () => null,
      (e) => e,
    ),
  )
  assert.match(refusal.error, /owner "Zed" is not a teammate; choose one of Ana, Ben/i)
  assert.deepEqual(await weekTitles(b.page), [ben, ana])
})
