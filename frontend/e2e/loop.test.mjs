// (f) Close the loop: finish the planned sample session, accept the proposed
// follow-up chain, complete the thank-yous and watch the session's
// loop-closure rate move; snooze one reminder; export the calendar; due
// reminders show in the page once.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
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

const SESSION = 'Supplier onboarding: second round'

/** The count shown on a tickler view's tab. */
async function viewCount(page, label) {
  const tab = page
    .getByRole('navigation', { name: 'Tickler views' })
    .getByRole('link', { name: new RegExp(`^${label} \\d`) })
  return Number((await tab.textContent()).replace(/[^\d]/g, ''))
}

async function openView(page, label) {
  await page
    .getByRole('navigation', { name: 'Tickler views' })
    .getByRole('link', { name: new RegExp(`^${label} \\d`) })
    .click()
  await page.getByRole('link', { name: new RegExp(`^${label} \\d`), current: 'page' }).waitFor()
}

test('finish a session, accept the chain, thank everyone, snooze one, export the calendar', async () => {
  const { page } = app
  await loadSampleBoard(page)
  const nav = page.getByRole('navigation', { name: 'Main' })

  // The badge on Follow-ups counts what is due; the sample has overdue and today items.
  const followups = nav.getByRole('link', { name: /^Follow-ups\s*,\s*\d+ due$/ })
  await followups.waitFor()
  const badge = Number((await followups.textContent()).replace(/[^\d]/g, ''))
  assert.ok(badge > 0, 'something is due in the sample')

  // Due reminders show in the page as one notice (browser mode polls on load), and only once.
  await page.reload()
  const notices = page.getByRole('region', { name: 'Due reminders' }).getByRole('button', { name: /^Dismiss/ })
  await notices.first().waitFor()
  assert.equal(await notices.count(), 1)
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await page.waitForTimeout(1500)
  assert.equal(await notices.count(), 0, 'nothing is told twice')

  // The tickler opens on what is overdue, with counts on every tab.
  await followups.click()
  await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor()
  const today0 = await viewCount(page, 'Today')
  const overdue0 = await viewCount(page, 'Overdue')
  assert.equal(today0 + overdue0, badge, 'badge = overdue + today')
  await page.getByRole('list', { name: 'Overdue reminders' }).waitFor()
  await page.getByRole('region', { name: 'Loop closure across the board' }).waitFor()
  await shot(page, 'f1-tickler')

  // Finish the planned sample session: mark everyone attended, start, finish.
  await nav.getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('link', { name: SESSION, exact: true }).click()
  await page.getByRole('heading', { name: SESSION }).waitFor()
  const states = page.getByRole('combobox', { name: /^State of / })
  await states.first().waitFor()
  const n = await states.count()
  assert.ok(n >= 4, `the planned session has people (${n})`)
  for (let i = 0; i < n; i++) {
    await states.nth(i).selectOption('attended')
    await page.waitForFunction(
      ([i]) => document.querySelectorAll('select[aria-label^="State of "]')[i]?.value === 'attended',
      [i],
    )
  }
  await page.getByRole('button', { name: 'Start session' }).click()
  await page.getByText(/^Assumption 1 of \d+$/).waitFor()
  await page.getByRole('button', { name: 'Finish session' }).click()
  const finish = page.getByRole('dialog', { name: 'Finish the session?' })
  await finish.getByRole('status').getByText(`${n} attendees, 0 no-shows`).waitFor()
  await finish.getByRole('button', { name: 'Confirm and finish' }).click()
  await page.getByRole('heading', { name: `Synthesis: ${SESSION}` }).waitFor()

  // The chain is proposed at once, editable; nobody has heard back yet.
  const followUps = page.getByRole('region', { name: 'Follow-ups of this session' })
  const heard = followUps.getByRole('region', { name: 'Heard back' })
  await heard.getByText('0%').waitFor()
  const before = (await heard.getByText(/^heard back \d+ of \d+$/).textContent()).match(/(\d+) of (\d+)/)
  assert.equal(before[1], '0')
  const eligible = Number(before[2])
  assert.ok(eligible > 0)
  const proposed = followUps.getByRole('group', { name: 'Proposed follow-ups' })
  await proposed.getByRole('checkbox').first().waitFor()
  const nProposed = await proposed.getByRole('checkbox').count()
  const thanks = proposed.getByRole('list', { name: /^Thank-you within/ }).getByRole('listitem')
  assert.equal(await thanks.count(), eligible, 'a thank-you for each person who may be contacted')
  // Edit before accepting: leave out the team synthesis, retitle one thank-you.
  await proposed.getByRole('checkbox', { name: /^Include: Team synthesis/ }).uncheck()
  const firstThanks = thanks.first().getByRole('textbox', { name: /^Title: Thank-you/ })
  const newTitle = `${await firstThanks.inputValue()} (with the prototype link)`
  await firstThanks.fill(newTitle)
  await page.getByRole('heading', { name: 'Follow-up chain' }).evaluate((el) => {
    const main = document.getElementById('main')
    main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16
  })
  await shot(page, 'f2-chain')
  await followUps.getByRole('button', { name: `Accept ${nProposed - 1} follow-ups` }).click()
  await followUps.getByText(`Saved ${nProposed - 1} reminders.`).waitFor()

  // The thank-yous fall due within a day, in the session's chain: complete each with an outcome.
  await nav.getByRole('link', { name: /^Follow-ups/ }).click()
  await openView(page, 'This week')
  await page
    .getByRole('list', { name: 'This week reminders' })
    .getByRole('button', { name: new RegExp(`^Show \\d+ reminders of ${SESSION}$`) })
    .click()
  const week = page.getByRole('list', { name: `Reminders of ${SESSION}` })
  const thankItems = week
    .locator(':scope > li')
    .filter({ hasText: `for ${SESSION}` })
    .filter({ hasText: 'Thank-you' })
  await thankItems.first().waitFor()
  assert.equal(await thankItems.count(), eligible)
  await week.getByRole('heading', { name: newTitle }).waitFor()
  for (let i = 0; i < eligible; i++) {
    const item = thankItems.first()
    const title = (await item.getByRole('heading').textContent()).trim()
    await item.getByRole('button', { name: `Complete ${title}` }).click()
    const form = page.getByRole('form', { name: `Complete ${title}` })
    await form.getByLabel('Outcome').fill(`Sent the thank-you and the summary (${i + 1})`)
    await form.getByLabel('Contact by').selectOption('email')
    await form.getByRole('button', { name: 'Mark done' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Done: ${title}` })
      .waitFor()
    await week.getByRole('heading', { name: title, exact: true }).waitFor({ state: 'detached' })
  }
  assert.equal(await thankItems.count(), 0)
  await openView(page, 'Done')
  const doneList = page.getByRole('list', { name: 'Done reminders' })
  await doneList.getByRole('button', { name: new RegExp(`^Show \\d+ reminders of ${SESSION}$`) }).click()
  await doneList.getByText('Sent the thank-you and the summary (1)').waitFor()

  // The session's loop-closure rate moved to everyone.
  await nav.getByRole('link', { name: 'Sessions' }).click()
  await page
    .getByRole('row', { name: new RegExp(SESSION) })
    .getByRole('link', { name: /^Synthesis/ })
    .click()
  await heard.getByText('100%').waitFor()
  await heard.getByText(`heard back ${eligible} of ${eligible}`).waitFor()
  await heard.getByText('Everyone has heard back.').waitFor()

  // Snooze one of today's reminders to next week: it leaves Today.
  await nav.getByRole('link', { name: /^Follow-ups/ }).click()
  await openView(page, 'Today')
  const todayBefore = await viewCount(page, 'Today')
  assert.ok(todayBefore > 0)
  const first = page.getByRole('list', { name: 'Today reminders' }).getByRole('listitem').first()
  const snoozed = (await first.getByRole('heading').textContent()).trim()
  await first.getByRole('button', { name: `Snooze ${snoozed}` }).click()
  await page
    .getByRole('group', { name: `Snooze ${snoozed}` })
    .getByRole('button', { name: /^Next week/ })
    .click()
  await page
    .getByRole('status')
    .filter({ hasText: `Snoozed: ${snoozed}` })
    .waitFor()
  await page.getByRole('link', { name: new RegExp(`^Today ${todayBefore - 1}$`) }).waitFor()
  // Next Monday is at most 7 days away (a full week from a Monday): the week view.
  await openView(page, 'This week')
  const weekList = page.getByRole('list', { name: 'This week reminders' })
  // A reminder of a session's chain shows inside its session's group: open the groups.
  await weekList.getByRole('listitem').first().waitFor()
  const show = weekList.getByRole('button', { name: /^Show \d+ reminders of / })
  for (let n = await show.count(); n > 0; n--) {
    await show.first().click()
    await page.waitForFunction(
      (left) =>
        [...document.querySelectorAll('button')].filter((b) => /^Show \d+ reminders? of /.test(b.textContent))
          .length === left,
      n - 1,
    )
  }
  await weekList.getByRole('heading', { name: snoozed, exact: true }).waitFor()
  // The badge follows the snooze.
  await nav.getByRole('link', { name: new RegExp(`^Follow-ups\\s*,\\s*${badge - 1} due$`) }).waitFor()

  // Export the calendar: the download is an iCalendar file with the reminders.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export calendar (.ics)' }).click(),
  ])
  assert.match(download.suggestedFilename(), /\.ics$/)
  const ics = await readFile(await download.path(), 'utf8')
  assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 40))
  const unfolded = ics.replace(/\r\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1')
  assert.ok(unfolded.includes(`SUMMARY:${snoozed}`), 'the snoozed reminder is in the calendar')
  assert.match(unfolded, /BEGIN:VALARM/)
  await page
    .getByRole('status')
    .filter({ hasText: /^Downloaded .+\.ics\. / })
    .waitFor()

  // A draft for an overdue outreach: rendered subject and body, a mailto: link.
  await openView(page, 'Overdue')
  const outreach = page
    .getByRole('list', { name: 'Overdue reminders' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Draft for / }) })
    .first()
  const oTitle = (await outreach.getByRole('heading').textContent()).trim()
  await outreach.getByRole('button', { name: `Draft for ${oTitle}` }).click()
  const draft = page.getByRole('region', { name: `Draft for ${oTitle}` })
  const mail = draft.getByRole('link', { name: 'Open in mail client' })
  await mail.waitFor()
  assert.match(await mail.getAttribute('href'), /^mailto:[^?]*\?subject=[^&]+&body=/)
  assert.ok((await draft.getByLabel('Message').textContent()).startsWith('Hi '))
  await shot(page, 'f3-draft')

  // "You said, we did": from the ledger, propose share-backs for a rated assumption and accept them.
  await nav.getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('link', { name: 'Assumption ledger' }).click()
  const propose = page.getByRole('button', { name: /^Propose share-back for / }).first()
  const about = (await propose.textContent()).replace(/^Propose share-back for /, '').trim()
  await propose.click()
  const group = page.getByRole('group', { name: `Share-back for ${about}` })
  await group.getByRole('textbox', { name: 'What we tell participants' }).waitFor()
  const nShare = await group.getByRole('checkbox').count()
  assert.ok(nShare > 0, 'someone spoke to the assumption')
  await group.getByText('Drafted message').first().click()
  await group.locator('.draft-text').first().waitFor()
  await shot(page, 'f4-shareback')
  await group.getByRole('button', { name: new RegExp(`^Accept ${nShare} share-backs?$`) }).click()
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^Planned ${nShare} share-backs?`) })
    .waitFor()
  assert.deepEqual(app.errors, [])
})
