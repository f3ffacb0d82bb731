import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEMO_PASSWORD } from '../../../src/demo'
import {
  createTestDatabase,
  createTestRedisPrefix,
  login,
  REPO_ROOT,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
} from '../../test/support'

interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

let db: TestDatabase
let redis: TestRedisPrefix
let env: Record<string, string>

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false })
  redis = createTestRedisPrefix()
  env = { DATABASE_URL: db.url, REDIS_PREFIX: redis.prefix }
})

afterAll(async () => {
  await redis?.cleanup()
  await db?.drop()
})

describe('operations commands', () => {
  it('seed-demo migrates, seeds and prints the demo accounts, who can sign in; a second run refuses (exit 1)', async () => {
    const result = await runCli(['seed-demo', '--scale', '300', '--seed', 'ops'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/companies\s+\d+/)
    expect(result.stdout).toContain('exec@augu.demo (EXECUTIVE)')
    expect(result.stdout).toContain(DEFAULT_DEMO_PASSWORD)

    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
    try {
      const session = await login(server.url, { email: 'exec@augu.demo', password: DEFAULT_DEMO_PASSWORD })
      expect(session.user.tier).toBe('EXECUTIVE')
    } finally {
      await server.close()
    }

    const again = await runCli(['seed-demo', '--scale', '300'], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already has/)
  })

  it('seed-demo and gc explain bad arguments with exit code 2', async () => {
    expect((await runCli(['seed-demo'], env)).code).toBe(2)
    const gc = await runCli(['gc', '--horizon-days', 'soon'], env)
    expect(gc.code).toBe(2)
    expect(gc.stderr).toMatch(/--horizon-days/)
    expect((await runCli(['revoke-device', '--device', 'laptop'], env)).code).toBe(2)
  })

  it('revoke-device ends the device: its next request is 401 and signing in again with it is 403', async () => {
    let server: TestServer | undefined
    try {
      server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
      const deviceId = randomUUID()
      const session = await login(server.url, { email: 'manager@augu.demo', password: DEFAULT_DEMO_PASSWORD, deviceId })
      const other = await login(server.url, { email: 'manager@augu.demo', password: DEFAULT_DEMO_PASSWORD })
      const conflicts = (headers: Record<string, string>) => fetch(`${server!.url}/v1/conflicts`, { headers })
      expect((await conflicts(session.headers)).status).toBe(200)

      const result = await runCli(['revoke-device', '--device', deviceId], env)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/revoked; 1 session/)

      expect((await conflicts(session.headers)).status).toBe(401)
      const refresh = await fetch(`${server.url}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      })
      expect(refresh.status).toBe(401)
      await expect(login(server.url, { email: 'manager@augu.demo', password: DEFAULT_DEMO_PASSWORD, deviceId })).rejects.toThrow(/403/)
      // The user's other device is untouched.
      expect((await conflicts(other.headers)).status).toBe(200)

      const unknown = await runCli(['revoke-device', '--device', randomUUID()], env)
      expect(unknown.code).toBe(1)

      // --wipe: the other device is told to erase its copy (410 device_wiped) from its next request on.
      const wiped = await runCli(['revoke-device', '--device', other.deviceId, '--wipe'], env)
      expect(wiped.code).toBe(0)
      expect(wiped.stdout).toMatch(/Wipe requested/)
      const answer = await conflicts(other.headers)
      expect(answer.status).toBe(410)
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('device_wiped')
    } finally {
      await server?.close()
    }
  })

  it('archive and gc from the CLI: two archive runs at once move every row exactly once, gc reports the re-sync floor', async () => {
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      await client.query(`UPDATE change_log SET created_at = now() - interval '400 days'`)
      const before = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM activities`)
      const [first, second] = await Promise.all([
        runCli(['archive', '--older-than-days', '30', '--batch-size', '7'], env),
        runCli(['archive', '--older-than-days', '30'], env),
      ])
      expect([first.code, second.code]).toEqual([0, 0])
      // Either the runs overlapped (one skipped: lock held) or the second found nothing left: every row moved once.
      const archivedBy = [first.stdout, second.stdout].map((o) => Number(/activities: (\d+) archived/.exec(o)?.[1] ?? 0))
      const archivedActivities = archivedBy[0]! + archivedBy[1]!
      expect(archivedActivities).toBeGreaterThan(0)
      expect(archivedBy.filter((n) => n > 0)).toHaveLength(1)
      const after = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM activities`)
      const archived = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM archive_activities`)
      expect(after.rows[0]!.n + archived.rows[0]!.n).toBe(before.rows[0]!.n)
      expect(archived.rows[0]!.n).toBe(archivedActivities)

      const gc = await runCli(['gc', '--horizon-days', '30'], env)
      expect(gc.code).toBe(0)
      expect(gc.stdout).toMatch(/change_log entries deleted: [1-9]/)
      expect(gc.stdout).toMatch(/re-sync fully/)
    } finally {
      await client.end()
    }
  })

  it('a run skips while another instance holds the lock', async () => {
    const { Redis } = await import('ioredis')
    const holder = new Redis(redis.redisUrl)
    try {
      await holder.set(`${redis.prefix}lock:gc`, 'someone-else', 'PX', 30_000)
      const result = await runCli(['gc', '--horizon-days', '30'], env)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/Another instance is running gc/)
    } finally {
      await holder.del(`${redis.prefix}lock:gc`)
      holder.disconnect()
    }
  })

  it('backup prints the pg_dump and pg_basebackup procedure', async () => {
    const result = await runCli(['backup'], {})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/pg_dump --format=custom/)
    expect(result.stdout).toMatch(/pg_basebackup/)
    expect(result.stdout).toMatch(/pg_restore/)
  })
})
