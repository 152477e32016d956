// Helpers of the team tests: two or more `serve` instances share one board
// through one folder, each syncing every second (env), so waits stay short.
import assert from 'node:assert/strict'

export const env = { SOUNDINGBOARD_SYNC_INTERVAL: '1s' }
export const waitMs = 30_000

/** Retries check (which may act on the page, e.g. reload it) until it returns true. */
export async function eventually(what, check) {
  const deadline = Date.now() + waitMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > deadline) assert.fail(`not within ${waitMs / 1000} s: ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

export async function openTeam(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click()
  await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor()
}

/** Fills the named form's fields by label and submits it with the button named submit. */
export async function fillForm(page, form, values, submit) {
  const f = page.getByRole('form', { name: form })
  for (const [label, value] of Object.entries(values)) await f.getByLabel(label, { exact: true }).fill(value)
  await f.getByRole('button', { name: submit }).click()
  return f
}

/** The data rows of the Team page's teammates table. */
export const teammateRows = (page) => page.getByRole('table', { name: /Teammates/ }).locator('tbody tr')

/** Shares the page's board through folder, as person on their laptop, through the Team page's form. */
export async function shareBoard(page, folder, person) {
  await openTeam(page)
  await fillForm(
    page,
    'Share this board with your team',
    { 'Shared folder': folder, 'Your name': person, "This laptop's name": `${person}'s laptop` },
    'Share this board',
  )
  await page.getByRole('button', { name: 'Sync now' }).waitFor()
}

/** A new invite code, from the Team page of a shared board. */
export async function inviteCode(page) {
  await page.getByRole('button', { name: 'Invite a laptop' }).click()
  return (await page.getByRole('status', { name: 'Invite code' }).textContent()).trim()
}

/** Joins the team of folder with code, as person on their laptop; the page's board must be empty. */
export async function joinTeam(page, folder, code, person) {
  await openTeam(page)
  await fillForm(
    page,
    'Join a team',
    { 'Shared folder': folder, 'Invite code': code, 'Your name': person, "This laptop's name": `${person}'s laptop` },
    'Join the team',
  )
  await page.getByRole('button', { name: 'Sync now' }).waitFor()
}
