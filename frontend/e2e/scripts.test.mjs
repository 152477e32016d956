// (s) Every script in the window: names typed in the member form in twelve
// scripts come back exactly after a reload, on the member page and in the
// list; the sample board shows its members and quotes in their own
// scripts, right-to-left ones isolated in their own direction.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, loadSampleBoard, memberRows, search, sessionId } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

// The same samples as backend/scripttest: one name per script.
const names = [
  'Élodie Ångström-Łódź',
  'Jörg Müller-Weiß',
  '李雷',
  '山田 花子',
  '박서준',
  'ليلى حداد',
  'שרה כהן',
  'ศิริพร วงศ์สวัสดิ์',
  'अनन्या शर्मा',
  'Ada 👩‍🔬',
  '𠮷野 太郎',
  'Grace (ليلى) Okafor',
]
const rtl = new Set(['ليلى حداد', 'שרה כהן'])

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

/** The text of the page's main heading, as the DOM holds it. */
const heading = (page) => page.locator('h1').first().textContent()

test('names in every script survive the member form, a reload and the list', async () => {
  const { page } = app
  await page.getByRole('heading', { name: 'Your board is empty' }).waitFor()
  for (const [i, name] of names.entries()) {
    await page.evaluate(() => (window.location.hash = '#/board/new'))
    await page.getByRole('heading', { name: 'Add member' }).waitFor()
    await page.getByLabel('Name').fill(name)
    await page.getByLabel('Email').fill(`m${i}@scripts.example`)
    await page.getByLabel('Company').fill(`${name} & Co`)
    await page.getByRole('button', { name: 'Add member' }).click()
    await page.getByRole('heading', { name }).waitFor()

    // Reload: what comes back is what the database holds, exactly.
    await page.reload()
    await page.getByRole('heading', { name }).waitFor()
    assert.equal(await heading(page), name)
    assert.equal(await page.getByLabel('Name').inputValue(), name)
    assert.equal(await page.getByLabel('Company').inputValue(), `${name} & Co`)
    // A right-to-left name reads right to left, in the heading and as typed.
    const dirs = await page.evaluate(() => [
      getComputedStyle(document.querySelector('h1 bdi')).direction,
      getComputedStyle(document.querySelector('h1 bdi')).unicodeBidi,
    ])
    assert.deepEqual(dirs, [rtl.has(name) ? 'rtl' : 'ltr', 'isolate'], name)
    assert.equal(await page.getByLabel('Name').evaluate((el) => getComputedStyle(el).unicodeBidi), 'plaintext')
    if (rtl.has(name)) await shot(page, `s1-member-${i}`)
    await page.getByRole('link', { name: 'All members' }).click()
    await expectCount(page, i + 1)
  }
  const listed = await memberRows(page).getByRole('link').allTextContents()
  assert.deepEqual([...listed].sort(), [...names].sort())
  await shot(page, 's2-every-script')

  // Each name is found by searching for itself.
  for (const name of ['李雷', 'ليلى حداد', 'अनन्या शर्मा', 'ศิริพร วงศ์สวัสดิ์']) {
    await search(page, name)
    await page.getByRole('link', { name, exact: true }).waitFor()
  }
  assert.deepEqual(app.errors, [])
})

test('the sample board shows its members and quotes in their own scripts', async () => {
  const other = await openApp()
  try {
    const { page } = other
    await loadSampleBoard(page)
    const sample = ['李雷', 'محمد الفارسي', '山田 花子', '박서준', 'ليلى حداد', 'अनन्या शर्मा', 'ศิริพร วงศ์สวัสดิ์']
    for (const name of sample) {
      await search(page, name)
      await memberRows(page).getByRole('link', { name, exact: true }).waitFor()
      await expectCount(page, 1)
      assert.equal(await memberRows(page).getByRole('link').textContent(), name)
    }

    // The round beyond English: every quote reads as it was said.
    const id = await sessionId(page, 'Supplier onboarding: beyond English')
    await page.evaluate((h) => (window.location.hash = h), `#/sessions/after/${id}`)
    await page.getByRole('heading', { name: /beyond English/ }).waitFor()
    const quotes = [
      '仕入れ先の価格表は、ほとんどFAXで届きます。15分では無理です。',
      'CSV는 문제없어요. 다만 거래처마다 단가가 달라서 파일이 여러 개예요.',
      'إذا وصل أول طلب صحيحًا، سأبقى.',
      'मेरे ज़्यादातर सप्लायर व्हाट्सऐप पर फ़ोटो भेजते हैं।',
      'ราคาจากตลาดเปลี่ยนทุกเช้า ฉันต้องแก้เองได้ทันที',
      'Like ليلى حداد said: if the first order arrives right, I stay.',
    ]
    const shown = await page.locator('blockquote bdi').allTextContents()
    for (const q of quotes) assert.ok(shown.includes(q), `quote ${q} not shown; shown: ${shown.join(' | ')}`)
    // The Arabic quote runs right to left inside its isolate; the English
    // sentence quoting an Arabic name stays left to right.
    const dir = (text) =>
      page.evaluate((t) => {
        const el = [...document.querySelectorAll('blockquote bdi')].find((b) => b.textContent === t)
        return getComputedStyle(el).direction
      }, text)
    assert.equal(await dir('إذا وصل أول طلب صحيحًا، سأبقى.'), 'rtl')
    assert.equal(await dir('Like ليلى حداد said: if the first order arrives right, I stay.'), 'ltr')
    await page.locator('blockquote', { hasText: 'إذا وصل' }).scrollIntoViewIfNeeded()
    await shot(page, 's3-sample-quotes')
    assert.deepEqual(other.errors, [])
  } finally {
    await other.close()
  }
})
