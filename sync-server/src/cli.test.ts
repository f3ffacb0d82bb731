import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  createTestRedisPrefix,
  login,
  readSse,
  REPO_ROOT,
  spawnServerProcess,
  type TestDatabase,
  type TestRedisPrefix,
} from '../test/support'

interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** `npm run sync-server -- <args>` without npm's banner: the same tsx entry point. */
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

beforeAll(async () => {
  // Unmigrated on purpose: the CLI's own `migrate` prepares it.
  db = await createTestDatabase({ migrate: false })
  redis = createTestRedisPrefix()
})

afterAll(async () => {
  await redis?.cleanup()
  await db?.drop()
})

describe('sync-server CLI', () => {
  it('migrate applies the migrations (and is idempotent)', async () => {
    const first = await runCli(['migrate'], { DATABASE_URL: db.url })
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/migrated/i)
    expect((await runCli(['migrate'], { DATABASE_URL: db.url })).code).toBe(0)
  })

  it('create-user makes a user who can sign in; a duplicate email fails with exit code 1', async () => {
    const args = ['create-user', '--email', 'Kim.Minjun@Example.test', '--password', 'correct-horse-1', '--name', '김민준', '--tier', 'MANAGER']
    const created = await runCli(args, { DATABASE_URL: db.url })
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('kim.minjun@example.test')

    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      const { rows } = await client.query(
        `SELECT u.email, u.first_name, u.last_name, u.user_tier, u.is_active, c.password_hash
           FROM users u JOIN user_credentials c ON c.user_id = u.id WHERE u.email = 'kim.minjun@example.test'`,
      )
      expect(rows[0]).toMatchObject({ first_name: '민준', last_name: '김', user_tier: 'MANAGER', is_active: true })
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/)
      // Devices that already synced learn of the new user (and its new role) through the change log.
      const logged = await client.query(`SELECT table_name FROM change_log ORDER BY id`)
      expect(logged.rows.map((r: { table_name: string }) => r.table_name)).toEqual(['roles', 'users'])
    } finally {
      await client.end()
    }

    const duplicate = await runCli(args, { DATABASE_URL: db.url })
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toMatch(/already exists/)
  })

  it('create-user explains bad arguments with exit code 2', async () => {
    const result = await runCli(['create-user', '--email', 'not-an-email', '--password', 'short', '--name', '홍길동', '--tier', 'BOSS'], {
      DATABASE_URL: db.url,
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--email/)
    expect(result.stderr).toMatch(/--password/)
    expect(result.stderr).toMatch(/--tier/)
  })

  it('serve refuses to start without AUTH_SECRET, naming it (exit code 2)', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: db.url })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/AUTH_SECRET/)
  })

  it('an unknown command prints usage with exit code 2', async () => {
    const result = await runCli(['frobnicate'], {})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Usage/)
  })

  it('serve runs against the migrated database, signs users in, and stops gracefully on SIGTERM', async () => {
    const server = await spawnServerProcess({ DATABASE_URL: db.url, REDIS_PREFIX: redis.prefix })
    try {
      const session = await login(server.url, { email: 'kim.minjun@example.test', password: 'correct-horse-1', deviceId: randomUUID() })
      expect(session.user.tier).toBe('MANAGER')
      // An open event stream must not keep the server from shutting down; its stream ticket must not be logged.
      const issued = await fetch(`${server.url}/v1/sync/events/ticket`, { method: 'POST', headers: session.headers })
      const { ticket } = (await issued.json()) as { ticket: string }
      const stream = await readSse(`${server.url}/v1/sync/events?ticket=${ticket}`)
      await stream.next('ready')
      expect(server.output()).toMatch(/"msg":"sync server listening"/)
      expect(server.output()).not.toContain(session.accessToken)
      expect(server.output()).not.toContain(ticket)
      expect(await server.stop('SIGTERM')).toBe(0)
      expect(server.output()).toMatch(/Sync server stopped/)
      stream.close()
    } finally {
      await server.stop('SIGKILL')
    }
  })
})
