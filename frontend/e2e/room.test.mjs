// (room) The room: six phones (iPhone and Android viewports) join a
// problem-mapping session through the address read from the QR code,
// write notes and vote; one drops out and comes back; the facilitator
// sees it all arrive, confirms who is who, reveals, then finishes. What
// the phones wrote is in the session, its synthesis and its PDF, and
// their tokens die with the room. A seventh phone joins as a guest; after
// the finish the facilitator merges the guest into a member of the board,
// and the guest's note and session go with them.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { devices } from 'playwright-core'
import { loadSampleBoard, openMember, sessionId } from './helpers.mjs'
import { plan, press, reportText, runTo } from './workshop-steps.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
  await loadSampleBoard(app.page)
})
after(async () => {
  await app?.close()
})

const TITLE = 'Onboarding pains, in the room'
const GUEST = 'Quinn'
const STAGES = ['Discover', 'Buy', 'Set up']

/** A phone: its own browser context, as an iPhone or an Android phone. */
async function phone(i) {
  // The device's own browser (WebKit for an iPhone) is not here: its viewport, touch and user agent in Chromium.
  const device = { ...devices[i % 2 ? 'Pixel 7' : 'iPhone 13'] }
  delete device.defaultBrowserType
  const context = await app.browser.newContext(device)
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e))
  return { context, page, errors }
}

/** Waits until the facilitator's run view shows text as a note written by member. */
async function noteArrives(page, text, member) {
  await page.waitForFunction(
    ([t, m]) =>
      [...document.querySelectorAll('li.note')].some(
        (li) => li.querySelector('textarea')?.value === t && li.querySelector('bdi')?.textContent === m,
      ),
    [text, member],
  )
}

test('six phones join through the QR code, write, vote and drop out; the facilitator reveals and finishes', async () => {
  const { page } = app
  const names = await plan(page, TITLE, 'problem_mapping', 'Walk the journey', 6)
  const first = names.map((n) => n.split(' ')[0])
  assert.equal(new Set(first).size, 6, 'six different first names')
  await press(page.getByRole('button', { name: 'Start session' }))
  await runTo(page, 'Walk the journey')

  // Open the room on loopback (the address a VPN or --addr would give).
  const card = page.getByRole('region', { name: 'Room' })
  await card.getByText('More options').click()
  await card.getByLabel('Address (host:port)').fill('127.0.0.1:0')
  await card.getByRole('button', { name: 'Open the room' }).click()
  const qr = card.getByRole('img', { name: 'QR code of the join address' })
  await qr.waitFor()
  const shown = await card.getByLabel('Join address').inputValue()
  const png = Buffer.from((await qr.getAttribute('src')).replace(/^data:image\/png;base64,/, ''), 'base64')
  const dir = await mkdtemp(join(tmpdir(), 'sb-room-'))
  await writeFile(join(dir, 'qr.png'), png)
  const url = execFileSync('zbarimg', ['--raw', '-q', join(dir, 'qr.png')], { encoding: 'utf8' }).trim()
  assert.equal(url, shown, 'the QR code holds the join address')
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/j\/[a-z2-7]{16,}\/?$/)
  await card
    .getByText(/traffic|network/i)
    .first()
    .waitFor()

  // Six phones open the address and pick their first names; the facilitator confirms each.
  const phones = []
  for (let i = 0; i < 6; i++) {
    const p = await phone(i)
    phones.push(p)
    await p.page.goto(url)
    await p.page.getByRole('list', { name: 'First names' }).getByRole('button', { name: first[i], exact: true }).click()
    await p.page.getByText('Waiting for the facilitator to confirm you…').waitFor()
  }
  // A name once claimed is taken for the others.
  await phones[1].page.reload()
  await phones[1].page.getByText('Waiting for the facilitator to confirm you…').waitFor()
  const claims = card.getByRole('list', { name: 'Claims' })
  for (let i = 0; i < 6; i++) {
    await claims.getByRole('listitem').filter({ hasText: names[i] }).waitFor()
    await claims.getByRole('button', { name: `Confirm ${first[i]}` }).click()
    await claims.getByRole('listitem').filter({ hasText: names[i] }).getByText('confirmed').waitFor()
  }
  // Someone not on the list joins as a guest; the facilitator sees "Quinn (guest)" and confirms.
  const guest = await phone(6)
  await guest.page.goto(url)
  await guest.page.getByRole('button', { name: "I'm not on the list" }).click()
  await guest.page.getByLabel('Your first name').fill(GUEST)
  await guest.page.getByRole('button', { name: 'Join as a guest' }).click()
  await guest.page.getByText('Waiting for the facilitator to confirm you…').waitFor()
  await claims.getByRole('button', { name: `Confirm ${GUEST} (guest)` }).click()
  await claims
    .getByRole('listitem')
    .filter({ hasText: `${GUEST} (guest)` })
    .getByText('confirmed')
    .waitFor()
  await shot(page, 'room1-claims')

  // Consent: what is on record is shown; what is not is asked, and the answer kept as self-declared.
  for (const { page: ph } of phones) {
    await ph.getByRole('heading', { name: /^Before we start/ }).waitFor()
    for (const ask of await ph.locator('fieldset.ask').all()) await ask.getByLabel('Yes').check()
    await ph.getByRole('button', { name: 'Continue' }).click()
    await ph.getByRole('heading', { name: 'Walk the journey' }).waitFor()
  }
  await shot(phones[0].page, 'room2-phone-journey')

  // The guest answers the consent questions and writes a note, attributed to the name typed.
  const guestNote = `${GUEST}: nobody told me the trial ends`
  await guest.page.getByRole('heading', { name: `Before we start, ${GUEST}` }).waitFor()
  for (const ask of await guest.page.locator('fieldset.ask').all()) await ask.getByLabel('Yes').check()
  await guest.page.getByRole('button', { name: 'Continue' }).click()
  const discover = guest.page.getByRole('region', { name: STAGES[0], exact: true })
  await discover.getByRole('textbox', { name: 'Your note' }).fill(guestNote)
  await discover.getByRole('button', { name: 'Add note' }).click()
  await guest.page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor()
  await noteArrives(page, guestNote, GUEST)

  // Each phone writes a pain point; the facilitator sees it arrive, attributed.
  const notes = first.map((n, i) => `${n}: ${['No price on the page', 'Invoice in seats', 'Setup needs IT'][i % 3]}`)
  for (let i = 0; i < 6; i++) {
    const ph = phones[i].page
    const stage = ph.getByRole('region', { name: STAGES[i % 3], exact: true })
    await stage.getByRole('textbox', { name: 'Your note' }).fill(notes[i])
    await stage.getByRole('button', { name: 'Add note' }).click()
    await ph
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor()
    await noteArrives(page, notes[i], names[i])
  }

  // A stranger's markup is text on every screen (issue 14).
  const hostile = '<img src=x onerror="window.__pwned=1"> Price?'
  const stage0 = phones[0].page.getByRole('region', { name: STAGES[0], exact: true })
  await stage0.getByRole('textbox', { name: 'Your note' }).fill(hostile)
  await stage0.getByRole('button', { name: 'Add note' }).click()
  await noteArrives(page, hostile, names[0])
  for (const p of [page, phones[0].page]) {
    assert.equal(await p.locator('img[src="x"]').count(), 0)
    assert.equal(await p.evaluate(() => window.__pwned), undefined)
  }

  // The sixth phone drops out, writes another note, and comes back: it arrives once.
  const late = `${first[5]}: the trial ends too soon`
  await phones[5].context.setOffline(true)
  const stage = phones[5].page.getByRole('region', { name: 'Set up', exact: true })
  await stage.getByRole('textbox', { name: 'Your note' }).fill(late)
  await stage.getByRole('button', { name: 'Add note' }).click()
  await phones[5].page.getByText('Offline – will send when you are back').waitFor()
  await phones[5].context.setOffline(false)
  await phones[5].page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor()
  await noteArrives(page, late, names[5])
  assert.equal(
    await page.evaluate(
      (t) => [...document.querySelectorAll('li.note textarea')].filter((x) => x.value === t).length,
      late,
    ),
    1,
    'the note sent again on reconnect is there once',
  )

  // Nobody sees another's notes until the facilitator reveals them.
  assert.equal(await phones[0].page.getByText(notes[1]).count(), 0)
  await page.getByRole('group', { name: 'Room controls' }).getByRole('button', { name: 'Reveal results' }).click()
  for (const { page: ph } of phones)
    await ph
      .getByRole('list', { name: /^Everyone’s notes$/ })
      .first()
      .waitFor()

  // Everyone gives a dot to the first phone's note, and phones 2–6 a second one to the late note.
  for (let i = 0; i < 6; i++) {
    const ph = phones[i].page
    await ph.getByRole('button', { name: `Give a dot to: ${notes[0]}` }).click()
    await ph
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor()
    if (i > 0) {
      await ph.getByRole('button', { name: `Give a dot to: ${late}` }).click()
      await ph
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor()
    }
  }
  const ranked = page.getByRole('region', { name: 'Most dots' }).getByRole('listitem')
  await ranked.filter({ hasText: notes[0] }).filter({ hasText: '6 dots' }).waitFor()
  await ranked.filter({ hasText: late }).filter({ hasText: '5 dots' }).waitFor()

  // The projector: the notes and their dots, never a name.
  await page.getByRole('button', { name: 'Projector' }).click()
  const projector = page.getByRole('dialog', { name: 'Projector' })
  await projector.getByText(notes[0]).waitFor()
  await projector.getByText(hostile).waitFor()
  assert.equal(await projector.locator('img[src="x"]').count(), 0)
  assert.equal(await page.evaluate(() => window.__pwned), undefined)
  const onScreen = await projector.textContent()
  for (const n of names) assert.ok(!onScreen.includes(n), `the projector does not name ${n}`)
  await shot(page, 'room3-projector')
  await page.keyboard.press('Escape')
  await projector.waitFor({ state: 'detached' })

  // Finish: the room closes and every phone's token dies with it.
  await page.getByRole('button', { name: 'Finish session' }).click()
  const finish = page.getByRole('dialog', { name: 'Finish the session?' })
  await finish.getByRole('status').getByText('7 attendees, 0 no-shows').waitFor()
  await finish.getByRole('button', { name: 'Confirm and finish' }).click()
  // Seven phones' streams end as the room closes: on a loaded machine the
  // synthesis has taken over 30 s to show (3 runs in 22); what the page
  // showed instead is printed, should it never come.
  await page
    .getByRole('heading', { name: `Synthesis: ${TITLE}` })
    .waitFor({ timeout: 90_000 })
    .catch(async (e) => {
      const seen = { url: page.url(), alerts: await page.getByRole('alert').allInnerTexts() }
      throw new Error(`no synthesis after Finish: ${JSON.stringify(seen)}`, { cause: e })
    })
  const api = new URL('api/state', url.endsWith('/') ? url : `${url}/`).href
  // The room notices the finish at its next pulse (a quarter of a second).
  for (const { page: ph } of phones) {
    await ph.waitForFunction(
      (u) =>
        fetch(u).then(
          (r) => r.status === 401 || r.status === 404,
          () => true,
        ),
      api,
      { polling: 250, timeout: 5000 },
    )
  }

  // The synthesis ranks the phones' notes by their dots; the PDF holds them.
  const pains = page.getByRole('region', { name: 'Top pain points' }).getByRole('listitem')
  await pains.first().waitFor()
  assert.match(await pains.first().textContent(), new RegExp(`^${notes[0]} 6 dots`))
  assert.match(await pains.nth(1).textContent(), new RegExp(`^${late} 5 dots`))
  const text = await reportText(page, `${TITLE} (finished)`)
  for (const n of [...notes, late]) assert.ok(text.includes(n), `the PDF holds “${n}”`)

  const id = await sessionId(page, TITLE)
  assert.ok(id > 0)
  for (const p of [...phones, guest]) {
    assert.deepEqual(p.errors, [])
    await p.context.close()
  }

  // The guest turns out to be a member of the board who was not invited: merged from the guest's page.
  // Go fills the query's missing fields with their zero values: current members, all of them.
  const board = await page.evaluate(() => window.go.board.Service.ListMembers({ sort: 'name' }))
  const target = board.members.find((m) => !names.includes(m.name) && m.name !== GUEST && m.canContact).name
  await openMember(page, GUEST)
  await page.getByRole('button', { name: 'Merge into another member…' }).click()
  await page.getByLabel('Find a member').fill(target)
  const keep = page.getByLabel('Member to keep')
  await keep.getByRole('option', { name: target, exact: true }).waitFor({ state: 'attached' })
  await keep.selectOption({ label: target })
  await page.getByRole('button', { name: 'Merge…' }).click()
  const ask = page.getByRole('alertdialog')
  assert.equal(
    (await ask.locator('p').textContent()).replace(/\s+/g, ' '),
    `Merge ${GUEST} (guest) into ${target}? ${GUEST}’s sessions, entries, consents, touchpoints and tags move to ${target}; this cannot be undone.`,
  )
  await ask.getByRole('button', { name: 'Merge for good' }).click()
  await page.getByRole('heading', { name: target, level: 1 }).waitFor()
  await page.getByRole('region', { name: 'Sessions' }).getByRole('link', { name: TITLE }).waitFor()
  const run = await page.evaluate((sid) => window.go.activity.Agendas.Run(sid), id)
  const written = JSON.stringify(run)
  assert.ok(written.includes(guestNote), "the guest's note is in the session")
  const byWhom = (function find(v) {
    if (Array.isArray(v)) return v.map(find).find(Boolean)
    if (v && typeof v === 'object') return v.text === guestNote ? v.member : Object.values(v).map(find).find(Boolean)
    return undefined
  })(run)
  assert.equal(byWhom, target, "the guest's note is now the member's")
  assert.deepEqual(app.errors, [])
})
