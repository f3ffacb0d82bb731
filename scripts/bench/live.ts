/**
 * Scenario 7: live screens (issue #15). An edit on device A becomes visible in device B's open screen: A's writer →
 * push → server poke (Redis, SSE) → B's pull → main's change stream → the harness's Server-Sent Events → B's company
 * page store reloads → the DOM shows the new value. Device A is the local core in this process (a live loop, no push
 * debounce); device B is the web harness with its company page open in headless Chromium.
 *
 * Floor (same run, same edits): the device-to-device apply latency — A's edit → B's replica has applied the pull page
 * that carries it (B's change stream names the row). The difference is what the live screen adds: the stream to the
 * renderer, the coalescing delay (16 ms after a quiet period), the reload's IPC reads and React's render.
 *
 *   npm run bench -- --only 8
 */
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createPool } from '../../sync-server/db/pool'
import { createUser, startTestServer, type TestServer } from '../../sync-server/test/support'
import { createTestDevice, type TestDevice } from '../../test/support/device/test-device'
import { uuidv7 } from '../../src/shared/ids/uuidv7'
import { CHROMIUM_PATH } from '../../test/e2e/browser'
import { startHarness, silentLogger, type Harness } from '../dev-web'
import { buildRenderer } from '../harness/build'
import { figure, log, percentile, round, sleep, type Figure } from './common'
import { type BenchEnv } from './env'

export interface LiveBenchOptions {
  /** Edits measured (≥ 50 for a meaningful p99). */
  readonly edits: number
}

const VIRTUAL = 'https://sync.bench.test'
const COMPANY = '실시간 측정 주식회사'

/**
 * Arms a watcher in the page that resolves `globalThis.__seen` with Date.now() once the company page shows `value`
 * (installed before the edit is made). Sent as source text: tsx's helpers (`__name`) do not exist in the page.
 */
async function armDomWatch(page: Page, value: string): Promise<void> {
  await page.evaluate(`
    globalThis.__seen = new Promise((resolve) => {
      const expected = ${JSON.stringify(value)}
      const observer = new MutationObserver(() => {
        if (!(document.querySelector('.company-page')?.textContent ?? '').includes(expected)) return
        observer.disconnect()
        resolve(Date.now())
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      setTimeout(() => {
        observer.disconnect()
        resolve(-1)
      }, 5000)
    })
    // Not the promise itself: evaluate would wait for it before the edit is made.
    void 0
  `)
}

const domSeenAt = (page: Page): Promise<number> => page.evaluate('globalThis.__seen') as Promise<number>

/**
 * Per-hop timing marks, bench only (production code is not instrumented): every sync request of A and B through a
 * wrapped fetch (push / pull sent and answered, each poke frame B's event stream delivers), and in B's page the harness's
 * SSE notice and the reload's IPC calls (the page's fetch wrapped). Times are Date.now() on one machine.
 */
interface Mark {
  readonly at: number
  readonly what: string
}
const marks: Mark[] = []
const mark = (what: string, at = Date.now()): void => {
  marks.push({ at, what })
}

function traced(who: string, base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const path = new URL(href).pathname
    const kind = path.endsWith('/sync/push') ? 'push' : path.endsWith('/sync/pull') ? 'pull' : path.endsWith('/sync/events') ? 'events' : null
    if (kind === 'push' || kind === 'pull') mark(`${who} ${kind} sent`)
    const response = await base(input, init)
    if (kind === 'push' || kind === 'pull') mark(`${who} ${kind} answered`)
    if (kind !== 'events' || !response.body) return response
    // Each frame of the poke stream as it arrives (before the transport parses it).
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (new TextDecoder().decode(chunk).includes('poke')) mark(`${who} poke`)
          controller.enqueue(chunk)
        },
      }),
    )
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

/** In B's page: when the harness's change notice for the company arrives, and each IPC call the reload makes. */
async function armPageMarks(page: Page): Promise<void> {
  await page.evaluate(`
    globalThis.__marks = []
    const source = new EventSource('/__crm/events')
    source.addEventListener('changes', (event) => {
      if (event.data.includes('companies')) globalThis.__marks.push({ at: Date.now(), what: 'B page sse' })
    })
    const original = globalThis.fetch
    globalThis.fetch = async (input, init) => {
      const name = String(input)
      const channel = name.startsWith('/__crm/') ? name.slice(7) : null
      if (channel) globalThis.__marks.push({ at: Date.now(), what: 'B ipc ' + channel + ' sent' })
      const response = await original(input, init)
      if (channel) globalThis.__marks.push({ at: Date.now(), what: 'B ipc ' + channel + ' answered' })
      return response
    }
    void 0
  `)
}
const takePageMarks = async (page: Page): Promise<Mark[]> => (await page.evaluate('globalThis.__marks.splice(0)')) as Mark[]

/** One edit's hops as "name +ms" from the edit, first occurrence of each (later pulls counted). */
function hops(started: number, list: readonly Mark[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of [...list].sort((x, y) => x.at - y.at)) {
    if (m.at < started) continue
    const key = m.what in out ? `${m.what} (last)` : m.what
    out[key] = m.at - started
    if (m.what === 'B pull sent') out['B pulls'] = (out['B pulls'] ?? 0) + 1
  }
  return out
}

export async function runLiveBench(env: BenchEnv, options: LiveBenchOptions, out: Figure[] = []): Promise<Figure[]> {
  const db = await env.database()
  let server: TestServer | null = null
  let a: TestDevice | null = null
  let b: Harness | null = null
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  const pool = createPool(db.url, { max: 2 })
  try {
    server = await startTestServer({ databaseUrl: db.url, redisPrefix: env.redisPrefix })
    await server.services.pokes.ready()
    const writer = await createUser(pool, { tier: 'EXECUTIVE', name: '김대표', email: `live-a-${uuidv7().slice(-8)}@augu.bench` })
    const viewer = await createUser(pool, { tier: 'MANAGER', name: '이과장', email: `live-b-${uuidv7().slice(-8)}@augu.bench` })

    a = createTestDevice({
      dir: env.dir,
      name: 'live-a',
      serverUrl: server.url,
      autoSync: true,
      core: { liveEvents: true, loop: { debounceMs: 0 }, fetch: traced('A', (input, init) => globalThis.fetch(input, init)) },
    })
    await a.signIn(writer.email, writer.password)
    const company = uuidv7()
    a.writer.upsert('companies', company, {
      code: `LIVE-${company.slice(-6)}`,
      name: COMPANY,
      tier: 'GOLD',
      account_manager_id: viewer.id,
      representative: '시작',
    })
    await a.syncNow()

    const url = server.url
    const fetchToServer: typeof fetch = (input, init) => {
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      return globalThis.fetch(href.startsWith(VIRTUAL) ? url + href.slice(VIRTUAL.length) : input, init)
    }
    const rendererDir = join(env.dir, 'live-renderer')
    await buildRenderer(rendererDir)
    b = await startHarness({ port: 0, dbFile: join(env.dir, 'live-b.sqlite'), rendererDir, log: silentLogger, fetch: traced('B', fetchToServer) })
    const page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
    await page.goto(b.url)
    await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
    await page.getByLabel('서버 주소').fill(VIRTUAL)
    await page.getByLabel('이메일').fill(viewer.email)
    await page.getByLabel('비밀번호').fill(viewer.password)
    await page.getByRole('button', { name: '로그인', exact: true }).click()
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
    await page.getByRole('button', { name: '고객사' }).click()
    await page
      .getByRole('button', { name: new RegExp(COMPANY) })
      .first()
      .click({ timeout: 60_000 })
    await page.getByRole('heading', { name: COMPANY }).waitFor()
    await sleep(1_000)
    await armPageMarks(page)

    log(`8. live screens over ${options.edits} edits`)
    const device = b.device
    const screen: number[] = []
    const applied: number[] = []
    const profiles: Record<string, number>[] = []
    let missed = 0
    for (let i = 0; i < options.edits; i++) {
      const value = `대표${i}-${Date.now() % 100_000}`
      await armDomWatch(page, value)
      const appliedAt = new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          stop()
          resolve(-1)
        }, 5_000)
        const stop = device.onChanges((notice) => {
          if (notice.source !== 'pull' || !notice.tables.includes('companies')) return
          if (notice.ids && !notice.ids.companies?.includes(company)) return
          clearTimeout(timer)
          stop()
          resolve(Date.now())
        })
      })
      marks.length = 0
      await takePageMarks(page)
      const started = Date.now()
      a.writer.upsert('companies', company, { representative: value })
      const [seen, pulled] = await Promise.all([domSeenAt(page), appliedAt])
      if (i < 3 || i % 25 === 0)
        log(`  edit ${i}: applied on B after ${pulled < 0 ? 'timeout' : pulled - started} ms, on screen after ${seen < 0 ? 'timeout' : seen - started} ms`)
      const profile = hops(started, [...marks, ...(await takePageMarks(page)), { at: pulled, what: 'B applied' }, { at: seen, what: 'B dom' }])
      profiles.push(profile)
      if (process.env.CRM_BENCH_TRACE) log(`  edit ${i}: ${JSON.stringify(profile)}`)
      if (seen < 0 || pulled < 0) missed++
      else {
        screen.push(seen - started)
        applied.push(pulled - started)
      }
      await sleep(50)
    }
    // Where the time goes: the median of each hop's first occurrence over the edits that have it.
    const names = [...new Set(profiles.flatMap((p) => Object.keys(p)))]
    const medians = names
      .map((name) => ({ name, values: profiles.map((p) => p[name]).filter((v): v is number => v !== undefined && v >= 0) }))
      .filter((h) => h.values.length > 0)
      .map((h) => ({ name: h.name, p50: percentile(h.values, 50), n: h.values.length }))
      .sort((x, y) => x.p50 - y.p50)
    log(`  hops (p50 ms after A's edit, edits seen): ${medians.map((h) => `${h.name} ${round(h.p50)} (${h.n})`).join(' · ')}`)
    // The chase: edits B needed more than one pull for (the first came back without the edit), and what they cost.
    const chased = profiles.filter((p) => (p['B pulls'] ?? 0) > 1 && (p['B applied'] ?? -1) >= 0)
    log(
      `  chased: ${chased.length} of ${profiles.length} edits needed > 1 pull on B` +
        (chased.length > 0
          ? `; their applied p50 ${round(
              percentile(
                chased.map((p) => p['B applied']!),
                50,
              ),
            )} ms, poke → applied p50 ${round(
              percentile(
                chased.map((p) => p['B applied']! - (p['B poke'] ?? 0)),
                50,
              ),
            )} ms`
          : ''),
    )
    if (screen.length === 0) throw new Error('live screens: no edit reached B’s screen within 5 s')
    const note = `${screen.length} edits${missed > 0 ? `, ${missed} not seen within 5 s` : ''}; A: local core, push debounce 0; B: web harness + Chromium`
    for (const p of [50, 99] as const) {
      const value = percentile(screen, p)
      const floor = percentile(applied, p)
      const target = p === 50 ? 100 : 500
      out.push(
        figure({
          scenario: '8. live screens',
          metric: `p${p} edit on A → visible in B’s open company page (DOM)`,
          value: round(value),
          unit: 'ms',
          floor: round(floor),
          floorLabel: `p${p} edit on A → applied on B’s replica`,
          target: `≤ ${target} ms`,
          met: value <= target && missed === 0,
          direction: 'lower-is-better',
          notes: note,
        }),
      )
    }
    return out
  } finally {
    await browser.close().catch(() => undefined)
    await b?.close().catch(() => undefined)
    await a?.close().catch(() => undefined)
    await server?.close().catch(() => undefined)
    await pool.end().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
}
