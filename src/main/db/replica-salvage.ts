/**
 * What can still be read from a damaged replica: the device's identity (so the rebuilt copy is the same device for
 * the server, and the user stays signed in) and the outbox entries that are readable and valid (unsent work exists
 * nowhere else). Everything else is re-downloaded from the server.
 *
 * Reading is defensive: the file is opened read-only, every read is its own try, and the outbox is scanned in both
 * directions along the table's own b-tree (seq is the rowid), never through an index that may disagree with it.
 */
import type Database from 'better-sqlite3'
import { isHlc } from '../../shared/sync/hlc'
import { isUuid } from '../../shared/ids/uuidv7'
import { OUTBOX_OPS, OUTBOX_STATUSES } from '../../shared/model/enums'
import { errorMessage } from './replica-health'
import { openReplicaReadOnly } from './encryption'

/** sync_state keys carried into the rebuilt replica. Not the pull cursor or watermark: the rebuild pulls from scratch. */
export const CARRIED_STATE_KEYS = ['device_id', 'user_id', 'signed_in', 'user_profile', 'server_url', 'hlc', 'last_seq', 'schema_version'] as const

export interface SalvagedOutboxEntry {
  readonly seq: number
  readonly table_name: string
  readonly row_id: string
  readonly op: string
  readonly fields: string
  readonly hlc: string
  readonly base: string | null
  readonly created_at: string
  readonly status: string
  readonly reject_reason: string | null
}

export interface ReplicaSalvage {
  readonly state: Readonly<Record<string, string>>
  readonly appSettings: Readonly<Record<string, string>>
  readonly outbox: readonly SalvagedOutboxEntry[]
  /** Outbox rows that were read but are not valid (a torn row, a sequence beyond the last one ever assigned, …). */
  readonly discarded: number
  /** Why parts could not be read (for the log and the support report). */
  readonly readErrors: readonly string[]
}

/** Reads what it can; never throws (a file that cannot be opened at all gives an empty salvage). */
export function salvageReplica(file: string, knownTables: ReadonlySet<string>, key?: Buffer): ReplicaSalvage {
  const readErrors: string[] = []
  let sqlite: Database.Database
  try {
    sqlite = openReplicaReadOnly(file, key)
  } catch (error) {
    return { state: {}, appSettings: {}, outbox: [], discarded: 0, readErrors: [errorMessage(error)] }
  }
  try {
    const state = readKeyValues(sqlite, 'sync_state', CARRIED_STATE_KEYS, readErrors)
    const appSettings = readKeyValues(sqlite, 'app_settings', null, readErrors)
    const lastSeq = Number(state.last_seq ?? Number.NaN)
    const rows = readOutboxRows(sqlite, readErrors)
    const outbox: SalvagedOutboxEntry[] = []
    let discarded = 0
    for (const row of rows.values()) {
      if (isValidEntry(row, knownTables, Number.isSafeInteger(lastSeq) ? lastSeq : null)) outbox.push(row)
      else discarded += 1
    }
    outbox.sort((a, b) => a.seq - b.seq)
    // The rebuilt copy continues the sequence: the server answers a seq at or below the last one it applied as a
    // duplicate, so a reused seq would be a silently lost edit.
    const maxSeq = outbox.at(-1)?.seq ?? 0
    const carried = { ...state }
    if (!Number.isSafeInteger(lastSeq) || lastSeq < maxSeq) carried.last_seq = String(maxSeq)
    return { state: carried, appSettings, outbox, discarded, readErrors }
  } finally {
    sqlite.close()
  }
}

function readKeyValues(sqlite: Database.Database, table: string, keys: readonly string[] | null, readErrors: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  try {
    for (const row of sqlite.prepare(`SELECT key, value FROM ${table}`).iterate() as IterableIterator<{ key: unknown; value: unknown }>) {
      if (typeof row.key !== 'string' || typeof row.value !== 'string') continue
      if (keys === null || keys.includes(row.key)) out[row.key] = row.value
    }
  } catch (error) {
    readErrors.push(`${table}: ${errorMessage(error)}`)
  }
  return out
}

const OUTBOX_COLUMNS = 'seq, table_name, row_id, op, fields, hlc, base, created_at, status, reject_reason'

/** Scans forward until a damaged page stops it, then backward from the end, so entries on both sides survive. */
function readOutboxRows(sqlite: Database.Database, readErrors: string[]): Map<number, SalvagedOutboxEntry> {
  const rows = new Map<number, SalvagedOutboxEntry>()
  for (const order of ['ASC', 'DESC']) {
    try {
      const scan = sqlite.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox NOT INDEXED ORDER BY rowid ${order}`)
      for (const row of scan.iterate() as IterableIterator<SalvagedOutboxEntry>) rows.set(row.seq, row)
    } catch (error) {
      readErrors.push(`outbox (${order}): ${errorMessage(error)}`)
    }
  }
  return rows
}

/** What the outbox store would have written: anything else is damage and is not sent to the server. */
export function isValidEntry(row: SalvagedOutboxEntry, knownTables: ReadonlySet<string>, lastSeq: number | null): boolean {
  if (!Number.isSafeInteger(row.seq) || row.seq < 1) return false
  if (lastSeq !== null && row.seq > lastSeq) return false
  if (typeof row.table_name !== 'string' || !knownTables.has(row.table_name)) return false
  if (!isUuid(row.row_id)) return false
  if (!(OUTBOX_OPS as readonly unknown[]).includes(row.op)) return false
  if (!(OUTBOX_STATUSES as readonly unknown[]).includes(row.status)) return false
  if (!isHlc(row.hlc)) return false
  if (typeof row.created_at !== 'string') return false
  try {
    const fields: unknown = JSON.parse(row.fields)
    return typeof fields === 'object' && fields !== null && !Array.isArray(fields)
  } catch {
    return false
  }
}
