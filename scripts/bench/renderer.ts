/**
 * Scenario 6: the renderer's production bundle size and the time to its first interactive screen (the first-run
 * choice, on an empty device) in headless Chromium through the web harness. Floor: a blank static page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { buildRenderer } from '../harness/build'
import { startHarness, silentLogger } from '../dev-web'
import { figure, log, median, round, timed, type Figure } from './common'
import { type BenchEnv } from './env'

export interface RendererBenchOptions {
  readonly loads: number
}

const WELCOME = 'CRM AUGU에 오신 것을 환영합니다'

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

function bundleSize(dir: string): { raw: number; gzip: number; js: number } {
  let raw = 0
  let gzip = 0
  let js = 0
  for (const file of walk(dir)) {
    raw += statSync(file).size
    if (/\.(js|css|html)$/.test(file)) gzip += gzipSync(readFileSync(file)).length
    if (file.endsWith('.js')) js += statSync(file).size
  }
  return { raw, gzip, js }
}

/** Gzip size of what index.html loads before anything is opened (entry script, styles, module preloads). */
function entrySize(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  return [...new Set(assets)].reduce((sum, asset) => sum + gzipSync(readFileSync(join(dir, asset))).length, gzipSync(html).length)
}

export async function runRendererBench(env: BenchEnv, options: RendererBenchOptions, out: Figure[] = []): Promise<Figure[]> {
  // Always a fresh build of our own: .tmp/dev-web/renderer is rebuilt by e2e runs under vitest, where NODE_ENV=test
  // makes vite define process.env.NODE_ENV as "test" and bundle React's development build (~45% larger, slower).
  const rendererDir = join(env.dir, 'renderer')
  log('6. building the renderer (production)')
  const previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  let buildMs: number
  try {
    buildMs = (await timed(() => buildRenderer(rendererDir))).ms
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('renderer build produced no index.html')
  const size = bundleSize(rendererDir)
  const entry = entrySize(rendererDir)
  const scenario = '6. renderer'
  const figures = out
  figures.push(
    figure({
      scenario,
      metric: `production bundle, gzip of js+css+html (raw ${round(size.raw / 1024, 0)} KB, of which js ${round(size.js / 1024, 0)} KB; loaded before any screen opens: ${round(entry / 1024, 0)} KB gzip, the rest is one chunk per screen); build ${round(buildMs / 1000, 1)} s`,
      value: round(size.gzip / 1024, 0),
      unit: 'KB',
      floor: null,
      floorLabel: '—',
      target: '— (recorded)',
      met: null,
      direction: 'lower-is-better',
    }),
  )

  const harness = await startHarness({ port: 0, dbFile: join(env.dir, 'renderer.sqlite'), rendererDir, log: silentLogger })
  const blank = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>')
  })
  await new Promise<void>((done) => blank.listen(0, '127.0.0.1', () => done()))
  const address = blank.address()
  const blankUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  try {
    log(`6. time to first interactive screen, ${options.loads} loads`)
    const app: number[] = []
    const floor: number[] = []
    for (let i = 0; i < options.loads + 1; i++) {
      // A fresh context per load (no cache), as a newly opened window; the first load of each only warms Chromium.
      const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1360, height: 860 } })
      const page = await context.newPage()
      const blankMs = (await timed(() => page.goto(blankUrl, { waitUntil: 'load' }))).ms
      await page.goto('about:blank')
      const appMs = (
        await timed(async () => {
          await page.goto(harness.url, { waitUntil: 'commit' })
          const button = page.getByRole('button', { name: /데모 데이터로 시작하기/ })
          await page.getByRole('heading', { name: WELCOME }).waitFor({ timeout: 30_000 })
          await button.waitFor({ state: 'visible', timeout: 30_000 })
          if (!(await button.isEnabled())) throw new Error('first-run button not enabled')
        })
      ).ms
      if (i > 0) {
        app.push(appMs)
        floor.push(blankMs)
      }
      await context.close()
    }
    figures.push(
      figure({
        scenario,
        metric: `time to first interactive screen (first-run choice), median of ${app.length} cold contexts`,
        value: round(median(app), 1),
        unit: 'ms',
        floor: round(median(floor), 1),
        floorLabel: 'median load of a blank static page, same browser',
        target: '— (recorded)',
        met: null,
        direction: 'lower-is-better',
        notes: `max ${round(Math.max(...app), 1)} ms`,
      }),
    )
  } finally {
    await browser.close()
    await new Promise<void>((done) => blank.close(() => done()))
    await harness.close()
  }
  return figures
}
