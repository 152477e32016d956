// (a) Attendance is never a trap: plan a session with 6 people, record for
// all 6 in the run view (each is marked here as soon as something is
// recorded, and stays so after a reload), finish through the attendance
// dialog (one corrected to a no-show, one noted as late), and the proposed
// follow-ups go to exactly the attendees, share-backs after the thank-yous
// and the synthesis; loop closure counts the attendees.
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
const TITLE = 'Pricing: who came'

/** The member names of a proposed step's list, from its "Include: step, name" checkboxes. */
async function namesIn(list) {
  const boxes = list.getByRole('checkbox')
  const out = []
  for (let i = 0; i < (await boxes.count()); i++) {
    const label = await boxes.nth(i).getAttribute('aria-label')
    out.push(label.slice(label.lastIndexOf(', ') + 2))
  }
  return out.sort()
}

test('recording marks people here; Finish confirms attendance; follow-ups go to attendees only', async () => {
  const { page, errors } = app
  await loadSampleBoard(page)

  // Plan: a session with 6 people who may be contacted; no attendance set.
  const names = await planSession(page, { decision: DECISION, title: TITLE, n: 6 })

  // Run: nobody is marked here yet.
  await page.getByRole('button', { name: 'Start session' }).click()
  await page.getByText('Assumption 1 of 5').waitFor()
  const here = page.getByRole('group', { name: /^Who is here/ })
  await here.getByText('0 of 6').waitFor()
  for (const name of names) assert.equal(await here.getByRole('checkbox', { name }).isChecked(), false, name)

  // Record a stance for everyone and a quote for every other person: each is marked here.
  const cards = page.getByRole('group', { name: 'Participants' })
  const stances = ['Matches', 'Partly', 'Does not match', 'Unsure']
  for (const [i, name] of names.entries()) {
    const card = cards.getByRole('region', { name, exact: true })
    await card.getByRole('radio', { name: stances[i % 4], exact: true }).check()
    if (i % 2 === 1) {
      await card.getByRole('button', { name: `Add quote from ${name}` }).click()
      await card.getByRole('textbox', { name: `Quote 1 from ${name}` }).fill(`I would pay per report (${i + 1}).`)
    }
    await here.getByRole('checkbox', { name, checked: true }).waitFor()
  }
  await here.getByText('6 of 6').waitFor()
  await page.getByRole('radio', { name: 'Validated', exact: true }).check()
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor()

  // Presence can be set from the run view too, both ways.
  await here.getByRole('checkbox', { name: names[0] }).uncheck()
  await here.getByText('5 of 6').waitFor()
  await here.getByRole('listitem').filter({ hasText: names[0] }).getByText('not here').waitFor()
  await here.getByRole('checkbox', { name: names[0] }).check()
  await here.getByText('6 of 6').waitFor()

  // What the backend recorded survives a reload: all 6 are here.
  await page.reload()
  await page.getByText('Assumption 1 of 5').waitFor()
  await here.getByText('6 of 6').waitFor()
  for (const name of names)
    assert.ok(await here.getByRole('checkbox', { name }).isChecked(), `${name} here after reload`)
  await shot(page, 'a1-run-presence')

  // Finish asks first: everyone recorded counts as attended.
  await page.getByRole('button', { name: 'Finish session' }).click()
  const dialog = page.getByRole('dialog', { name: 'Finish the session?' })
  await dialog.waitFor()
  await dialog.getByRole('status').getByText('6 attendees, 0 no-shows').waitFor()
  for (const name of names) {
    const group = dialog.getByRole('radiogroup', { name: `Attendance of ${name}` })
    assert.ok(await group.getByRole('radio', { name: 'Attended' }).isChecked(), `${name} proposed as attended`)
  }
  // Correct it: the last one was typed for by mistake and never came; the fifth came late.
  const noShow = names[5]
  const late = names[4]
  await dialog
    .getByRole('radiogroup', { name: `Attendance of ${noShow}` })
    .getByRole('radio', { name: 'No-show' })
    .check()
  await dialog.getByRole('combobox', { name: `Note on ${late}` }).fill('came late')
  await dialog.getByRole('status').getByText('5 attendees, 1 no-show').waitFor()
  await shot(page, 'a2-finish-dialog')
  await dialog.getByRole('button', { name: 'Confirm and finish' }).click()
  await page.getByRole('heading', { name: `Synthesis: ${TITLE}` }).waitFor()

  // The chain: a thank-you, feedback, afterthoughts and share-back for each attendee, nobody else.
  const attendees = names.filter((n) => n !== noShow).sort()
  const followUps = page.getByRole('region', { name: 'Follow-ups of this session' })
  const proposed = followUps.getByRole('group', { name: 'Proposed follow-ups' })
  await proposed.getByRole('checkbox').first().waitFor()
  const thanks = proposed.getByRole('list', { name: /^Thank-you within/ })
  const shareBacks = proposed.getByRole('list', { name: /^Share back what changed/ })
  const feedback = proposed.getByRole('list', { name: /^Feedback on the session/ })
  const afterthoughts = proposed.getByRole('list', { name: /^Afterthoughts/ })
  for (const list of [thanks, shareBacks, feedback, afterthoughts]) assert.deepEqual(await namesIn(list), attendees)
  assert.equal(await proposed.getByRole('checkbox', { name: new RegExp(`, ${noShow}$`) }).count(), 0)
  await proposed.getByText(`Left out: ${noShow} (no-show).`).waitFor()

  // Share-backs are due after the thank-yous and the synthesis.
  const synthesis = await proposed.getByLabel(/^Due: Team synthesis/).inputValue()
  for (const name of attendees) {
    const share = await proposed.getByLabel(new RegExp(`^Due: Share back what changed.*, ${name}$`)).inputValue()
    const thank = await proposed.getByLabel(new RegExp(`^Due: Thank-you.*, ${name}$`)).inputValue()
    assert.ok(share > synthesis && share > thank, `${name}: share-back ${share} after ${synthesis} and ${thank}`)
  }

  // Loop closure counts the 5 attendees.
  const heard = followUps.getByRole('region', { name: 'Heard back' })
  await heard.getByText('heard back 0 of 5').waitFor()
  assert.equal(await heard.getByText(/Nobody attended/).count(), 0)
  const nProposed = await proposed.getByRole('checkbox').count()
  assert.equal(nProposed, 4 * 5 + 1, 'four steps per attendee and the team synthesis')
  await followUps.getByRole('button', { name: `Accept ${nProposed} follow-ups` }).click()
  await followUps.getByText(`Saved ${nProposed} reminders.`).waitFor()
  await heard.getByText('heard back 0 of 5').waitFor()
  await shot(page, 'a3-chain')

  // "You said, we did" on the rated assumption: the attendees who spoke, never the
  // no-show somebody typed a stance for; due after the accepted thank-yous and synthesis.
  const propose = page.getByRole('button', { name: /^Propose share-back for / })
  const about = (await propose.textContent()).replace(/^Propose share-back for /, '').trim()
  await propose.click()
  const youSaid = page.getByRole('group', { name: `Share-backs for ${about}` })
  await youSaid.getByRole('checkbox').first().waitFor()
  // (People from the sample's earlier sessions on this assumption may be there too.)
  const told = await namesIn(youSaid)
  for (const name of attendees) assert.ok(told.includes(name), `${name} is told`)
  assert.ok(!told.includes(noShow), `${noShow} (no-show) is not told: ${told}`)
  for (const name of attendees) {
    const share = await youSaid.getByLabel(new RegExp(`^Due: You said, we did, ${name}$`)).inputValue()
    assert.ok(share > synthesis, `${name}: you-said share-back ${share} after the synthesis ${synthesis}`)
  }

  // The run view keeps the confirmed attendance, with the note.
  await page.getByRole('link', { name: 'Open run view' }).click()
  await here.getByText('5 of 6').waitFor()
  await here.getByRole('listitem').filter({ hasText: late }).getByText('present · came late').waitFor()
  await here.getByRole('listitem').filter({ hasText: noShow }).getByText('not here').waitFor()
  assert.deepEqual(errors, [])
})
