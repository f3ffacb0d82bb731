/**
 * openDevice end to end under Node: real SQLite replica, the real local core, a fake sync server behind `fetch`.
 * What the user sees through the contract: session states, typed login errors, resume after restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryTokenStore } from './core/sync/tokens'
import Database from 'better-sqlite3'
import { openDevice } from './device'
import { DEMO_USER } from './device-port'
import { companyCreateSchema } from '../shared/model/validation/customers'
import { type DevicePort } from './handlers/context'

const SERVER = 'http://127.0.0.1:9999'
const USER = { id: '0190a000-0000-7000-8000-000000000042', email: 'hong@augu.kr', tier: 'MANAGER', firstName: '길동', lastName: '홍' }

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Accepts hong@augu.kr / right-password; every other endpoint is "temporarily unavailable". */
const fakeServer: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
  if (url.pathname === '/v1/auth/login') {
    const body = JSON.parse(String(init?.body)) as { email: string; password: string }
    if (body.email !== USER.email || body.password !== 'right-password') {
      return json(401, { error: { code: 'unauthenticated', message: 'bad credentials' } })
    }
    return json(200, { accessToken: 'a'.repeat(20), refreshToken: 'r'.repeat(20), user: USER, schemaVersions: { min: 1, max: 99 } })
  }
  if (url.pathname === '/v1/auth/logout') return json(200, {})
  return json(503, { error: { code: 'unavailable', message: 'down for maintenance' } })
}

const unreachable: typeof fetch = async () => {
  throw new TypeError('fetch failed')
}

let dir: string
let tokens: MemoryTokenStore
const open: DevicePort[] = []
const device = (fetchImpl: typeof fetch = fakeServer): DevicePort => {
  const port = openDevice({ dbFile: path.join(dir, 'crm.sqlite'), tokenStore: tokens, fetch: fetchImpl })
  open.push(port)
  return port
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crm-device-'))
  tokens = new MemoryTokenStore()
})

afterEach(async () => {
  for (const port of open.splice(0)) await port.close()
  rmSync(dir, { recursive: true, force: true })
})

const credentials = { serverUrl: SERVER, email: USER.email, password: 'right-password' }

describe('openDevice', () => {
  it('starts on the first-run choice with nothing to sync', async () => {
    const port = device()
    expect(await port.sessionState()).toEqual({ status: 'none' })
    expect(await port.syncStatus()).toMatchObject({ connection: 'local-only', pending: 0, rejected: 0, attention: null })
    await expect(port.syncNow()).rejects.toMatchObject({ code: 'sync.notSignedIn' })
  })

  it('signs in, names the user the Korean way and resumes offline after a restart', async () => {
    const first = device()
    expect(await first.login(credentials)).toEqual({
      status: 'signed-in',
      serverUrl: SERVER,
      user: { id: USER.id, name: '홍길동', email: USER.email, role: 'MANAGER' },
    })
    expect((await first.syncStatus()).connection).not.toBe('local-only')
    await first.close()
    open.splice(0)

    const restarted = device(unreachable)
    expect(await restarted.sessionState()).toMatchObject({ status: 'signed-in', user: { name: '홍길동' } })
    expect(await restarted.logout({ force: false })).toEqual({ status: 'none' })
  })

  it('turns login failures into typed errors', async () => {
    await expect(device().login({ ...credentials, password: 'wrong' })).rejects.toMatchObject({ code: 'session.invalidCredentials' })
    await expect(device(unreachable).login(credentials)).rejects.toMatchObject({ code: 'session.serverUnreachable' })
  })

  it('keeps demo mode local: no server sign-in, no sync, back to the first run on sign-out', async () => {
    const port = device()
    expect(await port.startDemo()).toMatchObject({ status: 'demo', user: DEMO_USER })
    await expect(port.startDemo()).rejects.toMatchObject({ code: 'session.alreadyStarted' })
    await expect(port.login(credentials)).rejects.toMatchObject({ code: 'session.alreadyStarted' })
    await expect(port.syncNow()).rejects.toMatchObject({ code: 'sync.notSignedIn' })
    await port.close()
    open.splice(0)

    const restarted = device()
    expect(await restarted.sessionState()).toMatchObject({ status: 'demo' })
    expect(await restarted.logout({ force: false })).toEqual({ status: 'none' })
  })

  it('fills the replica with the demo data, and leaving the demo empties it before any sign-in', async () => {
    const file = path.join(dir, 'crm.sqlite')
    const companies = (): number => {
      const db = new Database(file, { readonly: true })
      try {
        return (db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n
      } finally {
        db.close()
      }
    }
    const port = device()
    await port.startDemo()
    expect(companies()).toBeGreaterThan(100)
    // The demo user may write (a local-only session); demo edits count as nothing to send.
    const created = port.customers.companies.create(companyCreateSchema.parse({ name: '데모 신규 고객사' }), { allowDuplicates: true })
    expect(created).toMatchObject({ status: 'created' })
    expect(companies()).toBeGreaterThan(100)
    expect((await port.syncStatus()).pending).toBe(0)
    await port.logout({ force: false })
    expect(companies()).toBe(0)
    expect(await port.login(credentials)).toMatchObject({ status: 'signed-in' })
  })
})
