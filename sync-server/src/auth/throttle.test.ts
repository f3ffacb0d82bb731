/**
 * Issue 12 "Sign-in cannot be brute-forced", each defect found live, proved here against real PostgreSQL + Redis:
 * forged X-Forwarded-For, check-before-count under a concurrent burst, the right password inside a lockout,
 * unknown e-mails, and the TRUST_PROXY configuration. docs/security.md § Throttling lists these tests.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseTrustProxy } from '../config'
import {
  createTestDatabase,
  createTestRedisPrefix,
  createUser,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
} from '../../test/support'

let db: TestDatabase
let redis: TestRedisPrefix
/** Default TRUST_PROXY (none): X-Forwarded-For is ignored. */
let direct: TestServer
/** Behind a proxy at 127.0.0.1 that (wrongly) appends to X-Forwarded-For: the per-account budget still holds. */
let proxied: TestServer

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  direct = await startTestServer({ databaseUrl: db.url, redisPrefix: `${redis.prefix}direct:` })
  proxied = await startTestServer({
    databaseUrl: db.url,
    redisPrefix: `${redis.prefix}proxied:`,
    config: { trustProxy: ['127.0.0.1'], loginAccountMaxFailures: 10 },
  })
})

afterAll(async () => {
  await direct?.close()
  await proxied?.close()
  await redis?.cleanup()
  await db?.drop()
})

const attempt = (server: TestServer, email: string, password: string, forwardedFor?: string) =>
  fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ email, password, deviceId: randomUUID() }),
  })

const checksOf = async (server: TestServer): Promise<number> => {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  return [...text.matchAll(/^crm_auth_password_checks_total\{outcome="\w+"\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0)
}

describe('forged X-Forwarded-For', () => {
  it('without TRUST_PROXY: 20 wrong passwords from 20 forged addresses hit 429, and then the right one is refused', async () => {
    const user = await createUser(db.url)
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await attempt(direct, user.email, `wrong-${i}`, `203.0.113.${i}`)).status)
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401])
    expect(statuses.slice(4)).toEqual(Array(16).fill(429))
    const right = await attempt(direct, user.email, user.password, '198.51.100.7')
    expect(right.status).toBe(429)
  })

  it('behind a trusted proxy that appends: the per-account budget refuses a guesser who rotates addresses', async () => {
    const user = await createUser(db.url)
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await attempt(proxied, user.email, `wrong-${i}`, `203.0.113.${i}`)).status)
    // Every forged address is "new", so only the account budget (10 here) stands between the guesser and the password.
    expect(statuses.filter((s) => s === 401)).toHaveLength(9)
    expect(statuses.slice(9)).toEqual(Array(11).fill(429))
    expect((await attempt(proxied, user.email, user.password, '198.51.100.8')).status).toBe(429)
  })
})

describe('a concurrent burst', () => {
  it('50 concurrent wrong passwords: only the budget is evaluated, the rest refused without hashing', async () => {
    const user = await createUser(db.url)
    const before = await checksOf(direct)
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(direct, user.email, `burst-${i}`)))
    const statuses = responses.map((r) => r.status)
    const evaluated = (await checksOf(direct)) - before
    // LOGIN_MAX_FAILURES = 5: at most five hashes ran, whatever the interleaving (the old code ran all fifty).
    expect(evaluated).toBeLessThanOrEqual(5)
    expect(evaluated).toBeGreaterThanOrEqual(1)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45)
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
  })

  it('the correct password inside a burst of wrong ones does not sign in', async () => {
    const user = await createUser(db.url)
    const wrong = Array.from({ length: 30 }, (_, i) => attempt(direct, user.email, `burst-${i}`))
    await Promise.all(wrong.slice(0, 10))
    const right = attempt(direct, user.email, user.password)
    const statuses = (await Promise.all(wrong)).map((r) => r.status)
    expect((await right).status).toBe(429)
    // All thirty are in flight together, so which of them got the five evaluations is up to the interleaving (two test
    // workers reorder it); that only the budget was evaluated and everything else refused is not.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25)
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
  })

  it('an unknown e-mail has the same budget and is hashed like a known one (against a dummy hash)', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.test`
    const before = await checksOf(direct)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await attempt(direct, email, `guess-${i}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429])
    expect((await checksOf(direct)) - before).toBe(5)
  })

  it('a success gives the attempt back: a user who mistypes a few times and then gets it right is not locked', async () => {
    const user = await createUser(db.url)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) expect((await attempt(direct, user.email, 'typo')).status).toBe(401)
      expect((await attempt(direct, user.email, user.password)).status).toBe(200)
    }
  })
})

describe('TRUST_PROXY configuration', () => {
  const base = { DATABASE_URL: 'postgres://h/db', AUTH_SECRET: 'x'.repeat(32) }
  it('refuses the old `true` with the reason, and accepts addresses and CIDRs', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must name the proxies/)
    expect(() => loadConfig({ ...base, TRUST_PROXY: '1' })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/10\.0\.0\.0\/33/)
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'proxy.example' })).toThrow(ConfigError)
    expect(loadConfig(base).trustProxy).toBe(false)
    expect(loadConfig({ ...base, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1'])
    expect(parseTrustProxy('loopback')).toEqual(['loopback'])
  })
})
