// Errors a person can read: a member or session that is not there, an
// address that leads nowhere, and a form's problems shown at their fields
// and cleared as they are fixed; none of it logged as a console error.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { openApp, shot } from './server.mjs'

let app
const consoleErrors = []
before(async () => {
  app = await openApp()
  app.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
})
after(async () => {
  await app?.close()
})

/** Opens a route by its hash, as a pasted or bookmarked link would. */
async function open(page, path) {
  await page.evaluate((p) => (window.location.hash = p), `#${path}`)
}

/** The visible text of the main area. */
async function mainText(page) {
  return page.locator('main').innerText()
}

test('a missing member or session, and an unknown address, read as not found with a way back', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Load a sample board' }).waitFor()

  await open(page, '/board/member/9999')
  await page.getByRole('heading', { name: 'Member not found' }).waitFor()
  let text = await mainText(page)
  assert.match(text, /There is no member 9999/)
  assert.doesNotMatch(text, /get member|could not be opened/i)
  await shot(page, 'errors-member-not-found')
  await page.getByRole('navigation', { name: 'Ways back' }).getByRole('link', { name: 'All members' }).click()
  await page.getByRole('button', { name: 'Load a sample board' }).waitFor()

  for (const path of [
    '/sessions/plan/4242',
    '/sessions/after/4242',
    '/sessions/run/4242',
    '/sessions/transcripts/4242',
  ]) {
    await open(page, path)
    await page.getByRole('heading', { name: 'Session not found' }).waitFor()
    assert.match(await mainText(page), /There is no session 4242/)
    assert.doesNotMatch(await mainText(page), /get session|not_found|could not be opened/i)
    await open(page, '/board')
    await page.getByRole('button', { name: 'Load a sample board' }).waitFor()
  }

  for (const [path, title] of [
    ['/sessions/decision/4242', 'Decision not found'],
    ['/followups/edit/4242', 'Reminder not found'],
  ]) {
    await open(page, path)
    await page.getByRole('heading', { name: title }).waitFor()
    assert.match(await mainText(page), /There is no (decision|reminder) 4242/)
  }

  for (const path of ['/members/9999', '/nowhere', '/board/nowhere', '/sessions/plan/abc']) {
    await open(page, path)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    text = await mainText(page)
    assert.ok(text.includes(path), `the page names the address ${path}: ${text}`)
    assert.doesNotMatch(text, /coming soon|get member/i)
    const ways = page.getByRole('navigation', { name: 'Ways back' })
    for (const name of ['Board', 'Sessions', 'Follow-ups']) await ways.getByRole('link', { name }).waitFor()
  }
  await shot(page, 'errors-page-not-found')
  await page.getByRole('navigation', { name: 'Ways back' }).getByRole('link', { name: 'Sessions' }).click()
  await page.getByRole('navigation', { name: 'Sessions' }).waitFor()
  assert.equal(await page.getByRole('heading', { name: 'Page not found' }).count(), 0)
})

test("a form's problems show at their fields and clear as each is fixed", async () => {
  const { page } = app
  await open(page, '/board/new')
  await page.getByRole('heading', { name: 'Add member' }).waitFor()
  const name = page.getByLabel('Name', { exact: true })
  const email = page.getByLabel('Email', { exact: true })
  await email.fill('not-an-email')
  await page.getByRole('button', { name: 'Add member' }).click()

  // Each problem at its field, as the field's description; focus on the first.
  await page.getByText('Name is required.').waitFor()
  assert.equal(await name.getAttribute('aria-invalid'), 'true')
  assert.equal(await email.getAttribute('aria-invalid'), 'true')
  const described = async (field) =>
    field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    )
  assert.match(await described(name), /Name is required\./)
  assert.match(await described(email), /Email "not-an-email" is not a valid address\./)
  assert.equal(await name.evaluate((el) => el === document.activeElement), true, 'focus goes to the first field to fix')
  // No summary repeats them, and no internal context shows.
  assert.equal(await page.getByRole('alert').count(), 0)
  assert.doesNotMatch(await mainText(page), /create member|invalid:/i)
  await shot(page, 'errors-field-problems')

  // Fixing a field clears its problem while typing, and only its own.
  await name.pressSequentially('Ada Lovelace')
  assert.equal(await page.getByText('Name is required.').count(), 0)
  assert.equal(await name.getAttribute('aria-invalid'), null)
  assert.equal(await email.getAttribute('aria-invalid'), 'true')
  await email.fill('ada@example.com')
  assert.equal(await page.getByText(/is not a valid address/).count(), 0)
  assert.equal(await email.getAttribute('aria-invalid'), null)

  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor()

  // A conflict caused by one field (a taken email) shows at that field too.
  await open(page, '/board/new')
  await page.getByRole('heading', { name: 'Add member' }).waitFor()
  await name.fill('Ada Twin')
  await email.fill('ada@example.com')
  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByText('Email ada@example.com is already used by Ada Lovelace.').waitFor()
  assert.equal(await email.getAttribute('aria-invalid'), 'true')
  assert.match(await described(email), /already used by Ada Lovelace/)
  assert.equal(await page.getByRole('alert').count(), 0)
  await email.fill('ada.twin@example.com')
  assert.equal(await email.getAttribute('aria-invalid'), null)
  await page.getByRole('button', { name: 'Add member' }).click()
  await page.getByRole('heading', { name: 'Ada Twin' }).waitFor()
})

test('no console errors and no uncaught errors along the way', () => {
  assert.deepEqual(consoleErrors, [])
  assert.deepEqual(app.errors, [])
})
