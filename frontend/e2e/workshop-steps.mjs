// Steps of the workshop tests (workshops.test.mjs, kill-autosave.test.mjs):
// plan a session of a format, move through its agenda by keyboard, wait
// for the autosave.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'

const DECISION = 'Usage-based pricing for the analytics add-on?'

/** Puts focus on a control and presses a key there, as a keyboard user would after tabbing to it. */
export async function press(locator, key = 'Enter') {
  await locator.focus()
  await locator.press(key)
}

/** Waits until the caret is in a new text box (after Add note / Add quote). */
export async function caretInTextarea(page) {
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
}

/** Plans a session of format (its agenda starting with first) with n participants; returns their names. */
export async function plan(page, title, format, first, n = 2) {
  await page.goto(new URL('#/sessions', page.url()).href)
  await page.getByRole('button', { name: 'Plan a session' }).click()
  await page.getByRole('heading', { name: 'Plan a session' }).waitFor()
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: DECISION })
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Format', { exact: true }).selectOption(format)
  // The format's agenda, previewed before the session exists.
  await page
    .getByRole('list', { name: /^Agenda it starts with/ })
    .getByRole('listitem')
    .first()
    .getByText(first)
    .waitFor()
  await page.getByRole('button', { name: 'Create session' }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
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

/** Starts the run and moves by keyboard to the activity called title. */
export async function runTo(page, title) {
  const strip = page.getByRole('navigation', { name: 'Agenda' })
  for (let i = 0; i < 6; i++) {
    if (
      (await strip.getByRole('button', { name: new RegExp(title), exact: false }).getAttribute('aria-current')) ===
      'step'
    )
      break
    await page.keyboard.press('Alt+PageDown')
  }
  await page.getByRole('heading', { name: title, level: 2 }).waitFor()
  assert.equal(await strip.getByRole('button', { name: new RegExp(title) }).getAttribute('aria-current'), 'step')
}

export async function saved(page) {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor()
}

/** Downloads the session report of session (as the Reports page lists it) and returns its text, spaces folded. */
export async function reportText(page, session) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('radio', { name: /^Session report/ }).check()
  await page.getByLabel('Session', { exact: true }).selectOption({ label: session })
  const preview = page.getByRole('region', { name: 'Preview' })
  await preview.getByText(/^\d+ pages? as PDF$/).waitFor()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Download PDF' }).click(),
  ])
  const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' })
  return text.replace(/\s+/g, ' ')
}
