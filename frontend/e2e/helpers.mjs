// Small steps shared by the end-to-end tests.
import assert from 'node:assert/strict'

/** The "312 members" count under the page title, as a number. */
export async function memberCount(page) {
  const el = page.getByText(/^[\d,]+ members?( match)?$/)
  await el.waitFor()
  return Number((await el.textContent()).replace(/[^\d]/g, ''))
}

/** Waits until the count reads n. */
export async function expectCount(page, n) {
  await page.getByText(new RegExp(`^${n} members?( match)?$`)).waitFor()
}

/** Loads the sample board from the empty state; returns the member count. */
export async function loadSampleBoard(page) {
  await page.getByRole('button', { name: 'Load a sample board' }).click()
  await page.getByRole('table', { name: 'Members' }).waitFor()
  const n = await memberCount(page)
  assert.ok(n >= 25 && n <= 35, `sample board should have about 30 members, got ${n}`)
  return n
}

/**
 * The id of the session titled title. Every table takes its ids from one
 * counter, so the first sample session is not session 1.
 */
export async function sessionId(page, title) {
  const sessions = await page.evaluate(() => window.go.session.Plans.ListSessions())
  const found = sessions.find((s) => s.title === title)
  assert.ok(found, `no session titled ${title}`)
  return found.id
}

/** The data rows of the member list currently drawn. */
export function memberRows(page) {
  return page
    .getByRole('table', { name: 'Members' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
}

export async function search(page, text) {
  await page.getByRole('searchbox', { name: 'Search members' }).fill(text)
}

/** From anywhere: opens the board page of the one member named name. */
export async function openMember(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await search(page, name)
  await expectCount(page, 1)
  await memberRows(page).getByRole('link', { name }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

/**
 * From anywhere: plans a session for decision titled title and chooses n
 * people who may be contacted; returns their names, in the order chosen.
 */
export async function planSession(page, { decision, title, n }) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('button', { name: 'Plan a session' }).click()
  await page.getByRole('heading', { name: 'Plan a session' }).waitFor()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: decision })
  await page.getByText(/^\d+ chosen$/).waitFor() // the riskiest assumptions, suggested
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByRole('button', { name: 'Create session' }).click()
  await page.getByRole('heading', { name: title }).waitFor()
  await page.getByLabel('Only people with contact consent').check()
  const picker = page.getByRole('table', { name: 'Board members to choose from' })
  const names = []
  for (let i = 1; i <= n; i++) {
    const box = picker.getByRole('checkbox', { checked: false }).first()
    names.push((await box.getAttribute('aria-label')).replace(/^Choose /, ''))
    await box.check()
    await page.getByText(new RegExp(`^${i} (person|people) chosen$`)).waitFor()
  }
  return names
}
