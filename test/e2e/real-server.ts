/**
 * What the browser tests against a REAL sync server (PostgreSQL + Redis) share: the server with its own database and
 * Redis prefix, signing in through the first-run screen, and calling the IPC contract from a page the way the
 * renderer does (for set-up that another person did earlier).
 */
import { type Page } from 'playwright-core'
import {
  createTestDatabase,
  createTestRedisPrefix,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
  type TestUser,
} from '../../sync-server/test/support'

export interface RealServer {
  readonly db: TestDatabase
  readonly server: TestServer
  close(): Promise<void>
}

export async function startRealServer(): Promise<RealServer> {
  const db = await createTestDatabase()
  const redis: TestRedisPrefix = createTestRedisPrefix()
  const server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
  return {
    db,
    server,
    async close() {
      await server.close()
      await redis.cleanup()
      await db.drop()
    },
  }
}

/** Signs in from the first-run screen (Korean UI) and waits for the app shell. */
export async function signInThroughUi(page: Page, serverUrl: string, user: Pick<TestUser, 'email' | 'password'>): Promise<void> {
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(serverUrl)
  await page.getByLabel('이메일').fill(user.email)
  await page.getByLabel('비밀번호').fill(user.password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
}

type Crm = Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>>

/** One IPC call from the page, through window.crm as the renderer makes it; a refusal throws with its error. */
export async function ipcCall<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ([name, arg]) => {
      const [domain, action] = (name as string).split('.') as [string, string]
      const result = await (globalThis as unknown as { crm: Crm }).crm[domain]![action]!(arg)
      if (!result.ok) throw new Error(`${name as string}: ${JSON.stringify(result.error)}`)
      return result.value
    },
    [channel, input] as const,
  ) as Promise<T>
}

/** Syncs until nothing waits to be sent (10 s at most). */
export async function syncAndSettle(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await ipcCall(page, 'sync.now')
    const status = await ipcCall<{ pending: number }>(page, 'sync.status')
    if (status.pending === 0) return
    await page.waitForTimeout(250)
  }
  throw new Error('the device did not finish syncing')
}
