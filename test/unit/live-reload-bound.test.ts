/**
 * A 100k-row first sync must not reload every open screen once per pull page (issue #15). The real device core pulls
 * 100,000 rows (20 pages of 5,000) from an in-memory server whose answers arrive as separate network turns, emits one
 * change notice per applied page (the change stream main forwards to the renderer), and a screen's reload runs through
 * the renderer's coalescing scheduler (src/shared/live/reload-scheduler.ts, the one reloadOn uses) with real timers. Each reload
 * reads the replica like a list screen would.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type ChangeNotice } from '../../src/shared/ipc/live'
import { type PullResponse } from '../../src/shared/sync/protocol'
import { createReloadScheduler } from '../../src/shared/live/reload-scheduler'
import { activityRow } from '../support/device/apply-rate'
import { createTempDir, testId, type TempDir } from '../support/device/fixtures'
import { createMemoryServer } from '../support/device/memory-server'
import { createTestDevice, type TestDevice } from '../support/device/test-device'

const ROWS = 100_000
const PAGE = 5_000
const USER = { id: testId(1, '0190a000-0000-7000-8001'), email: 'kim@augu.kr', tier: 'EXECUTIVE' }

let dir: TempDir
let device: TestDevice | null = null
afterEach(async () => {
  await device?.close()
  dir.remove()
})

describe('change stream during a 100k-row first sync', () => {
  it('emits one notice per page, and the coalesced screen reloads a bounded number of times, the last one fresh', { timeout: 60_000 }, async () => {
    dir = createTempDir()
    // The memory server signs the device in; the pages of the first sync are served directly (100k rows through its
    // per-field stamping would only slow the test down, not change what the device applies).
    const server = createMemoryServer({ accounts: [{ password: 'pw', user: USER }] })
    const page = (cursor: string | null): PullResponse => {
      const from = cursor === null ? 0 : Number(cursor)
      const to = Math.min(ROWS, from + PAGE)
      const changes: PullResponse['changes'] = []
      for (let n = from + 1; n <= to; n++) changes.push({ table: 'activities', id: testId(n), row: activityRow(n) })
      return { changes, removed: [], cursor: String(to), hasMore: to < ROWS, watermark: String(to), serverTime: new Date().toISOString() }
    }
    // Over HTTP each page is its own network turn: let timers run between pages, as they do in the app.
    const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1))
    device = createTestDevice({
      dir: dir.path,
      serverUrl: 'https://sync.augu.test',
      core: {
        pullLimit: PAGE,
        transportFactory: (url, tokens) => {
          const transport = server.transportFor(url, tokens)
          return { ...transport, pull: async (request) => (await turn(), page(request.cursor)) }
        },
      },
    })
    await device.signIn(USER.email, 'pw')

    const notices: ChangeNotice[] = []
    const seenCounts: number[] = []
    const countActivities = device.sqlite.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL')
    const scheduler = createReloadScheduler(async () => {
      seenCounts.push(countActivities.get()!.n)
      await turn()
    })
    const stop = device.onChanges((notice) => {
      notices.push(notice)
      if (notice.tables.includes('activities')) scheduler.notify()
    })

    const started = performance.now()
    await device.syncNow()
    const syncMs = performance.now() - started
    // Let the trailing reload run.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    stop()
    scheduler.cancel()

    const pages = Math.ceil(ROWS / PAGE)
    expect(notices.filter((n) => n.source === 'pull').length).toBeGreaterThanOrEqual(pages)
    // Pages this large carry table names only, never 5,000 ids.
    expect(notices.every((n) => n.ids === undefined)).toBe(true)
    // Bounded: the interval doubles while pages keep coming (16 ms, then 100 → 2,000 ms), so a sync of a few seconds
    // costs a handful of reloads, not one per page.
    const bound = 8 + Math.ceil(syncMs / 2_000)
    console.log(`[live] ${ROWS} rows, ${pages} pages in ${Math.round(syncMs)} ms → ${notices.length} notices, ${seenCounts.length} reloads (bound ${bound})`)
    expect(seenCounts.length).toBeGreaterThanOrEqual(1)
    expect(seenCounts.length).toBeLessThan(pages)
    expect(seenCounts.length).toBeLessThanOrEqual(bound)
    // The last reload ran after the last page: the screen ends up showing everything.
    expect(seenCounts.at(-1)).toBe(ROWS)
  })
})
