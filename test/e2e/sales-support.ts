/**
 * A scripted company sync server behind the harness's `fetch`, for the sales and sync-panel e2e tests. It speaks the
 * real wire protocol (src/shared/sync/protocol.ts) to the real local core: sign-in, push (apply, or reject what a
 * test asks it to), pull (the user directory, plus rows and conflicts a test queues). `offline` answers 503, so local
 * changes stay pending and the status bar's counts can be watched.
 */
import { type Page } from 'playwright-core'
import { type Mutation, type PushRequest } from '../../src/shared/sync/protocol'

/** expect.poll's default (1 s) is too short for a UI round trip on a loaded CI machine. */
export const POLL = { timeout: 10_000 } as const

export const SERVER = 'https://sync.augu.example'
export const PASSWORD = 'augu-1234'

export const MANAGER = {
  id: '0190a000-0000-7000-8000-0000000000b1',
  email: 'kim@augu.kr',
  tier: 'MANAGER',
  firstName: '민준',
  lastName: '김',
}
export const COLLEAGUE = { id: '0190a000-0000-7000-8000-0000000000b2', email: 'park@augu.kr', firstName: '서준', lastName: '박' }

const ROLE = '0190a000-0000-7000-8000-0000000000f0'
const TEAM = '0190a000-0000-7000-8000-0000000000d0'
const NOW = '2026-11-20T00:00:00.000Z'

const userRow = (u: { id: string; email: string; firstName: string; lastName: string }, tier: string) => ({
  id: u.id,
  email: u.email,
  first_name: u.firstName,
  last_name: u.lastName,
  role_id: ROLE,
  user_tier: tier,
  is_active: true,
  created_at: NOW,
  updated_at: NOW,
})

export interface PulledChange {
  readonly table: string
  readonly id: string
  readonly row: Record<string, unknown>
}

export interface ScriptedServer {
  readonly fetch: typeof fetch
  /** 503 for every sync request (sign-in still works). */
  offline: boolean
  /** Reject a pushed mutation with this reason, or accept it (null). */
  rejectWhen: (mutation: Mutation) => string | null
  /** Keep a pushed new row under another code (CONTRACTS.md §2: its code was taken), or as sent (null). */
  renameWhen: (mutation: Mutation) => string | null
  /** Every mutation the server accepted, in order. */
  readonly applied: Mutation[]
  /** Rows the next pull delivers (then forgotten). */
  readonly queue: PulledChange[]
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export function createScriptedServer(): ScriptedServer {
  let cursor = 0
  const server: ScriptedServer = {
    offline: false,
    rejectWhen: () => null,
    renameWhen: () => null,
    applied: [],
    queue: [
      ...[userRow(MANAGER, 'MANAGER'), userRow(COLLEAGUE, 'OPERATOR')].map((row) => ({ table: 'users', id: row.id, row })),
      // The manager leads the colleague's team: what lets them assign the colleague (src/shared/domain/assignment.ts).
      {
        table: 'teams',
        id: TEAM,
        row: { id: TEAM, code: 'T-1', name: '기업영업1팀', team_lead_id: MANAGER.id, is_active: true, created_at: NOW, updated_at: NOW },
      },
      ...[MANAGER, COLLEAGUE].map((u, i) => {
        const id = `0190a000-0000-7000-8000-0000000000e${i}`
        return {
          table: 'team_members',
          id,
          row: { id, team_id: TEAM, user_id: u.id, role: i === 0 ? 'LEAD' : 'MEMBER', joined_at: NOW, created_at: NOW, updated_at: NOW },
        }
      }),
    ],
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
      if (url.origin !== SERVER) throw new TypeError('fetch failed')
      if (url.pathname === '/v1/auth/login') {
        const body = JSON.parse(String(init?.body)) as { email: string; password: string }
        if (body.email !== MANAGER.email || body.password !== PASSWORD) return json(401, { error: { code: 'unauthenticated', message: 'no' } })
        return json(200, { accessToken: 'a'.repeat(24), refreshToken: 'r'.repeat(24), user: MANAGER, schemaVersions: { min: 1, max: 99 } })
      }
      if (server.offline || url.pathname === '/v1/sync/events') return json(503, { error: { code: 'unavailable', message: 'offline' } })
      const serverTime = new Date().toISOString()
      if (url.pathname === '/v1/sync/push') {
        const body = JSON.parse(String(init?.body)) as PushRequest
        const results = body.mutations.map((mutation) => {
          const reason = server.rejectWhen(mutation)
          if (reason) return { seq: mutation.seq, status: 'rejected' as const, reason }
          server.applied.push(mutation)
          const renamedTo = server.renameWhen(mutation)
          if (renamedTo !== null) {
            // The next pull brings the row back under its new code, as the real server's change log would.
            server.queue.push({ table: mutation.table, id: mutation.id, row: { ...mutation.fields, id: mutation.id, code: renamedTo } })
            return { seq: mutation.seq, status: 'applied' as const, renamed: { field: 'code' as const, from: String(mutation.fields.code), to: renamedTo } }
          }
          return { seq: mutation.seq, status: 'applied' as const }
        })
        return json(200, { results, serverTime })
      }
      if (url.pathname === '/v1/sync/pull') {
        const changes = server.queue.splice(0)
        cursor += 1
        return json(200, { changes, removed: [], cursor: `c${cursor}`, hasMore: false, watermark: String(cursor * 10), serverTime })
      }
      return json(404, { error: { code: 'not_found', message: url.pathname } })
    },
  }
  return server
}

/** First-run screen → company server sign-in, as the manager. */
export async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(SERVER)
  await page.getByLabel('이메일').fill(MANAGER.email)
  await page.getByLabel('비밀번호').fill(PASSWORD)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
}

/** The status bar's pending-changes text, e.g. "보낼 변경 3건". */
export async function pendingText(page: Page): Promise<string> {
  return (await page.getByTestId('sync-pending').textContent()) ?? ''
}
