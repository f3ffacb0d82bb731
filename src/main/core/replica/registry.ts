/**
 * The registry of the real device schema: every Drizzle table of src/main/db/schema that SYNCED_TABLES names, in
 * SYNCED_TABLES order (parents first). Built once per process: getTableConfig walks every column.
 */
import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { SYNCED_TABLES } from '../../../shared/model/tables'
import * as schema from '../../db/schema'
import { createTableRegistry, type TableRegistry } from './table-meta'

let cached: TableRegistry | null = null

export function replicaRegistry(): TableRegistry {
  if (cached) return cached
  const synced = new Set<string>(SYNCED_TABLES)
  const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable) && synced.has(getTableName(value)))
  const registry = createTableRegistry(tables, SYNCED_TABLES)
  const missing = SYNCED_TABLES.filter((name) => !registry.get(name))
  if (missing.length > 0) throw new Error(`SYNCED_TABLES without a device table: ${missing.join(', ')}`)
  cached = registry
  return registry
}
