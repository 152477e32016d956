// Imports a team can repeat: a CSV with consent columns makes people
// invitable at once; an updated file re-imported updates who is there
// without losing what the team knows, asks about a name-and-company match,
// refuses an erased person, and leaves out a bad row on purpose, which
// comes back as a CSV to fix.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'
import { expectCount, openMember, search } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const csv = (name, lines) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n', 'utf8') })

const first = csv('board.csv', [
  'Name,Email,Company,Phone,Contact consent,Contact consent date,Recording consent,Recording consent date',
  'Ann Lee,ann@acme.example,Acme,+1 555 0101,yes,2025-01-10,yes,2025-01-10',
  'Bo Ng,bo@beta.example,Beta,+1 555 0202,yes,2025-02-01,,',
  'Cy Old,cy@gamma.example,Gamma,,yes,2025-01-05,,',
  'Dee Gone,dee@delta.example,Delta,,yes,2025-01-05,,',
])

// Ann: new phone, a newer contact consent, an older withdrawal of recording.
// Bo: a blank phone. Cy: same name and company, another email. Dee: erased.
// Eve: new. Fay: a bad email.
const second = csv('board-v2.csv', [
  'Name,Email,Company,Phone,Contact consent,Contact consent date,Recording consent,Recording consent date',
  'Ann Lee,ann@acme.example,Acme,+1 555 0199,yes,2025-03-01,no,2024-12-01',
  'Bo Ng,bo@beta.example,Beta,,,,,',
  'Cy Old,cy.new@gamma.example,Gamma,,,,,',
  'Dee Gone,dee@delta.example,Delta,,,,,',
  'Eve New,eve@epsilon.example,Epsilon,,yes,2025-04-01,,',
  'Fay Bad,not-an-email,Zeta,,,,,',
])

async function openImport(page) {
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByRole('heading', { name: 'Import members' }).waitFor()
}

/** Waits until the member form's field shows want. */
async function expectField(page, label, want) {
  await page.waitForFunction(
    ([l, w]) =>
      [...document.querySelectorAll('label')].some((el) => el.textContent.trim() === l && el.control?.value === w),
    [label, want],
  )
}

test('consent columns import, and an updated file re-imports without losing anything', async () => {
  const { page } = app

  // 1. The first file: its consent columns are recognised and imported.
  await openImport(page)
  await page.getByLabel('Contact file (.csv or .vcf)').setInputFiles(first)
  await page.getByText('4 new').waitFor()
  await page.getByRole('button', { name: 'Change column mapping' }).click()
  assert.equal(
    await page.getByLabel('Field for column Contact consent', { exact: true }).inputValue(),
    'consent_contact',
  )
  assert.equal(await page.getByLabel('Field for column Contact consent date').inputValue(), 'consent_contact_date')
  assert.equal(
    await page.getByLabel('Field for column Recording consent', { exact: true }).inputValue(),
    'consent_recording',
  )
  await page.getByRole('button', { name: 'Import 4 members' }).click()
  await page.getByText('Imported 4 members').waitFor()
  await page.getByText(/4 new, 0 updated.*; 5 consents recorded/).waitFor()

  // Everyone may be contacted (so invited) without opening them one by one.
  await page.getByRole('link', { name: 'See them on the board' }).click()
  await expectCount(page, 4)
  await page.getByLabel('Consent').selectOption('contact_ok')
  await expectCount(page, 4)
  await page.getByLabel('Consent').selectOption('')

  // 2. Dee asks to be forgotten.
  await openMember(page, 'Dee Gone')
  await page.getByRole('button', { name: 'Erase this person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Erase Dee Gone?' })
  await dialog.getByLabel(/^Type/).fill('Dee Gone')
  await dialog.getByRole('button', { name: 'Erase for good' }).click()
  await page.getByText(/^0 members? match$/).waitFor()

  // 3. The updated file: people on the board are skipped unless asked to update.
  await openImport(page)
  await page.getByLabel('Contact file (.csv or .vcf)').setInputFiles(second)
  await page.getByText('1 new').waitFor()
  await page.getByText('2 already on the board, skipped').waitFor()
  const existing = page.getByRole('group', { name: 'People already on the board' })
  await existing.getByLabel(/^Update them/).check()
  await page.getByText('1 to update').waitFor()
  await page.getByText('1 unchanged').waitFor()
  await page.getByText('1 to review').waitFor()
  await page.getByText('1 refused').waitFor()
  await page.getByText('1 with problems').waitFor()

  const table = page.getByRole('table', { name: 'Rows to import' })
  const rowOf = (name) => table.getByRole('row').filter({ hasText: name })
  const ann = await rowOf('Ann Lee').textContent()
  assert.match(ann, /Update/)
  assert.match(ann, /Phone: \+1 555 0101 → \+1 555 0199/)
  assert.match(ann, /Contact consent: given 2025-01-10 → given 2025-03-01/)
  assert.doesNotMatch(ann, /Recording consent/, 'an older withdrawal must not change a newer consent')
  assert.match(await rowOf('Bo Ng').textContent(), /Unchanged/)
  assert.match(await rowOf('Dee Gone').textContent(), /Refused.*erased from the board/)
  assert.match(await rowOf('Fay Bad').textContent(), /not a valid address/)
  const importButton = page.getByRole('button', { name: /^Import \d+ members?$/ })
  assert.equal(await importButton.isDisabled(), true)

  // Cy: the same person, with a new email.
  const review = page.getByRole('group', { name: /^Line 4: Cy Old \(cy\.new@gamma\.example\)/ })
  await review.getByLabel('Same person').check()
  await page.getByText('2 to update').waitFor()
  assert.match(await rowOf('Cy Old').textContent(), /Email: cy@gamma\.example → cy\.new@gamma\.example/)
  await shot(page, 'reimport-preview')

  // The bad row comes back as a CSV to fix; the erased person does not.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the 1 row to fix (CSV)' }).click(),
  ])
  assert.equal(download.suggestedFilename(), 'board-v2-to-fix.csv')
  const toFix = await readFile(await download.path(), 'utf8')
  assert.match(toFix, /^Import problems,Name,Email,Company,Phone/)
  assert.match(toFix, /not a valid address.*,Fay Bad,not-an-email,Zeta/)
  assert.doesNotMatch(toFix, /Dee Gone|Ann Lee/)
  await page.getByText('Downloaded board-v2-to-fix.csv').waitFor()

  // Leave the two out on purpose, and import the rest in one go.
  assert.equal(await importButton.isDisabled(), true)
  await page.getByLabel('Import the other rows and leave these 2 out').check()
  await page.getByRole('button', { name: 'Import 3 members' }).click()
  await page.getByText('Imported 3 members').waitFor()
  await page.getByText(/1 new, 2 updated, 1 unchanged, 0 skipped, 2 left out/).waitFor()
  await shot(page, 'reimport-done')

  // 4. What is stored: Ann's new phone and newer consent, her recording
  // consent kept; Bo's phone kept; Cy's new email; Dee and Fay absent.
  await openMember(page, 'Ann Lee')
  await expectField(page, 'Phone', '+1 555 0199')
  await page.getByText('From the import of board-v2.csv (line 2)').waitFor()
  const consent = page.getByRole('region', { name: 'Consent' })
  assert.match(await consent.textContent(), /Recording.*Valid/)
  await openMember(page, 'Bo Ng')
  await expectField(page, 'Phone', '+1 555 0202')
  await openMember(page, 'Cy Old')
  await expectField(page, 'Email', 'cy.new@gamma.example')
  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await search(page, '')
  await expectCount(page, 4)
  for (const gone of ['Dee Gone', 'Fay Bad']) {
    await search(page, gone)
    await page.getByText(/^0 members? match$/).waitFor()
  }
  assert.deepEqual(app.errors, [])
})
