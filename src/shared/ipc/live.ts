/**
 * The main → renderer push stream (docs/architecture.md §8, "The change stream"): what changed in the replica, and the sync status.
 *
 * Pull-only IPC made every screen poll or guess; instead main tells the renderer after every committed local write and
 * every applied pull page which tables (and, when few, which rows) changed, and pushes the sync status whenever it
 * changes. Both transports carry the same payloads (Electron: webContents.send → preload; web harness: Server-Sent
 * Events → bridge) and both validate them here before any callback sees them, as invoke results are validated.
 * Zod-free on purpose: the sandboxed preload bundles everything it imports.
 */
import { type SyncStatus } from './contract'

export type ChangeSource = 'local' | 'pull'

export interface ChangeNotice {
  /** `local`: a write on this device (any screen, import, sync panel). `pull`: a page the sync brought in. */
  readonly source: ChangeSource
  /** Synced table names (SQL names) whose rows changed. */
  readonly tables: readonly string[]
  /** Row ids per table, only when the change is small (≤ CHANGE_IDS_LIMIT rows in all); absent = "any row". */
  readonly ids?: Readonly<Record<string, readonly string[]>>
}

/** Above this many rows in one notice, ids are left out (a 5,000-row pull page would otherwise be a large message). */
export const CHANGE_IDS_LIMIT = 50

/** The two topics of the stream. */
export type LiveTopic = 'changes' | 'syncStatus'
export const LIVE_TOPICS: readonly LiveTopic[] = ['changes', 'syncStatus']

/** Electron channel names for webContents.send / ipcRenderer.on (never an invoke channel). */
export const LIVE_IPC_CHANNEL: Record<LiveTopic, string> = { changes: 'crm:live:changes', syncStatus: 'crm:live:sync-status' }

export type Unsubscribe = () => void

export interface LiveApi {
  /** Hear about every committed change to the replica. Returns the unsubscribe. */
  onChanges(callback: (notice: ChangeNotice) => void): Unsubscribe
  /** Hear the sync status whenever it changes (replaces polling `sync.status`). */
  onSyncStatus(callback: (status: SyncStatus) => void): Unsubscribe
}

/** Subscribes to a raw topic of the transport; payloads are untrusted until parsed. */
export type RawSubscribe = (topic: LiveTopic, listener: (payload: unknown) => void) => Unsubscribe

const NAME = /^[a-z][a-z0-9_]{0,62}$/
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A well-formed change notice, or null (then the payload is dropped). */
export function parseChangeNotice(raw: unknown): ChangeNotice | null {
  if (!isObject(raw)) return null
  if (raw.source !== 'local' && raw.source !== 'pull') return null
  if (!Array.isArray(raw.tables) || raw.tables.length > 500 || !raw.tables.every((t) => typeof t === 'string' && NAME.test(t))) return null
  const tables = [...(raw.tables as string[])]
  if (raw.ids === undefined) return { source: raw.source, tables }
  if (!isObject(raw.ids)) return null
  const ids: Record<string, string[]> = {}
  let count = 0
  for (const [table, list] of Object.entries(raw.ids)) {
    if (!NAME.test(table) || !tables.includes(table) || !Array.isArray(list)) return null
    if (!list.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64)) return null
    count += list.length
    ids[table] = [...(list as string[])]
  }
  if (count > CHANGE_IDS_LIMIT) return null
  return { source: raw.source, tables, ids }
}

const CONNECTIONS = new Set(['online', 'offline', 'connecting', 'local-only'])
const ATTENTION = new Set(['sign-in', 'update', 'retrying', 'disk-full', null])
const count = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0
const isoOrNull = (value: unknown): boolean => value === null || (typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)))

/** A well-formed pushed sync status, or null. */
export function parseSyncStatus(raw: unknown): SyncStatus | null {
  if (!isObject(raw)) return null
  if (!CONNECTIONS.has(raw.connection as string) || typeof raw.syncing !== 'boolean') return null
  if (!count(raw.pending) || !count(raw.rejected) || !count(raw.conflicts)) return null
  if (!isoOrNull(raw.lastSyncedAt) || !isoOrNull(raw.nextRetryAt) || !ATTENTION.has(raw.attention as string | null)) return null
  if (raw.diskFullNeededMb !== null && raw.diskFullNeededMb !== undefined && !count(raw.diskFullNeededMb)) return null
  return {
    connection: raw.connection as SyncStatus['connection'],
    syncing: raw.syncing,
    pending: raw.pending as number,
    rejected: raw.rejected as number,
    conflicts: raw.conflicts as number,
    lastSyncedAt: raw.lastSyncedAt as string | null,
    attention: raw.attention as SyncStatus['attention'],
    nextRetryAt: raw.nextRetryAt as string | null,
    diskFullNeededMb: (raw.diskFullNeededMb as number | null | undefined) ?? null,
  }
}

/** The validating `onChanges` / `onSyncStatus` pair over a raw transport subscription. */
export function createLiveApi(subscribe: RawSubscribe | undefined): LiveApi {
  const on =
    <T>(topic: LiveTopic, parse: (raw: unknown) => T | null) =>
    (callback: (value: T) => void): Unsubscribe => {
      if (!subscribe) return () => undefined
      return subscribe(topic, (payload) => {
        const value = parse(payload)
        if (value === null) return
        try {
          callback(value)
        } catch {
          // One screen's failing listener must not stop the others hearing about the change.
        }
      })
    }
  return { onChanges: on('changes', parseChangeNotice), onSyncStatus: on('syncStatus', parseSyncStatus) }
}

/**
 * Accumulates row changes into a notice: tables always, ids while the total stays within CHANGE_IDS_LIMIT. Used by the
 * writer (one transaction) and the sync engine (one pull page).
 */
export interface ChangeCollector {
  add(table: string, id: string): void
  addTable(table: string): void
  readonly size: number
  notice(source: ChangeSource): ChangeNotice | null
  clear(): void
}

export function createChangeCollector(): ChangeCollector {
  let tables = new Set<string>()
  let ids = new Map<string, Set<string>>()
  let rows = 0
  let overflow = false
  return {
    add(table, id) {
      tables.add(table)
      if (overflow) return
      let set = ids.get(table)
      if (!set) ids.set(table, (set = new Set()))
      if (set.has(id)) return
      set.add(id)
      rows += 1
      if (rows > CHANGE_IDS_LIMIT) {
        overflow = true
        ids = new Map()
      }
    },
    addTable(table) {
      tables.add(table)
      overflow = true
      ids = new Map()
    },
    get size() {
      return tables.size
    },
    notice(source) {
      if (tables.size === 0) return null
      const list = [...tables]
      if (overflow) return { source, tables: list }
      const out: Record<string, string[]> = {}
      for (const [table, set] of ids) out[table] = [...set]
      return { source, tables: list, ids: out }
    },
    clear() {
      tables = new Set()
      ids = new Map()
      rows = 0
      overflow = false
    },
  }
}
