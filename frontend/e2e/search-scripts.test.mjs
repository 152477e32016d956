// Board search finds names in every script: CJK by any character, Thai
// words inside text without spaces, German names typed without umlauts
// (mueller and muller), accents folded (angstrom); and nothing else.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { expectCount, memberRows, search } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
})
after(async () => {
  await app?.close()
})

const members = [
  ['李雷', 'lilei@example.cn', '北京科技', ''],
  ['韩梅梅', 'meimei@example.cn', '上海贸易', ''],
  ['山田花子', 'hanako@example.jp', '山田商店', ''],
  ['김민준', 'minjun@example.kr', '서울전자', ''],
  ['สมชาย ใจดี', 'somchai@example.th', 'ร้านอาหาร', 'ชอบกินข้าวมันไก่ทุกวัน'],
  ['Jörg Müller', 'joerg@example.de', 'Straßenbau GmbH', ''],
  ['Hans Mueller', 'hans@example.de', 'Mueller Metall', ''],
  ['Anna Muller', 'anna@example.fr', 'Boulangerie', ''],
  ['Anders Ångström', 'anders@example.se', 'Fjord AB', ''],
  ['Samuel Blue', 'samuel@example.com', 'Queue Ltd', 'Due in June'],
]
const csv = 'Name,Email,Company,Notes\n' + members.map((m) => m.map((f) => `"${f}"`).join(',')).join('\n') + '\n'

/** Searches for query and waits until the list shows exactly names. */
async function expectFound(page, query, names) {
  await search(page, query)
  await expectCount(page, names.length)
  const want = [...names].sort()
  let got = []
  for (let i = 0; i < 50; i++) {
    const rows = await memberRows(page).allTextContents()
    got = members.map((m) => m[0]).filter((n) => rows.some((r) => r.includes(n)))
    if (rows.length === names.length && JSON.stringify(got.sort()) === JSON.stringify(want)) return
    await page.waitForTimeout(100)
  }
  assert.deepEqual(got, want, `search ${query}`)
}

test('board search finds names in every script and German names typed without umlauts', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Import members' }).click()
  await page.getByRole('heading', { name: 'Import members' }).waitFor()
  await page
    .getByLabel('Contact file (.csv or .vcf)')
    .setInputFiles({ name: 'scripts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.getByText(`${members.length} new`).waitFor()
  await page.getByRole('button', { name: `Import ${members.length} members` }).click()
  await page.getByText(`Imported ${members.length} members`).waitFor()
  await page.getByRole('link', { name: 'See them on the board' }).click()
  await expectCount(page, members.length)

  // CJK by any part of one or more characters.
  await expectFound(page, '雷', ['李雷'])
  await expectFound(page, '李雷', ['李雷'])
  await expectFound(page, '梅', ['韩梅梅'])
  await expectFound(page, '花子', ['山田花子'])
  await expectFound(page, '민준', ['김민준'])
  await expectFound(page, '科技', ['李雷'])
  await expectFound(page, '雷李', [])
  // Thai: a word inside a name, and inside a note without spaces.
  await expectFound(page, 'ใจดี', ['สมชาย ใจดี'])
  await expectFound(page, 'ข้าวมันไก่', ['สมชาย ใจดี'])
  await shot(page, 'search-thai')
  // German names typed without umlauts, and ß as ss.
  await expectFound(page, 'mueller', ['Jörg Müller', 'Hans Mueller'])
  await shot(page, 'search-mueller')
  await expectFound(page, 'muller', ['Jörg Müller', 'Anna Muller'])
  await expectFound(page, 'strasse', ['Jörg Müller'])
  // Accents folded, as before.
  await expectFound(page, 'angstrom', ['Anders Ångström'])
  // English is not read as German: no junk.
  await expectFound(page, 'samul', [])
  await expectFound(page, 'queue', ['Samuel Blue'])
  assert.deepEqual(app.errors, [])
})
