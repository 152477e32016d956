// Evidence from recordings: import a meeting transcript into a session,
// check the speakers matched to its participants (and the team), quote a
// consenting participant's lines on an activity by keyboard, be refused
// for one who never agreed to be recorded, reload and find everything
// kept, find the quotes in the synthesis, the lines in the person's
// privacy export, and nothing of them after they are erased.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { loadSampleBoard, openMember, planSession } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const DECISION = 'Usage-based pricing for the analytics add-on?'
const TITLE = 'Pricing interviews, recorded'

/** Grants (or renews) a recording consent, or revokes it, on a member's page. */
async function recording(page, name, grant) {
  await openMember(page, name)
  const revoke = page.getByRole('button', { name: 'Revoke recording consent' })
  if (grant) {
    await page.getByRole('button', { name: /^(Grant|Renew) recording consent$/ }).click()
    await page
      .getByRole('form', { name: 'Grant recording consent' })
      .getByRole('button', { name: 'Save consent' })
      .click()
    await revoke.waitFor()
  } else if (await revoke.count()) {
    await revoke.click()
    await revoke.waitFor({ state: 'detached' })
  }
}

test('a transcript becomes attributed quotes by keyboard, with recording consent checked and erasure honoured', async () => {
  const { page, errors } = app
  await loadSampleBoard(page)
  const [ana, bo, cy] = await planSession(page, { decision: DECISION, title: TITLE, n: 3 })
  const sessionId = Number(/#\/sessions\/plan\/(\d+)/.exec(page.url())[1])
  const people = page.getByRole('region', { name: 'Internal attendees' })
  await people.getByLabel('Name', { exact: true }).fill('Priya Shah')
  await people.getByLabel('Role', { exact: true }).selectOption('product')
  await people.getByRole('button', { name: 'Add attendee' }).click()
  await people.getByRole('listitem').filter({ hasText: 'Priya Shah' }).waitFor()
  await recording(page, ana, true)
  await recording(page, bo, true)
  await recording(page, cy, false)

  // The file as Teams writes it; the second participant by first name only.
  const boFirst = bo.split(' ')[0]
  const dir = await mkdtemp(join(tmpdir(), 'sb-transcript-'))
  const vtt = join(dir, 'pricing-call.vtt')
  await writeFile(
    vtt,
    [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      '<v Priya Shah>Thanks for joining. How do you pay for reports today?</v>',
      '',
      '00:00:05.000 --> 00:00:08.000',
      `<v ${ana}>We pay per seat, and half the seats sit idle.</v>`,
      '',
      '00:00:08.500 --> 00:00:12.000',
      `<v ${ana}>I would rather pay for what we run.</v>`,
      '',
      '00:00:13.000 --> 00:00:16.000',
      `<v ${boFirst}>Per report would scare our finance team, to be honest.</v>`,
      '',
      '00:01:02.000 --> 00:01:05.000',
      `<v ${cy}>I never look at the invoice.</v>`,
      '',
    ].join('\n'),
  )
  const notes = join(dir, 'notes.docx')
  await writeFile(notes, 'PK\x03\x04 not a transcript')

  await page.goto(page.url().replace(/#.*/, `#/sessions/transcripts/${sessionId}`))
  await page.getByRole('heading', { name: `Transcripts: ${TITLE}` }).waitFor()
  const file = page.getByLabel('Transcript file (.vtt or .srt)')
  // A wrong file is refused, naming the problem; nothing is imported.
  await file.setInputFiles(notes)
  await page.getByRole('alert').filter({ hasText: 'notes.docx is not a .vtt or .srt file' }).waitFor()
  await page.getByText('No transcript yet.').waitFor()
  await file.setInputFiles(vtt)
  await page.getByText(/pricing-call\.vtt · 5 lines · 0 quoted/).waitFor()

  // Speakers matched by name: the facilitator is the team; the others are participants.
  assert.equal(await page.getByLabel('Who is Priya Shah?').inputValue(), 'team')
  const matched = async (label) =>
    page.getByLabel(`Who is ${label}?`).evaluate((s) => s.options[s.selectedIndex].textContent)
  assert.equal(await matched(ana), ana)
  assert.equal(await matched(boFirst), bo)
  assert.equal(await matched(cy), cy)
  const speakers = page.getByRole('region', { name: 'Speakers' })
  await speakers.getByText(`Record consent on ${cy}'s page`).waitFor()
  assert.equal(await speakers.getByText('Recording consent on record').count(), 2)

  // By keyboard: down to the first line of the first participant, take in
  // their next line, choose the assumption check (1), quote.
  const lines = page.getByRole('listbox', { name: 'Transcript lines' })
  await lines.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowDown') // the next line is someone else's: the selection stays
  assert.equal(await lines.getByRole('option', { selected: true }).count(), 2)
  await page.keyboard.press('1')
  assert.equal(await page.getByLabel('Quote on').inputValue(), '1')
  await page.keyboard.press('q')
  await page
    .getByRole('status')
    .filter({ hasText: `Quoted ${ana} on Assumption check.` })
    .waitFor()
  assert.equal(await lines.getByText('Quoted in Assumption check').count(), 2)

  // The next line is selected: quote an excerpt of it on the session as a whole.
  await page.keyboard.press('0')
  await page.keyboard.press('e')
  const excerpt = page.getByLabel(/^Excerpt to quote/)
  assert.equal(await excerpt.inputValue(), 'Per report would scare our finance team, to be honest.')
  await excerpt.fill('Per report would scare our finance team')
  await page.keyboard.press('Control+Enter')
  await page
    .getByRole('status')
    .filter({ hasText: `Quoted ${bo} on the session.` })
    .waitFor()

  // Refused: the one who never agreed to be recorded, and the team.
  await page.keyboard.press('End')
  await page.keyboard.press('q')
  await page
    .getByRole('alert')
    .filter({ hasText: `${cy} has no recording consent on record` })
    .waitFor()
  await page.keyboard.press('Home')
  await page.keyboard.press('Enter')
  await page.getByRole('alert').filter({ hasText: 'Priya Shah is the team' }).waitFor()
  await shot(page, 'transcript-quoting')

  // Reload: everything was kept.
  await page.reload()
  await page.getByText(/pricing-call\.vtt · 5 lines · 3 quoted/).waitFor()
  assert.equal(await lines.getByText('Quoted in Assumption check').count(), 2)
  assert.equal(await lines.getByText('Quoted in the session').count(), 1)

  // The quotes are in the synthesis, attributed.
  await page.goto(page.url().replace(/#.*/, `#/sessions/after/${sessionId}`))
  await page.getByRole('heading', { name: `Synthesis: ${TITLE}` }).waitFor()
  const whole = 'We pay per seat, and half the seats sit idle. I would rather pay for what we run.'
  await page.getByText(whole).first().waitFor()
  await page.getByText('Per report would scare our finance team', { exact: true }).first().waitFor()

  // The person's export holds what they said; erasing them removes it.
  await openMember(page, ana)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this person’s data' }).click(),
  ])
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'))
  assert.deepEqual(
    exported.transcripts.filter((l) => l.file === 'pricing-call.vtt').map((l) => [l.file, l.speaker, l.text]),
    [
      ['pricing-call.vtt', ana, 'We pay per seat, and half the seats sit idle.'],
      ['pricing-call.vtt', ana, 'I would rather pay for what we run.'],
    ],
  )
  await page.getByRole('button', { name: 'Erase this person' }).click()
  const dialog = page.getByRole('dialog', { name: `Erase ${ana}?` })
  await dialog.getByLabel(/^Type/).fill(ana)
  await dialog.getByRole('button', { name: 'Erase for good' }).click()
  await dialog.waitFor({ state: 'detached' })

  await page.goto(page.url().replace(/#.*/, `#/sessions/transcripts/${sessionId}`))
  await page.getByText(/pricing-call\.vtt · 3 lines · 1 quoted/).waitFor()
  assert.equal(await page.getByLabel(`Who is ${ana}?`).count(), 0, 'the erased name is gone as a speaker')
  assert.equal(await lines.getByText('We pay per seat').count(), 0)
  assert.deepEqual(errors, [])
})
