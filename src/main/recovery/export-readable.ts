/**
 * "Export what is readable": before anything is rebuilt, everything that can still be read from a damaged replica is
 * written to a JSON file the user (or support) keeps — the unsent outbox entries first, then each table's rows. Each
 * table is scanned along its own b-tree in both directions, so rows on both sides of a damaged page are kept.
 */
import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { quoteIdent } from '../core/sqlite'
import { writeFileDurably } from '../core/files/durable-write'
import { errorMessage } from '../db/replica-health'
import { salvageReplica } from '../db/replica-salvage'
import { openReplicaReadOnly } from '../db/encryption'

export interface ReadableExport {
  readonly file: string
  readonly outboxEntries: number
  readonly rows: number
  readonly unreadableTables: readonly string[]
}

function readTable(sqlite: Database.Database, table: string): { rows: unknown[]; complete: boolean } {
  const byRowid = new Map<number, unknown>()
  let complete = true
  for (const order of ['ASC', 'DESC']) {
    try {
      const scan = sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${quoteIdent(table)} NOT INDEXED ORDER BY rowid ${order}`)
      for (const row of scan.iterate() as IterableIterator<{ __rowid: number }>) {
        const { __rowid, ...rest } = row
        byRowid.set(__rowid, rest)
      }
      if (order === 'ASC') break // the forward scan read everything
    } catch {
      complete = false
    }
  }
  return { rows: [...byRowid.values()], complete }
}

interface Collected {
  readonly payload: Record<string, unknown>
  readonly outboxEntries: number
  readonly rows: number
  readonly unreadableTables: readonly string[]
}

/** Reads what it can from the file; never throws. */
export function collectReadable(file: string, tables: readonly string[], now: Date, key?: Buffer): Collected {
  const salvage = salvageReplica(file, new Set(tables), key)
  const data: Record<string, unknown[]> = {}
  const unreadableTables: string[] = []
  let rows = 0
  try {
    const sqlite = openReplicaReadOnly(file, key)
    try {
      for (const table of tables) {
        const read = readTable(sqlite, table)
        if (!read.complete) unreadableTables.push(table)
        if (read.rows.length > 0) data[table] = read.rows
        rows += read.rows.length
      }
    } finally {
      sqlite.close()
    }
  } catch (error) {
    unreadableTables.push(`* (${errorMessage(error)})`)
  }
  const payload = {
    exportedAt: now.toISOString(),
    source: file,
    note: 'Unsent changes (outbox) and the rows that could still be read from a damaged CRM AUGU data file.',
    identity: salvage.state,
    outbox: salvage.outbox,
    tables: data,
    unreadableTables,
  }
  return { payload, outboxEntries: salvage.outbox.length, rows, unreadableTables }
}

/** Writes `crm-augu-readable-<UTC stamp>.json` into `targetDir` (durably: it may be the only copy of unsent work). */
export async function writeReadableExport(
  file: string,
  targetDir: string,
  tables: readonly string[],
  now: Date = new Date(),
  key?: Buffer,
): Promise<ReadableExport> {
  const { payload, ...summary } = collectReadable(file, tables, now, key)
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  const target = join(targetDir, `crm-augu-readable-${stamp}.json`)
  await writeFileDurably(target, JSON.stringify(payload, null, 1), { mode: 0o600 })
  return { file: target, ...summary }
}
