// Issue 10, point 8 and part of 7: the risk map tells the truth. On the
// sample board "Top 5" marks only the riskiest; a new assumption's first
// placement is not a move; an assumption has the same number on its
// decision page and in the ledger; the map's labels stay readable; a long
// opportunity is read whole at 1280×800 and 1024×700.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { loadSampleBoard, sessionId } from './helpers.mjs'
import { openApp, shot } from './server.mjs'

let app
before(async () => {
  app = await openApp()
  await loadSampleBoard(app.page)
})
after(async () => {
  await app?.close()
})

const go = (page, path) => page.evaluate((p) => (window.location.hash = p), path)

/** sentence -> number as a page lists them (row number beside each sentence). */
async function numbers(page, rowSelector) {
  return page
    .locator(rowSelector)
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.querySelector('.assumption-sentence').textContent,
          r.querySelector('.row-number').textContent,
        ]),
      ),
    )
}

/** Importance, evidence and Top 5 of every point on a map, from what a screen reader hears. */
async function standings(map) {
  return map.getByRole('button').evaluateAll((els) =>
    els.map((e) => {
      const d = e.getAttribute('aria-description')
      const [, imp, ev] = /Importance (\d), evidence (\d)/.exec(d)
      return { top: d.startsWith('Top 5.'), risky: d.includes('Riskiest'), imp: Number(imp), ev: Number(ev) }
    }),
  )
}

async function addAssumption(page, customers, importance, evidence) {
  const form = page.getByRole('form', { name: 'Add an assumption' })
  await form.getByLabel('Customers').fill(customers)
  await form.getByLabel('Behavior').fill('order through the app')
  await form.getByLabel('Reason').fill('it saves them a call')
  await form.getByLabel('Category').selectOption('desirability')
  await form
    .getByRole('group', { name: 'Importance' })
    .getByRole('radio', { name: new RegExp(`^${importance} – `) })
    .check()
  await form
    .getByRole('group', { name: 'Evidence' })
    .getByRole('radio', { name: new RegExp(`^${evidence} – `) })
    .check()
  await form.getByRole('button', { name: 'Add assumption' }).click()
  await page
    .getByRole('group', { name: 'Importance × evidence' })
    .getByRole('button', { name: new RegExp(customers) })
    .waitFor()
}

test('Top 5 marks only the five riskiest, and numbers match between decision page and ledger', async () => {
  const { page } = app
  const ledgerMap = page.getByRole('group', { name: /Importance × evidence/ })
  const cards = page.getByRole('list', { name: 'Assumptions' }).getByRole('listitem', { name: /^Assumption / })
  const openLedger = async () => {
    await go(page, '#/sessions/assumptions')
    await page.getByRole('heading', { name: 'Assumption ledger' }).waitFor()
    await ledgerMap.getByRole('button').first().waitFor()
    return standings(ledgerMap)
  }
  // The sample board after its sessions: only what is important with little
  // evidence is Top 5, not every assumption.
  let all = await openLedger()
  let risky = all.filter((p) => p.risky)
  assert.ok(all.length > 5 && risky.length < 5, `${all.length} assumptions, ${risky.length} in the riskiest corner`)
  assert.deepEqual(
    all.filter((p) => p.top),
    risky,
    'Top 5 marks the riskiest corner and nothing else',
  )
  assert.equal(await cards.filter({ has: page.getByText('Top 5', { exact: true }) }).count(), risky.length)

  // Seven risky assumptions on a new decision: exactly five are Top 5, the riskiest.
  await go(page, '#/sessions/decision/new')
  await page.getByLabel('Decision', { exact: true }).fill('Open a bakery channel?')
  await page.getByRole('button', { name: 'Create decision' }).click()
  await page.getByRole('heading', { name: 'Open a bakery channel?' }).waitFor()
  const added = [
    ['bakery owners', 5, 1],
    ['bakery chains', 5, 2],
    ['pastry shops', 4, 1],
    ['cake makers', 4, 2],
    ['bread vans', 5, 1],
    ['flour mills', 4, 2],
  ]
  for (const [who, imp, ev] of added) await addAssumption(page, who, imp, ev)
  const dmapNew = page.getByRole('group', { name: 'Importance × evidence' })
  const onDecision = await standings(dmapNew)
  assert.equal(onDecision.filter((p) => p.top).length, 5, 'five of the six risky ones on the decision page')
  assert.equal(await page.locator('.assumption-row').filter({ hasText: 'Top 5' }).count(), 5)

  all = await openLedger()
  risky = all.filter((p) => p.risky)
  const top = all.filter((p) => p.top)
  assert.equal(top.length, 5, `exactly five Top 5 of ${risky.length} in the riskiest corner`)
  const risk = (p) => p.imp * (6 - p.ev)
  const weakestTop = Math.min(...top.map(risk))
  for (const p of all.filter((q) => !q.top)) assert.ok(risk(p) <= weakestTop, 'an unmarked one is riskier than a Top 5')
  assert.equal(await cards.filter({ has: page.getByText('Top 5', { exact: true }) }).count(), 5)
  const ledger = await numbers(page, '.ledger-entry')
  await shot(page, 'truth1-ledger')

  // The sample's first decision: its numbers are the ledger's, in the list and on the map.
  await go(page, '#/sessions/decisions')
  await page.getByRole('link', { name: 'Should we build a self-serve supplier onboarding?' }).click()
  await page.getByRole('heading', { name: 'Should we build a self-serve supplier onboarding?' }).waitFor()
  const dmap = page.getByRole('group', { name: 'Importance × evidence' })
  await dmap.getByRole('button').first().waitFor()
  const decision = await numbers(page, '.assumption-row')
  assert.equal(Object.keys(decision).length, await page.locator('.assumption-row').count())
  for (const [sentence, num] of Object.entries(decision)) {
    assert.equal(
      ledger[sentence],
      num,
      `"${sentence}" is ${num} on the decision page, ${ledger[sentence]} in the ledger`,
    )
    assert.equal(await dmap.getByRole('button', { name: sentence }).locator('text').textContent(), num)
  }
  assert.deepEqual(app.errors, [])
})

test('placing an assumption is not a move; changing it is', async () => {
  const { page } = app
  await go(page, '#/sessions/decisions')
  await page.getByRole('link', { name: 'Usage-based pricing for the analytics add-on?' }).click()
  const form = page.getByRole('form', { name: 'Add an assumption' })
  await form.getByLabel('Customers').fill('franchise owners')
  await form.getByLabel('Behavior').fill('compare stores in one report')
  await form.getByLabel('Reason').fill('they run several shops')
  await form.getByLabel('Category').selectOption('desirability')
  await form.getByRole('radio', { name: /^5 – / }).first().check()
  await form.getByRole('radio', { name: '1 – None' }).check()
  await form.getByRole('button', { name: 'Add assumption' }).click()
  const sentence = /franchise owners will compare stores/
  await page.getByRole('group', { name: 'Importance × evidence' }).getByRole('button', { name: sentence }).waitFor()
  const row = page.locator('.assumption-row', { hasText: sentence })
  const num = await row.locator('.row-number').textContent()

  await go(page, '#/sessions/assumptions')
  const card = page.getByRole('listitem', { name: `Assumption ${num}` })
  await card.getByText(sentence).waitFor()
  await card.getByText('Placed at importance 5, evidence 1').waitFor()
  assert.equal(await card.getByText(/moved/i).count(), 0, 'a first placement is not a move')
  // No trail either: it has not moved.
  const lmap = page.getByRole('group', { name: /Importance × evidence/ })
  const trails = await lmap.locator('.amap-trail').count()

  // Now it moves: more evidence.
  await page.goBack()
  await page.getByRole('button', { name: `Edit assumption ${num}` }).click()
  const edit = page.getByRole('form', { name: 'Edit assumption' })
  await edit.getByRole('radio', { name: '4 – Good' }).check()
  await edit.getByRole('button', { name: 'Save assumption' }).click()
  await edit.waitFor({ state: 'detached' })
  await go(page, '#/sessions/assumptions')
  await card.getByText('Moved to importance 5, evidence 4').waitFor()
  await card.getByText('Placed at importance 5, evidence 1').waitFor()
  await page.waitForFunction((n) => document.querySelectorAll('.amap-trail').length === n, trails + 1)
  assert.deepEqual(app.errors, [])
})

for (const [width, height] of [
  [1280, 800],
  [1024, 700],
]) {
  test(`at ${width}×${height}: map labels readable, a long opportunity unclipped`, async () => {
    const { page } = app
    await page.setViewportSize({ width, height })
    const views = [
      [
        'decision',
        'Importance × evidence',
        async () => {
          await go(page, '#/sessions/decisions')
          await page.getByRole('link', { name: 'Should we build a self-serve supplier onboarding?' }).click()
        },
      ],
      ['ledger', /Importance × evidence, with/, () => go(page, '#/sessions/assumptions')],
    ]
    for (const [scheme, [view, name, open]] of ['light', 'dark'].flatMap((c) => views.map((v) => [c, v]))) {
      await page.emulateMedia({ colorScheme: scheme })
      await open()
      const svg = page.getByRole('group', { name })
      await svg.getByRole('button').first().waitFor()
      const labels = await svg.locator('.amap-tick, .amap-axis, .amap-risky-label').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect()
          const fill = getComputedStyle(e).fill
          return { text: e.textContent, h: r.height, w: r.width, x: r.x, y: r.y, r: r.right, b: r.bottom, fill }
        }),
      )
      const box = await svg.evaluate((e) => {
        const r = e.closest('figure').getBoundingClientRect()
        return { x: r.x, y: r.y, r: r.right, b: r.bottom }
      })
      const bg = await svg.evaluate((e) => getComputedStyle(e.closest('figure')).backgroundColor)
      for (const l of labels) {
        // 10 px text is about 11.5 px high on screen.
        assert.ok(l.h >= 11, `${scheme}: "${l.text}" is ${l.h.toFixed(1)} px high`)
        assert.ok(l.x >= box.x && l.r <= box.r && l.y >= box.y && l.b <= box.b, `${scheme}: "${l.text}" is clipped`)
        assert.ok(contrast(l.fill, bg) >= 4.5, `${scheme}: "${l.text}" contrast ${contrast(l.fill, bg)} on ${bg}`)
      }
      await svg.scrollIntoViewIfNeeded()
      await shot(page, `truth-map-${view}-${width}-${scheme}`)
      const axes = labels.filter((l) => l.text.includes('→'))
      const ticks = labels.filter((l) => /^\d$/.test(l.text))
      for (const a of axes) {
        for (const t of ticks) {
          const overlap = a.x < t.r && t.x < a.r && a.y < t.b && t.y < a.b
          assert.ok(!overlap, `${scheme}: axis label "${a.text}" overlaps tick ${t.text}`)
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })

    // A finished sample session's opportunities: a long one reads whole.
    await go(page, `#/sessions/after/${await sessionId(page, 'Supplier onboarding: beyond English')}`)
    await page.getByRole('heading', { name: 'Opportunities' }).waitFor()
    const long =
      `How might we (${width}) let a shop owner connect a new supplier from a photo of a paper price list, ` +
      'on the phone, after closing time, without ever calling our onboarding team?'
    await page.getByLabel('Opportunity', { exact: true }).fill(long)
    await page.getByRole('button', { name: 'Add opportunity' }).click()
    const field = page.getByRole('table', { name: 'Opportunities' }).getByRole('textbox', { name: 'How might we' })
    await page.waitForFunction(
      (w) => [...document.querySelectorAll('textarea[aria-label="How might we"]')].some((e) => e.value.includes(w)),
      `(${width})`,
    )
    const values = await field.evaluateAll((els) => els.map((e) => e.value))
    assert.ok(values.includes(long), 'the opportunity is saved whole')
    await field.nth(values.indexOf(long)).scrollIntoViewIfNeeded()
    for (const f of await field.all()) {
      const m = await f.evaluate((e) => ({
        sh: e.scrollHeight,
        ch: e.clientHeight,
        sw: e.scrollWidth,
        cw: e.clientWidth,
      }))
      assert.ok(m.sh <= m.ch + 1 && m.sw <= m.cw + 1, `an opportunity field clips its text: ${JSON.stringify(m)}`)
    }
    const sideways = await page.evaluate(() => {
      const main = document.getElementById('main')
      return main.scrollWidth - main.clientWidth
    })
    assert.ok(sideways <= 1, `the page scrolls sideways by ${sideways} px`)
    await shot(page, `truth-opportunities-${width}`)
    assert.deepEqual(app.errors, [])
  })
}

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p)
  return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100
}
