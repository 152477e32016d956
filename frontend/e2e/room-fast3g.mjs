// A benchmark, not a test (make bench runs it): how long a phone on
// Chromium's "Fast 3G" preset (about 560 ms round trip, 1.4 Mbit/s down)
// takes from opening the join address to the first names it can tap,
// with a cold cache each time, and how many bytes it fetched.
//
//   SB_BIN=build/bin/soundingboard node frontend/e2e/room-fast3g.mjs
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser } from './server.mjs'

const RUNS = 5
// Chromium DevTools' "Fast 3G" preset.
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
}

const bin = process.env.SB_BIN
if (!bin) throw new Error('set SB_BIN to the built binary')
const dir = await mkdtemp(join(tmpdir(), 'sb-room-3g-'))
const db = join(dir, 'board.db')
execFileSync(bin, ['--db', db, 'demo'])
const sessions = JSON.parse(execFileSync(bin, ['--db', db, 'sessions', 'list', '--json'], { encoding: 'utf8' }))
const session = sessions.find((s) => s.status === 'planned')
const room = spawn(bin, ['--db', db, 'room', 'open', String(session.id), '--addr', '127.0.0.1:0'], {
  stdio: ['pipe', 'pipe', 'inherit'],
})
const url = await new Promise((resolve, reject) => {
  let out = ''
  room.stdout.on('data', (b) => {
    out += b
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/j\/[a-z2-7]+\/?/)
    if (m) resolve(m[0])
  })
  room.on('exit', (code) => reject(new Error(`room open exited with ${code}: ${out}`)))
})

const browser = await launchBrowser()
const times = []
let bytes = 0
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', FAST_3G)
    let got = 0
    cdp.on('Network.loadingFinished', (e) => (got += e.encodedDataLength))
    const start = performance.now()
    await page.goto(url)
    await page.getByRole('list', { name: 'First names' }).getByRole('button').first().waitFor()
    times.push(performance.now() - start)
    bytes = got
    await context.close()
  }
} finally {
  await browser.close()
  room.kill('SIGTERM')
  await rm(dir, { recursive: true, force: true })
}
times.sort((a, b) => a - b)
const s = (ms) => (ms / 1000).toFixed(2)
console.log(
  `room page on Fast 3G, open to first names: median ${s(times[RUNS >> 1])} s (min ${s(times[0])}, max ${s(times[RUNS - 1])}) over ${RUNS} cold loads, ${(bytes / 1024).toFixed(1)} KB on the wire (target < 3 s)`,
)
