/**
 * openDevice end to end under Node: real SQLite replica, the real local core, a fake sync server behind `fetch`.
 * What the user sees through the contract: session states, typed login errors, resume after restart.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FileTokenStore, MemoryTokenStore } from './core/sync/tokens'
import Database from 'better-sqlite3'
import { openDevice } from './device'
import { applyReplicaKey, isPlainSqliteFile, openReplicaReadOnly } from './db/encryption'
import { createFileKeyStore, keyFileBeside } from './db/replica-key'
import { DEMO_USER } from './device-port'
import { companyCreateSchema } from '../shared/model/validation/customers'
import { type DevicePort } from './handlers/context'

const SERVER = 'http://127.0.0.1:9999'
const USER = { id: '0190a000-0000-7000-8000-000000000042', email: 'hong@augu.kr', tier: 'MANAGER', firstName: '길동', lastName: '홍' }

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

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

const ALL_COMPANIES = { filters: {}, sort: 'name', offset: 0, limit: 100 } as const
const credentials = { serverUrl: SERVER, email: USER.email, password: 'right-password' }

// Real encrypted SQLite files, and the demo seeds 20,000 rows: several seconds each on a loaded 2-core machine.
describe('openDevice', { timeout: 30_000 }, () => {
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
        applyReplicaKey(db, createFileKeyStore(keyFileBeside(file)).load()!)
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
    // Leaving deletes the demo edits: asked first, with their count (company + head office = 2), nothing removed yet.
    await expect(port.logout({ force: false })).rejects.toMatchObject({ code: 'session.unsyncedChanges', params: { count: 2 } })
    expect(companies()).toBeGreaterThan(100)
    await port.logout({ force: true })
    expect(companies()).toBe(0)
    // The emptied outbox is recounted: no demo edits left "to send".
    expect((await port.syncStatus()).pending).toBe(0)
    expect(await port.login(credentials)).toMatchObject({ status: 'signed-in' })
  })

  it("removes this PC's copy at sign-out only when nothing waits to be sent, or with the counted confirmation", async () => {
    const file = path.join(dir, 'crm.sqlite')
    const tokenFile = path.join(dir, 'tokens.json')
    const port = openDevice({ dbFile: file, tokenStore: new FileTokenStore(tokenFile), fetch: fakeServer })
    open.push(port)
    await port.login(credentials)
    expect(existsSync(tokenFile)).toBe(true)
    port.customers.companies.create(companyCreateSchema.parse({ name: '오프라인 신규 고객사' }), { allowDuplicates: true })
    port.customers.companies.create(companyCreateSchema.parse({ name: '두 번째 신규 고객사' }), { allowDuplicates: true })
    const { pending } = await port.syncStatus()
    expect(pending).toBeGreaterThan(0)

    // Refused while edits wait: without a confirmation, and with a wrong count. Nothing changes.
    await expect(port.logout({ force: true, removeCopy: true })).rejects.toMatchObject({ code: 'session.unsyncedChanges', params: { count: pending } })
    await expect(port.logout({ force: true, removeCopy: true, confirmDiscard: pending - 1 })).rejects.toMatchObject({ code: 'session.unsyncedChanges' })
    expect(await port.sessionState()).toMatchObject({ status: 'signed-in' })
    expect((await port.syncStatus()).pending).toBe(pending)
    const oldKey = createFileKeyStore(keyFileBeside(file)).load()

    expect(await port.logout({ force: true, removeCopy: true, confirmDiscard: pending })).toEqual({ status: 'none' })
    expect(existsSync(tokenFile)).toBe(false)
    // A fresh, empty device took its place: a new key, no rows, nothing to send.
    expect(createFileKeyStore(keyFileBeside(file)).load()!.equals(oldKey!)).toBe(false)
    expect(await port.syncStatus()).toMatchObject({ pending: 0, connection: 'local-only' })
    expect(port.customers.companies.list(ALL_COMPANIES).total).toBe(0)
  })

  it('"rebuild this PC\'s copy" (settings): on the next start the copy is rebuilt ENCRYPTED with the same key, its unsent change kept', async () => {
    const file = path.join(dir, 'crm.sqlite')
    const keyFile = keyFileBeside(file)
    const port = device()
    await port.login(credentials)
    port.customers.companies.create(companyCreateSchema.parse({ name: '다시 받을 고객사' }), { allowDuplicates: true })
    // The company and its head-office branch.
    const { pending } = await port.syncStatus()
    expect(pending).toBeGreaterThan(0)
    const key = readFileSync(keyFile, 'utf8')
    expect(port.replica.rebuild()).toEqual({ restarting: false })
    await port.close()
    open.splice(0)

    const rebuilt = device(unreachable)
    expect(rebuilt.replica.health()).toMatchObject({ rebuildRequested: false, notice: { reason: 'requested', keptChanges: pending, identityKept: true } })
    expect((await rebuilt.syncStatus()).pending).toBe(pending)
    expect(await rebuilt.sessionState()).toMatchObject({ status: 'signed-in' })
    await rebuilt.close()
    open.splice(0)
    // Same key; the new file and the set-aside one are both encrypted with it — no plain copy ever reaches the disk.
    expect(readFileSync(keyFile, 'utf8')).toBe(key)
    const aside = readdirSync(dir).filter((name) => /^crm\.sqlite\.damaged-\d{8}T\d{6}Z$/.test(name))
    expect(aside).toHaveLength(1)
    for (const replicaFile of [file, path.join(dir, aside[0]!)]) {
      expect(isPlainSqliteFile(replicaFile)).toBe(false)
      expect(readFileSync(replicaFile).includes(Buffer.from('다시 받을 고객사'))).toBe(false)
      const db = openReplicaReadOnly(replicaFile, Buffer.from(key, 'hex'))
      expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(pending)
      db.close()
    }
  })

  it('erases the replica, its key and the tokens when the server answers 410 device_wiped, then shows the first run', async () => {
    const file = path.join(dir, 'crm.sqlite')
    const tokenFile = path.join(dir, 'tokens.json')
    let wiped = false
    const erased: string[] = []
    const server: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
      if (wiped && url.pathname !== '/v1/auth/logout') return json(410, { error: { code: 'device_wiped', message: 'wiped' } })
      return fakeServer(input, init)
    }
    const port = openDevice({ dbFile: file, tokenStore: new FileTokenStore(tokenFile), fetch: server, onErased: (reason) => erased.push(reason) })
    open.push(port)
    // Subscribed once before the wipe, as the app's windows are: they must hear the fresh device after it.
    const statuses: string[] = []
    port.onSyncStatus((status) => statuses.push(status.connection))
    await port.login(credentials)
    port.customers.companies.create(companyCreateSchema.parse({ name: '분실된 노트북의 고객사' }), { allowDuplicates: true })
    // A copy an earlier rebuild set aside, and an attachment: customer data too.
    writeFileSync(`${file}.damaged-20261201T000000Z`, 'old copy')
    mkdirSync(`${file}-files`, { recursive: true })
    writeFileSync(path.join(`${file}-files`, 'contract.pdf'), 'attachment')
    // Unlike resync_required (also 410), device_wiped is never retried or "resynced".
    wiped = true
    await expect(port.syncNow()).rejects.toBeDefined()
    await vi.waitFor(() => expect(erased).toEqual(['wiped']))
    expect(await port.sessionState()).toEqual({ status: 'none', notice: 'device-wiped' })
    expect(existsSync(tokenFile)).toBe(false)
    expect(await port.syncStatus()).toMatchObject({ pending: 0, connection: 'local-only' })
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('local-only'))

    // Quit now: nothing of the old copy is left, and the new empty device's files are the only ones.
    await port.close()
    open.splice(0)
    const left = readdirSync(dir)
    expect(left.filter((name) => name.startsWith('crm.sqlite')).sort()).toEqual(['crm.sqlite', 'crm.sqlite.key'])
    const reopened = device()
    expect(reopened.customers.companies.list(ALL_COMPANIES).total).toBe(0)
    // A sign-in after the wipe clears the notice.
    expect(await reopened.sessionState()).toEqual({ status: 'none' })
  })
})
