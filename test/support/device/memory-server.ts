/**
 * An in-memory stand-in for the sync server's push/pull semantics, for the local core's unit tests (no HTTP, no
 * PostgreSQL): per-device seq idempotency, per-field last-writer-wins by HLC, a change log paged by cursor, and hooks
 * to reject mutations or fail requests. The real server is tested against the device in test/integration.
 */
import { decideField } from '../../../src/shared/sync/merge'
import { type Mutation, type PullRequest, type PullResponse, type PushRequest, type PushResponse, type PushResult } from '../../../src/shared/sync/protocol'
import { SyncError } from '../../../src/main/core/sync/errors'
import { type StoredTokens, type TokenStore } from '../../../src/main/core/sync/tokens'
import { type Transport } from '../../../src/main/core/sync/transport'

export interface MemoryServerOptions {
  /** Return a reason to reject a mutation. */
  readonly reject?: (mutation: Mutation) => string | null
  readonly now?: () => number
  /** Accounts for login(): password and public profile. */
  readonly accounts?: readonly MemoryAccount[]
  readonly schemaVersions?: { readonly min: number; readonly max: number }
}

export interface MemoryAccount {
  readonly password: string
  readonly user: { readonly id: string; readonly email: string; readonly [key: string]: unknown }
}

type Row = Record<string, unknown>

interface LogEntry {
  readonly table: string
  readonly id: string
  readonly kind: 'change' | 'leave'
}

export interface MemoryServer {
  readonly transport: Pick<Transport, 'push' | 'pull'>
  /** Rows by table → id. */
  readonly rows: Map<string, Map<string, Row>>
  readonly pushes: PushRequest[]
  readonly pulls: PullRequest[]
  /** Write a row as another device would (stamps each field). */
  serverWrite(table: string, id: string, fields: Row, hlc?: string): void
  /** Tell devices the row left their scope. */
  evict(table: string, id: string): void
  /** Make the next request of this kind throw (e.g. a network failure). */
  failNext(kind: 'push' | 'pull', error: Error): void
  /** Apply the next push on the server but throw before the device gets the answer (lost response). */
  loseNextPushResponse(): void
  lastAppliedSeq(deviceId: string): number
  row(table: string, id: string): Row | undefined
  /** A full Transport over this server (login binds device ids to users like the real one; events never fire). */
  transportFor(serverUrl: string, tokens: TokenStore): Transport
  /** Make the network disappear for every transport of this server (push, pull, login throw 'offline'). */
  setOnline(online: boolean): void
  /** device id → user id, as bound at login. */
  readonly devices: Map<string, string>
}

export function createMemoryServer(options: MemoryServerOptions = {}): MemoryServer {
  const now = options.now ?? Date.now
  const rows = new Map<string, Map<string, Row>>()
  const stamps = new Map<string, { hlc: string; txid: string }>()
  const log: LogEntry[] = []
  const applied = new Map<string, number>()
  const pushes: PushRequest[] = []
  const pulls: PullRequest[] = []
  const failures: { push: Error | null; pull: Error | null } = { push: null, pull: null }
  let loseResponse = false
  let serverCounter = 0
  let online = true
  const devices = new Map<string, string>()
  const offline = (): SyncError => new SyncError('offline', 'Cannot reach the server (memory server offline)')

  const table = (name: string): Map<string, Row> => {
    let t = rows.get(name)
    if (!t) rows.set(name, (t = new Map()))
    return t
  }

  const write = (tableName: string, id: string, fields: Row, hlc: string, base: string | null): void => {
    const current = table(tableName).get(id) ?? { id }
    const txid = String(log.length + 1)
    let changed = false
    for (const [field, value] of Object.entries(fields)) {
      const key = `${tableName}/${id}/${field}`
      if (!decideField(stamps.get(key), { hlc, base }).apply) continue
      current[field] = value
      stamps.set(key, { hlc, txid })
      changed = true
    }
    if (!changed) return
    current.updated_at = new Date(now()).toISOString()
    table(tableName).set(id, current)
    log.push({ table: tableName, id, kind: 'change' })
  }

  const transport: MemoryServer['transport'] = {
    async push(request) {
      await Promise.resolve()
      pushes.push(request)
      if (failures.push) {
        const error = failures.push
        failures.push = null
        throw error
      }
      const results: PushResult[] = []
      for (const mutation of request.mutations) {
        const last = applied.get(request.deviceId) ?? 0
        if (mutation.seq <= last) {
          results.push({ seq: mutation.seq, status: 'duplicate' })
          continue
        }
        applied.set(request.deviceId, mutation.seq)
        const reason = options.reject?.(mutation) ?? null
        if (reason) {
          results.push({ seq: mutation.seq, status: 'rejected', reason })
          continue
        }
        write(mutation.table, mutation.id, mutation.fields, mutation.hlc, mutation.base ?? null)
        results.push({ seq: mutation.seq, status: 'applied' })
      }
      const response: PushResponse = { results, serverTime: new Date(now()).toISOString() }
      if (loseResponse) {
        loseResponse = false
        throw new Error('connection reset after the server committed')
      }
      return response
    },

    async pull(request) {
      await Promise.resolve()
      pulls.push(request)
      if (failures.pull) {
        const error = failures.pull
        failures.pull = null
        throw error
      }
      const from = request.cursor === null ? 0 : Number(request.cursor)
      const limit = request.limit ?? 1000
      const slice = log.slice(from, from + limit)
      const changes: PullResponse['changes'] = []
      const removed: PullResponse['removed'] = []
      for (const entry of slice) {
        const row = table(entry.table).get(entry.id)
        if (entry.kind === 'leave' || !row) removed.push({ table: entry.table, id: entry.id })
        else changes.push({ table: entry.table, id: entry.id, row: { ...row } })
      }
      const cursor = from + slice.length
      return {
        changes,
        removed,
        cursor: String(cursor),
        hasMore: cursor < log.length,
        watermark: String(cursor),
        serverTime: new Date(now()).toISOString(),
      }
    },
  }

  return {
    transport,
    rows,
    pushes,
    pulls,
    serverWrite(tableName, id, fields, hlc) {
      serverCounter += 1
      const stamp = hlc ?? `${new Date(now()).toISOString()}-${serverCounter.toString(16).padStart(4, '0')}-ffffffffffffffff`
      write(tableName, id, fields, stamp, String(log.length + 1))
    },
    evict(tableName, id) {
      table(tableName).delete(id)
      log.push({ table: tableName, id, kind: 'leave' })
    },
    failNext(kind, error) {
      failures[kind] = error
    },
    loseNextPushResponse() {
      loseResponse = true
    },
    lastAppliedSeq: (deviceId) => applied.get(deviceId) ?? 0,
    row: (tableName, id) => table(tableName).get(id),
    devices,
    setOnline(value) {
      online = value
    },
    transportFor(serverUrl, tokens) {
      let issued = 0
      return {
        baseUrl: serverUrl,
        async login({ email, password, deviceId }) {
          if (!online) throw offline()
          const account = options.accounts?.find((a) => a.user.email.toLowerCase() === email.toLowerCase())
          if (!account || account.password !== password) throw new SyncError('auth', 'Wrong email or password', { status: 401 })
          const bound = devices.get(deviceId)
          if (bound && bound !== account.user.id) {
            throw new SyncError('forbidden', 'This device is registered to another user; sign in with a new device id', { status: 403 })
          }
          devices.set(deviceId, account.user.id)
          issued += 1
          const pair = { accessToken: `a-${issued}`, refreshToken: `r-${issued}-0123456789abcdef` }
          const stored: StoredTokens = { ...pair, userId: account.user.id, serverUrl }
          await tokens.save(stored)
          return { ...pair, expiresIn: 900, user: account.user, schemaVersions: options.schemaVersions ?? { min: 1, max: 1 } }
        },
        async refresh() {
          const current = await tokens.load()
          if (!current) throw new SyncError('auth', 'Not signed in')
          return current
        },
        async logout() {
          await tokens.clear()
        },
        async push(request) {
          if (!online) throw offline()
          if (!(await tokens.load())) throw new SyncError('auth', 'Not signed in')
          return transport.push(request)
        },
        async pull(request) {
          if (!online) throw offline()
          if (!(await tokens.load())) throw new SyncError('auth', 'Not signed in')
          return transport.pull(request)
        },
        conflicts: () => Promise.resolve({ conflicts: [] }),
        health: () => Promise.resolve(online),
        events: () => ({ close: () => undefined }),
      }
    },
  }
}
