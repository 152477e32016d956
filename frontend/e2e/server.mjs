// Starts `soundingboard serve` on a temp database and a headless Chromium
// for the end-to-end tests. SB_BIN names the binary; without it, the binary
// is built once from the repo root (run `npm run build` first: the binary
// embeds frontend/dist at compile time).
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = resolve(here, '..', '..')
export const artifacts = join(repoRoot, 'artifacts', 'e2e')
mkdirSync(artifacts, { recursive: true })

let builtBin = null

function binary() {
  if (process.env.SB_BIN) return process.env.SB_BIN
  if (builtBin && existsSync(builtBin)) return builtBin
  const dir = mkdtempSync(join(tmpdir(), 'sb-bin-'))
  builtBin = join(dir, 'soundingboard')
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  execFileSync('go', ['build', '-o', builtBin, '.'], { cwd: repoRoot, stdio: 'inherit' })
  return builtBin
}

/**
 * Starts the server on a fresh database (or db), with env added to its
 * environment; resolves to { url, dir, stop, kill }.
 */
export async function startServer({ db, env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sb-e2e-'))
  const proc = spawn(binary(), ['--db', db ?? join(dir, 'e2e.db'), 'serve', '--addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += d))
  const url = await new Promise((resolveUrl, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not print its URL in 15 s\n${out}\n${stderr}`)), 15_000)
    proc.stdout.on('data', (d) => {
      out += d
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[0])
      }
    })
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}\n${stderr}`))
    })
  })
  const stop = async () => {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r))
      proc.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (proc.exitCode === null) proc.kill('SIGKILL')
    }
    rmSync(dir, { recursive: true, force: true })
  }
  /** Kills the server outright (SIGKILL: no shutdown, no checkpoint), as a crash or power cut would. */
  const kill = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((r) => proc.once('exit', r))
    proc.kill('SIGKILL')
    await exited
  }
  return { url, dir, stop, kill }
}

/** Launches Debian's Chromium headless; never downloads a browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** Server + browser + page signed in; call close() in after(). */
export async function openApp(opts) {
  const server = await startServer(opts)
  const browser = await launchBrowser()
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 820 } })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e))
  await page.goto(server.url)
  const close = async () => {
    await browser.close().catch(() => {})
    await server.stop()
  }
  return { server, browser, page, errors, close }
}

export function shot(page, name) {
  return page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false })
}
