// (10.4, 10.7, 10.2) Inviting happens in the app: plan a session from the
// sample board with the picker (search, segment filter, fit signals), meet a
// member without contact consent and see why they can't be invited, copy and
// open the invitation, save the calendar invitation and read it back, move a
// participant from invited to confirmed; the plan page and the picker never
// scroll sideways at 1280×800 and 1024×700.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
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
const TITLE = 'Pricing round 3 (internal)'
const FOR_PARTICIPANTS = 'Reports that fit your week'
const AGENDA = '1. Welcome (10 min)\n2. How you use reports today (30 min)\n3. Wrap-up (10 min)'
const LINK = 'https://meet.example/reports'
const PEOPLE = ['Zoë Durand', 'Kenji Watanabe', 'Priya Raman', 'Tom Baker']

/** Saves the calendar invitation and returns the .ics text. */
async function saveICS(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save calendar invitation (.ics)' }).click(),
  ])
  assert.match(download.suggestedFilename(), /^session-\d+-invitation\.ics$/)
  const text = readFileSync(await download.path(), 'utf8')
  await page.getByText(/^Downloaded session-\d+-invitation\.ics: \d+ attendees?\.$/).waitFor()
  return text
}

/** The .ics read back by Python's icalendar when it is installed (Debian's python3-icalendar). */
function readBack(ics) {
  const py = ['/usr/bin/python3', 'python3'].find((p) => (p.startsWith('/') ? existsSync(p) : true))
  try {
    const out = execFileSync(
      py,
      [
        '-c',
        `import sys, json, icalendar
ev = icalendar.Calendar.from_ical(sys.stdin.buffer.read()).walk("VEVENT")[0]
att = ev.get("ATTENDEE", [])
att = att if isinstance(att, list) else [att]
print(json.dumps({"summary": str(ev["SUMMARY"]), "location": str(ev["LOCATION"]), "description": str(ev["DESCRIPTION"]),
  "tzid": ev["DTSTART"].params.get("TZID", ""), "start": ev.decoded("DTSTART").isoformat(),
  "attendees": sorted([[str(a.params["CN"]), str(a), str(a.params["PARTSTAT"])] for a in att])}))`,
      ],
      { input: ics },
    )
    return JSON.parse(out)
  } catch (e) {
    if (process.env.CI === 'true') throw e
    return null // no python3-icalendar here; the string checks still hold
  }
}

/** Nothing scrolls sideways: the page, and the picker's list (and none of its cells is clipped). */
async function assertFits(page, what) {
  const m = await page.evaluate(() => {
    const se = document.scrollingElement
    const main = document.querySelector('.main') // the app's own scroll area
    const scroller = document.querySelector('.picker-scroll')
    const clipped = [
      ...document.querySelectorAll('.picker-table th, .picker-table td, .plan-layout td, .plan-layout th'),
    ]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent.trim().slice(0, 40))
    return {
      page: [se.scrollWidth, se.clientWidth],
      main: [main.scrollWidth, main.clientWidth],
      picker: scroller ? [scroller.scrollWidth, scroller.clientWidth] : [0, 0],
      clipped,
    }
  })
  assert.ok(m.page[0] <= m.page[1], `${what}: the page scrolls sideways (${m.page[0]} > ${m.page[1]})`)
  assert.ok(m.main[0] <= m.main[1], `${what}: the main area scrolls sideways (${m.main[0]} > ${m.main[1]})`)
  assert.ok(m.picker[0] <= m.picker[1], `${what}: the picker scrolls sideways (${m.picker[0]} > ${m.picker[1]})`)
  assert.deepEqual(m.clipped, [], `${what}: clipped cells`)
}

test('invite from the plan page: picker, consent reason, message, calendar file, states, layout', async () => {
  const { page } = app
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await loadSampleBoard(page)

  // Plan a session.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('button', { name: 'Plan a session' }).click()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: DECISION })
  await page.getByText('5 chosen').waitFor()
  await page.getByLabel('Title', { exact: true }).fill(TITLE)
  await page.getByLabel('Title for participants').fill(FOR_PARTICIPANTS)
  await page.getByLabel('Date', { exact: true }).fill('2026-12-10')
  await page.getByLabel('Start time', { exact: true }).fill('14:00')
  await page.getByLabel('Duration (minutes)').fill('60')
  await page.getByLabel('Place or call link').fill(LINK)
  await page.getByLabel('Facilitator', { exact: true }).fill('Jonas Berg')
  await page.getByLabel('Agenda', { exact: true }).fill(AGENDA)
  await page.getByRole('button', { name: 'Create session' }).click()
  await page.getByRole('heading', { name: TITLE }).waitFor()

  // The picker: a list with search, a segment filter and fit signals.
  const picker = page.getByRole('table', { name: 'Board members to choose from' })
  const rows = picker.getByRole('row').filter({ has: page.getByRole('checkbox') })
  await rows.first().waitFor() // the heading draws before the picker's members arrive
  const total = await rows.count()
  assert.ok(total >= 20, `the picker lists the pickable board, got ${total}`)
  await page.getByRole('searchbox', { name: 'Search the board' }).fill('zoë')
  await page.getByText(`1 of ${total} members`).waitFor()
  const zoe = picker.getByRole('row', { name: /Zoë Durand/ })
  await zoe.getByText('Uses daily · articulate 5/5 · Balanced').waitFor()
  await zoe.getByText(/Atelier Durand · Independent retailers · Active/).waitFor()
  await page.getByRole('searchbox', { name: 'Search the board' }).fill('')
  await page.getByLabel('Segment', { exact: true }).selectOption('Wholesale distributors')
  const wholesale = await rows.count()
  assert.ok(wholesale > 0 && wholesale < total)
  for (let i = 0; i < wholesale; i++) {
    assert.match(await rows.nth(i).textContent(), /Wholesale distributors/)
  }
  // A member without contact consent can't be chosen, and the row says why and where to fix it.
  const daniel = picker.getByRole('row', { name: /Daniel Kim/ })
  const box = daniel.getByRole('checkbox', { name: 'Choose Daniel Kim' })
  assert.equal(await box.isDisabled(), true)
  await daniel.getByText('No contact consent: can’t be invited until it is recorded.').waitFor()
  const why = await box.evaluate((el) =>
    el
      .getAttribute('aria-describedby')
      .split(' ')
      .map((id) => document.getElementById(id).textContent)
      .join(' '),
  )
  assert.match(why, /No contact consent/)
  const record = daniel.getByRole('link', { name: 'Record consent for Daniel Kim' })
  assert.match(await record.getAttribute('href'), /#\/board\/member\/\d+$/)
  await box.click({ force: true }) // a click on the disabled box does nothing, and no raw error appears
  assert.equal(await page.getByRole('region', { name: 'Choose participants' }).getByRole('alert').count(), 0)
  assert.equal(await box.isChecked(), false)
  // Follow the link, record consent, come back: now Daniel can be chosen.
  await record.click()
  await page.getByRole('button', { name: 'Grant contact consent' }).click()
  await page.getByRole('button', { name: 'Save consent' }).click()
  await page.getByText('No valid contact consent.').waitFor({ state: 'detached' })
  await page.goBack()
  await page.getByRole('heading', { name: TITLE }).waitFor()
  await picker.getByRole('row', { name: /Daniel Kim/ }).waitFor()
  assert.equal(await picker.getByRole('checkbox', { name: 'Choose Daniel Kim' }).isDisabled(), false)
  assert.equal(
    await picker
      .getByRole('row', { name: /Daniel Kim/ })
      .getByText('No contact consent')
      .count(),
    0,
  )

  // Choose four people with consent, by search.
  for (const [i, name] of PEOPLE.entries()) {
    await page.getByRole('searchbox', { name: 'Search the board' }).fill(name.split(' ')[0])
    await picker.getByRole('checkbox', { name: `Choose ${name}` }).check()
    await page.getByText(new RegExp(`^${i + 1} (person|people) chosen$`)).waitFor()
  }
  await page.getByRole('searchbox', { name: 'Search the board' }).fill('')

  // The invitation: what customers read, nothing internal.
  const invite = page.getByRole('region', { name: 'Invite participants' })
  await invite
    .getByText('Goes to 4 participants with an email address and contact consent.', { exact: false })
    .waitFor()
  const subject = invite.getByLabel('Subject')
  const message = invite.getByLabel('Invitation message')
  assert.equal(await subject.inputValue(), `Invitation: ${FOR_PARTICIPANTS} on Thursday 10 December`)
  const body = await message.inputValue()
  for (const want of [
    `We would like to invite you to ${FOR_PARTICIPANTS}, a session of our customer advisory board.`,
    'Thursday 10 December 2026, 14:00–15:00',
    `Join the call: ${LINK}`,
    AGENDA,
    'Thank you,\nJonas Berg',
  ]) {
    assert.ok(body.includes(want), `the message lacks ${JSON.stringify(want)}:\n${body}`)
  }
  for (const internal of [TITLE, DECISION, 'We believe', 'internal']) {
    assert.ok(!body.includes(internal), `internal text ${JSON.stringify(internal)} in the message:\n${body}`)
  }

  // Edit it, copy it, open it in mail.
  await message.fill(body.replace('Thank you,', 'Thanks a lot,'))
  await invite.getByRole('button', { name: 'Copy' }).click()
  await invite.getByText('Copied to the clipboard.').waitFor()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  assert.equal(copied, `Subject: ${await subject.inputValue()}\n\n${body.replace('Thank you,', 'Thanks a lot,')}`)
  const mailto = await invite.getByRole('link', { name: 'Open in mail (all in BCC)' }).getAttribute('href')
  assert.match(mailto, /^mailto:\?bcc=/)
  const q = new URLSearchParams(mailto.slice('mailto:?'.length))
  assert.deepEqual(q.get('bcc').split(',').sort(), [
    'kenji@kissa.example',
    'priya@brightside.example',
    'tom@bakerybaker.example',
    'zoe@atelier-durand.example',
  ])
  assert.ok(q.get('body').includes('Thanks a lot,\r\nJonas Berg'), 'the edited text goes into the mail')
  assert.ok(!mailto.includes('+'), 'spaces are %20, never +')
  await invite.getByText('One at a time (4)').click()
  const one = await invite.getByRole('link', { name: 'Email Zoë Durand' }).getAttribute('href')
  assert.ok(one.startsWith('mailto:zoe@atelier-durand.example?'))
  assert.ok(decodeURIComponent(one).includes('Hi Zoë,'))
  await invite.getByRole('button', { name: 'Reset the text' }).click()
  assert.equal(await message.inputValue(), body)

  // The calendar invitation: attendees, place, agenda.
  let ics = await saveICS(page)
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/)
  const unfolded = ics.replace(/\r\n[ \t]/g, '')
  assert.equal((unfolded.match(/^ATTENDEE;/gm) ?? []).length, 4)
  for (const want of [
    `SUMMARY:${FOR_PARTICIPANTS}`,
    `LOCATION:${LINK}`,
    'DESCRIPTION:1. Welcome (10 min)\\n2. How you use',
    'mailto:zoe@atelier-durand.example',
    'CN="Zoë Durand"',
    'PARTSTAT=NEEDS-ACTION',
    /UID:session-\d+@soundingboard/,
  ]) {
    assert.ok(
      typeof want === 'string' ? unfolded.includes(want) : want.test(unfolded),
      `the .ics lacks ${want}:\n${ics}`,
    )
  }
  assert.ok(!/We believe|internal/i.test(unfolded) && !unfolded.includes(DECISION), 'internal text in the .ics')
  const read = readBack(ics)
  if (read) {
    assert.equal(read.summary, FOR_PARTICIPANTS)
    assert.equal(read.location, LINK)
    assert.equal(read.description, AGENDA)
    assert.deepEqual(
      read.attendees.map((a) => a[0]),
      [...PEOPLE].sort(),
    )
  }

  // invited → confirmed, kept after a reload and carried into the calendar file.
  await page.getByLabel('State of Kenji Watanabe').selectOption('confirmed')
  await page.reload()
  await page.getByRole('heading', { name: TITLE }).waitFor()
  assert.equal(await page.getByLabel('State of Kenji Watanabe').inputValue(), 'confirmed')
  ics = (await saveICS(page)).replace(/\r\n[ \t]/g, '')
  assert.match(ics, /ATTENDEE;CN="Kenji Watanabe";[^\r\n]*PARTSTAT=ACCEPTED[^\r\n]*:mailto:kenji@kissa\.example/)
  const seq = (t) => Number(/SEQUENCE:(\d+)/.exec(t)[1])
  assert.ok(seq(ics) >= seq(unfolded), 'SEQUENCE never goes down')

  // Layout: nothing scrolls sideways at either size.
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ]) {
    await page.setViewportSize({ width, height })
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await assertFits(page, `${width}×${height}`)
    await page.evaluate(() => document.querySelector('.main').scrollTo(0, 0))
    await shot(page, `invite-plan-${width}`)
    await picker.scrollIntoViewIfNeeded()
    await shot(page, `invite-picker-${width}`)
  }
  await page.setViewportSize({ width: 1280, height: 820 })
})
