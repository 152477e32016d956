// The team: two `serve` instances on two databases share one board through
// one folder. A shares its sample board and invites; B joins with the code
// through the form and gets A's members; an edit on A reaches B; a wrong
// code on a third laptop is refused and changes nothing; the member's change history
// on A names both teammates.
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { loadSampleBoard, memberCount, memberRows, openMember } from './helpers.mjs'
import { openApp, shot } from './server.mjs'
import { env, eventually, fillForm, inviteCode, joinTeam, openTeam, shareBoard, teammateRows } from './team.mjs'

let folder, a, b
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sb-team-'))
  ;[a, b] = await Promise.all([openApp({ env }), openApp({ env })])
})
after(async () => {
  await Promise.all([a?.close(), b?.close()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** The devices with a folder in the team folder (A and B keep syncing, so files come and go). */
const devicesIn = (dir) => readdirSync(join(dir, 'devices')).sort()

test('two laptops share one board through a folder', async () => {
  // A: the sample board, shared through the form.
  const members = await loadSampleBoard(a.page)
  await shareBoard(a.page, folder, 'Ana')
  const code = await inviteCode(a.page)
  assert.match(code, /^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){6}$/)
  await shot(a.page, 'team1-invite')

  // B: an empty board joins with the code.
  await openTeam(b.page) // so the time counted is the join's alone
  const joinedAt = Date.now()
  await joinTeam(b.page, folder, code, 'Ben')
  const joinedIn = Date.now() - joinedAt
  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await eventually(`B lists A's ${members} members`, async () => {
    await b.page.reload()
    return (await memberCount(b.page)) === members
  })
  console.log(
    `Join took ${joinedIn} ms; B listed A's ${members} members ${Date.now() - joinedAt} ms after Join was pressed`,
  )

  // An edit on A, made as a user makes it, reaches B.
  await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  const name = (await memberRows(a.page).first().getByRole('link').first().textContent()).trim()
  await openMember(a.page, name)
  const role = `Head of sync ${Date.now() % 100000}`
  await a.page.getByLabel('Role', { exact: true }).fill(role)
  await a.page.getByRole('button', { name: 'Save changes' }).click()
  await a.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
  const savedAt = Date.now()
  await openMember(b.page, name)
  await eventually(`B shows ${name}'s new role`, async () => {
    await b.page.reload()
    await b.page.getByRole('heading', { name, level: 1 }).waitFor()
    return (await b.page.getByLabel('Role', { exact: true }).inputValue()) === role
  })
  console.log(`B showed the edit ${Date.now() - savedAt} ms after A saved it`)
  await shot(b.page, 'team2-edit-on-b')

  // B edits the same member; A's change history of them names both teammates.
  const company = `Synced Co ${Date.now() % 100000}`
  await b.page.getByLabel('Company', { exact: true }).fill(company)
  await b.page.getByRole('button', { name: 'Save changes' }).click()
  await b.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
  await eventually(`A's change history of ${name} names Ana and Ben`, async () => {
    await a.page.reload()
    await a.page.getByRole('button', { name: 'Change history', exact: true }).click()
    const text = await a.page.getByRole('list', { name: 'Change history', exact: true }).textContent()
    return (
      text.includes(`Ben (Ben's laptop)`) &&
      text.includes(`Company:`) &&
      text.includes(company) &&
      text.includes(`Ana (you, Ana's laptop)`) &&
      text.includes(role)
    )
  })
  await a.page.getByRole('list', { name: 'Change history', exact: true }).scrollIntoViewIfNeeded()
  await shot(a.page, 'team2-history-on-a')

  // Both Team pages list both laptops.
  for (const [page, me] of [
    [a.page, 'Ana'],
    [b.page, 'Ben'],
  ]) {
    await openTeam(page)
    await eventually(`${me}'s Team page lists two teammates`, async () => (await teammateRows(page).count()) === 2)
    const first = await teammateRows(page).first().textContent()
    assert.match(first, new RegExp(`${me}.*this laptop`))
    const text = await page.getByRole('table', { name: /Teammates/ }).textContent()
    assert.match(text, /Ana's laptop/)
    assert.match(text, /Ben's laptop/)
  }
  await b.page.getByText(/^Last sync$/).waitFor()
  await shot(a.page, 'team3-status')

  // Sync now says what the pass did.
  await a.page.getByRole('button', { name: 'Sync now' }).click()
  await a.page
    .getByRole('status')
    .filter({ hasText: /^Synced: / })
    .waitFor()
})

test('a wrong invite code on a third laptop is refused and changes nothing', async () => {
  const c = await openApp({ env })
  try {
    await openTeam(c.page)
    const devices = devicesIn(folder)
    assert.equal(devices.length, 2)
    const values = { 'Shared folder': folder, 'Your name': 'Cleo', "This laptop's name": "Cleo's laptop" }

    // Not a code at all: the error is next to the code field.
    const form = await fillForm(c.page, 'Join a team', { ...values, 'Invite code': 'not a code' }, 'Join the team')
    await form.locator('.field-error', { hasText: 'not an invite code' }).waitFor()
    assert.equal(await form.getByLabel('Invite code', { exact: true }).getAttribute('aria-invalid'), 'true')

    // A well-formed code that opens no invitation: the form's error says so.
    await fillForm(c.page, 'Join a team', { 'Invite code': 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG' }, 'Join the team')
    await form.getByRole('alert').filter({ hasText: 'opens with this code' }).waitFor()
    await shot(c.page, 'team4-wrong-code')

    // Nothing changed: still in no team, the board still empty, no new device in the folder.
    await c.page.reload()
    await c.page.getByRole('form', { name: 'Join a team' }).waitFor()
    assert.equal(await c.page.getByRole('button', { name: 'Sync now' }).count(), 0)
    assert.deepEqual(devicesIn(folder), devices)
    await c.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
    await c.page.getByRole('button', { name: 'Load a sample board' }).waitFor()
  } finally {
    await c.close()
  }
})

test('a laptop leaves the team and keeps its board', async () => {
  await openTeam(b.page)
  await b.page.getByRole('button', { name: 'Leave the team' }).click()
  const dialog = b.page.getByRole('dialog', { name: 'Leave the team?' })
  await dialog.getByText('The board stays on this laptop').waitFor()
  await dialog.getByRole('button', { name: 'Leave the team' }).click()
  await b.page.getByRole('form', { name: 'Share this board with your team' }).waitFor()
  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  assert.ok((await memberCount(b.page)) > 0, 'the board stays on the laptop that left')

  // A hears of it: Ben is listed as removed.
  await openTeam(a.page)
  await eventually('A lists Ben as removed', async () =>
    /removed/.test(await teammateRows(a.page).filter({ hasText: 'Ben' }).textContent()),
  )
  await shot(a.page, 'team5-removed')
})

test('a teammate removes a laptop: it is listed as removed and its files leave the folder', async () => {
  const c = await openApp({ env })
  let closed = false
  try {
    await openTeam(a.page)
    await a.page.getByRole('button', { name: 'Invite a laptop' }).click()
    const code = (await a.page.getByRole('status', { name: 'Invite code' }).textContent()).trim()
    const before = devicesIn(folder)
    await openTeam(c.page)
    await fillForm(
      c.page,
      'Join a team',
      { 'Shared folder': folder, 'Invite code': code, 'Your name': 'Cleo', "This laptop's name": "Cleo's laptop" },
      'Join the team',
    )
    await c.page.getByRole('button', { name: 'Sync now' }).waitFor()
    const cleo = devicesIn(folder).filter((d) => !before.includes(d))
    assert.equal(cleo.length, 1, 'Cleo has one folder of her own')

    const row = teammateRows(a.page).filter({ hasText: 'Cleo' })
    await eventually('A lists Cleo', async () => (await row.count()) === 1)
    await row.getByRole('button', { name: 'Remove' }).click()
    const dialog = a.page.getByRole('dialog', { name: "Remove Cleo's laptop from the team?" })
    await dialog.getByText("The team's key is changed").waitFor()
    await shot(a.page, 'team6-remove')
    await dialog.getByRole('button', { name: 'Remove from the team' }).click()
    await eventually('A lists Cleo as removed', async () => /removed/.test(await row.textContent()))
    assert.equal(await row.getByRole('button', { name: 'Remove' }).count(), 0, 'a removed laptop has no Remove button')
    // Cleo's laptop, which cannot read the new key, would write its folder again; it is closed here.
    await c.close()
    closed = true
    await eventually("Cleo's files leave the shared folder", async () => !devicesIn(folder).includes(cleo[0]))
  } finally {
    if (!closed) await c.close()
  }
})
