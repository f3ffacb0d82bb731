/**
 * A consultant's laptop at a customer site: the harness signs in once against a fake company server, then every sync
 * request fails as a network error (no connectivity). Everything the tests do runs on the local replica, and the
 * outbox grows. Optionally the replica is filled with the Korean demo data first (thousands of rows).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { openHarnessDatabase, startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { openReplica } from '../../src/main/db/open'
import { seedDevice } from '../../src/main/demo/seed-device'
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../src/demo/accounts'
import { type SyncStatus } from '../../src/shared/ipc/contract'
import { type Browser, collectPageErrors, launchChromium } from './browser'

const SERVER = 'https://sync.augu.example'
const PASSWORD = 'augu-1234'
/**
 * A demo account as the offline server's sign-in answers it. Pick the one whose demo role grants what the test does:
 * the device's writer refuses what the role does not grant, as the server would (the consultant's SALES_REP role
 * cannot delete customers, leads or opportunities, nor mark attendance).
 */
export function demoUser(key: DemoAccountKey): OfflineUser {
  const account = DEMO_ACCOUNTS[key]
  return { id: account.id, email: account.email, tier: account.tier, firstName: account.firstName, lastName: account.lastName }
}

export interface OfflineUser {
  readonly id: string
  readonly email: string
  readonly tier: string
  readonly firstName: string
  readonly lastName: string
}

/** The account the device signs in as (the demo consultant unless a test picks another). */
const USER = demoUser('consultant')

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Login answers; anything after it is "no network". */
const offlineServer =
  (user: OfflineUser): typeof fetch =>
  async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    if (url.origin === SERVER && url.pathname === '/v1/auth/login') {
      return json(200, { accessToken: 'a'.repeat(24), refreshToken: 'r'.repeat(24), user, schemaVersions: { min: 1, max: 99 } })
    }
    throw new TypeError('fetch failed')
  }

export interface OfflineDevice {
  readonly harness: Harness
  readonly browser: Browser
  readonly page: Page
  readonly pageErrors: string[]
  readonly userName: string
  /** The replica file the harness serves (tests may read it to check what was stored). */
  readonly dbFile: string
  close(): Promise<void>
}

/**
 * The demo data seeded once per scale and worker, then copied for each file (the browser files share one worker that
 * keeps its modules): seeding is deterministic (seed 7), and took 0.3–0.5 s at scale 2,000 and 2.6 s at 20,000 per
 * file. The copy is the replica file alone: the seeding connection is checkpointed and closed first, so no WAL is left.
 */
const demoReplicas = new Map<number, string>()
function demoReplica(scale: number): string {
  const existing = demoReplicas.get(scale)
  if (existing) return existing
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-e2e-demo-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, `demo-${scale}.sqlite`)
  const { sqlite } = openReplica(file)
  try {
    seedDevice(sqlite, { seed: 7, scale })
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.close()
  }
  demoReplicas.set(scale, file)
  return file
}

export async function openOfflineDevice(
  options: { readonly demoScale?: number; readonly prepare?: (sqlite: Database.Database) => void; readonly user?: OfflineUser } = {},
): Promise<OfflineDevice> {
  const user = options.user ?? USER
  const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-offline-'))
  const dbFile = path.join(tmp, 'e2e.sqlite')
  if (options.demoScale) copyFileSync(demoReplica(options.demoScale), dbFile)
  if (options.prepare) {
    // Rows a test needs as if the server had sent them (no outbox entries), before the app opens the replica.
    const { sqlite } = openReplica(dbFile)
    try {
      options.prepare(sqlite)
    } finally {
      sqlite.close()
    }
  }
  const harness = await startHarness({ port: 0, dbFile, log: silentLogger, fetch: offlineServer(user) })
  const browser = await launchChromium()
  const page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })).newPage()
  const pageErrors = collectPageErrors(page)

  await page.goto(harness.url)
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(SERVER)
  await page.getByLabel('이메일').fill(user.email)
  await page.getByLabel('비밀번호').fill(PASSWORD)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()

  return {
    harness,
    browser,
    page,
    pageErrors,
    userName: `${user.lastName}${user.firstName}`,
    dbFile,
    close: async () => {
      await browser.close()
      await harness.close()
      rmSync(tmp, { recursive: true, force: true })
    },
  }
}

/** The device's own count of unsynced local changes (what the status bar shows). */
export async function pendingChanges(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const crm = (globalThis as unknown as { crm: { sync: { status(): Promise<{ ok: boolean; value?: SyncStatus }> } } }).crm
    const result = await crm.sync.status()
    return result.value?.pending ?? -1
  })
}

/** Rows from the device's replica as a test reads them behind the app (the encrypted file, through the harness's key). */
export function replicaRows<T>(device: OfflineDevice, sql: string, ...params: unknown[]): T[] {
  const db = openHarnessDatabase(device.dbFile, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}
