/**
 * The trash (휴지통): deletes that say what goes with them, and restores within the tombstone horizon.
 *
 * A delete soft-deletes the record and its children (DELETION_RULES) through the writer in one transaction, children
 * first. The exact rows it removed are logged for this user on this PC (device-local `app_settings`, like saved
 * filters: a preference, not shared data), so a restore brings back exactly those rows (parents first) and never a
 * child that had been deleted on its own before. Deletes made on another device arrive as tombstones but are not in
 * this trash; the log keeps at most MAX_ENTRIES and drops anything past the horizon.
 */
import { z } from 'zod'
import {
  DELETABLE_KINDS,
  DELETION_RULES,
  TOMBSTONE_HORIZON_DAYS,
  withinTombstoneHorizon,
  type ChildRule,
  type DeletableKind,
} from '../../../shared/domain/deletion'
import { toIsoDate } from '../../../shared/domain/dates'
import { type SyncedTable } from '../../../shared/model/tables'
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { type DeletionCount, type DeletionPreview, type TrashEntry } from '../../../shared/ipc/trash-types'
import { requireSyncedTable, type Writer } from '../outbox/writer'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { RecordNotFoundError } from '../common/errors'
import { createStatementCache } from '../common/sql'

const MAX_ENTRIES = 500
const DAY = 86_400_000

export interface TrashRepo {
  preview(kind: DeletableKind, id: string): DeletionPreview
  remove(kind: DeletableKind, id: string): TrashEntry
  list(): TrashEntry[]
  restore(entryId: string): { restored: number }
}

/** One logged deletion: the entry as shown, plus every row it removed (table, id) in delete order. */
const storedEntry = z.object({
  id: z.string(),
  kind: z.enum(DELETABLE_KINDS),
  rowId: z.string(),
  title: z.string(),
  deletedAt: z.string(),
  children: z.array(z.object({ label: z.string(), count: z.number() })),
  rows: z.array(z.object({ table: z.string(), id: z.string() })),
})
type StoredEntry = z.infer<typeof storedEntry>

interface Collected {
  readonly rows: Array<{ table: SyncedTable; id: string }>
  readonly counts: Map<string, number>
}

export function createTrashRepo({
  sqlite,
  writer,
  state,
  now = () => new Date().toISOString(),
}: {
  sqlite: Sqlite
  writer: Writer
  state: DeviceState
  now?: () => string
}): TrashRepo {
  const statement = createStatementCache(sqlite)
  sqlite.exec('CREATE TABLE IF NOT EXISTS app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const select = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?')
  const upsert = sqlite.prepare<[string, string]>('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const keyOf = (): string => `trash:${state.get('user_id') ?? 'local'}`

  const read = (): StoredEntry[] => {
    const raw = select.get(keyOf())?.value
    if (!raw) return []
    try {
      const parsed: unknown = JSON.parse(raw)
      return Array.isArray(parsed) ? parsed.flatMap((e) => (storedEntry.safeParse(e).success ? [storedEntry.parse(e)] : [])) : []
    } catch {
      return []
    }
  }
  const write = (entries: StoredEntry[]): void => {
    upsert.run(keyOf(), JSON.stringify(entries.slice(0, MAX_ENTRIES)))
  }

  const titleOf = (kind: DeletableKind, id: string, includeDeleted: boolean): string => {
    const rule = DELETION_RULES[kind]
    const row = statement(`SELECT ${rule.titleSql} AS title FROM ${rule.table} WHERE id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`).get(id) as
      { title: string | null } | undefined
    if (!row) throw new RecordNotFoundError(`No ${kind} ${id}`)
    return row.title ?? ''
  }

  /** Live descendants of the given parents, deepest last (so deleting runs the list backwards). */
  const collect = (rules: readonly ChildRule[], parentIds: readonly string[], into: Collected): void => {
    if (parentIds.length === 0) return
    for (const rule of rules) {
      const ids = (
        statement(`SELECT id FROM ${rule.table} WHERE deleted_at IS NULL AND ${rule.parentColumn} IN (SELECT value FROM json_each(?))`).all(
          JSON.stringify(parentIds),
        ) as Array<{ id: string }>
      ).map((r) => r.id)
      if (ids.length === 0) continue
      into.counts.set(rule.label, (into.counts.get(rule.label) ?? 0) + ids.length)
      for (const id of ids) into.rows.push({ table: rule.table, id })
      if (rule.children) collect(rule.children, ids, into)
    }
  }

  const childrenOf = (kind: DeletableKind, id: string): Collected => {
    const collected: Collected = { rows: [], counts: new Map() }
    collect(DELETION_RULES[kind].children, [id], collected)
    return collected
  }
  /** Live records on this replica that point at the record and stay (DeletionRule.references), only those with rows. */
  const referencesTo = (kind: DeletableKind, id: string): DeletionCount[] =>
    (DELETION_RULES[kind].references ?? []).flatMap((ref) => {
      const row = statement(`SELECT count(*) AS n FROM ${ref.table} WHERE deleted_at IS NULL AND ${ref.column} = ?`).get(id) as { n: number }
      return row.n > 0 ? [{ label: ref.label, count: row.n }] : []
    })
  const countsOf = (collected: Collected): DeletionCount[] => [...collected.counts].map(([label, count]) => ({ label, count }))

  const shown = (entry: StoredEntry): TrashEntry => ({
    id: entry.id,
    kind: entry.kind,
    rowId: entry.rowId,
    title: entry.title,
    deletedAt: entry.deletedAt,
    children: entry.children,
    restorableUntil: toIsoDate(new Date(Date.parse(entry.deletedAt) + TOMBSTONE_HORIZON_DAYS * DAY)),
  })

  /** Still deleted on this replica (not restored here, by a sync, or collected), and within the horizon. */
  const restorable = (entry: StoredEntry, at: string): boolean => {
    if (!withinTombstoneHorizon(entry.deletedAt, at)) return false
    const row = statement(`SELECT deleted_at FROM ${DELETION_RULES[entry.kind].table} WHERE id = ?`).get(entry.rowId) as
      { deleted_at: string | null } | undefined
    return row !== undefined && row.deleted_at !== null
  }

  return {
    preview(kind, id) {
      return { kind, id, title: titleOf(kind, id, false), children: countsOf(childrenOf(kind, id)), references: referencesTo(kind, id) }
    },

    remove(kind, id) {
      return writer.transaction(() => {
        const title = titleOf(kind, id, false)
        const collected = childrenOf(kind, id)
        // Deepest children first, so a failure part-way leaves the parent (and the way back to its children) in place.
        for (const row of [...collected.rows].reverse()) writer.remove(row.table, row.id)
        writer.remove(DELETION_RULES[kind].table, id)
        const entry: StoredEntry = {
          id: uuidv7(),
          kind,
          rowId: id,
          title,
          deletedAt: now(),
          children: countsOf(collected),
          rows: [{ table: DELETION_RULES[kind].table, id }, ...collected.rows],
        }
        write([entry, ...read()])
        return shown(entry)
      })
    },

    list() {
      const at = now()
      const entries = read()
      const kept = entries.filter((entry) => restorable(entry, at))
      return kept.map(shown)
    },

    restore(entryId) {
      return writer.transaction(() => {
        const entries = read()
        const entry = entries.find((e) => e.id === entryId)
        if (!entry || !restorable(entry, now())) throw new RecordNotFoundError(`No restorable trash entry ${entryId}`)
        // Parents first: the record, then its children in the order they were collected.
        let restored = 0
        // The log is JSON on disk: its table names are checked before they reach the writer.
        for (const row of entry.rows) if (writer.restore(requireSyncedTable(row.table), row.id)) restored++
        write(entries.filter((e) => e.id !== entryId))
        return { restored }
      })
    },
  }
}
