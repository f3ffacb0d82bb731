/**
 * Grows a seeded server database with rows nobody given keeps in scope, for benchmarks and plan tests that need a big
 * database around a small scope (bench scenario 11, sync-server/src/sync/pull-plan.test.ts).
 *
 * `inflate` clones the customer, sales, project, training, meeting and activity rows `copies` times inside PostgreSQL
 * (INSERT … SELECT … CROSS JOIN generate_series): every uuid that points at a cloned table is remapped with
 * md5(id || clone number), every other uuid equal to the protected user is replaced by a new user (a copy of theirs,
 * so no unique (project, user) pair collides), unique text columns get a suffix (nullable ones become NULL). The clones
 * keep the demo's shape (companies → branches → contacts, meetings with participants, polymorphic activities …) but
 * lie outside that user's scope, and their ids are spread over the whole uuid range (md5), between the user's rows.
 * FK triggers are off while cloning (session_replication_role = replica, superuser): the mapping keeps every
 * reference valid. No change_log entries are written for the clones.
 */
import type pg from 'pg'
import { SYNCED_TABLES, type SyncedTable } from '../../src/shared/model/tables'

/** Tables cloned to grow the database: everything scoped by ownership (reference, KPI, files and conflicts are not). */
export const CLONED: readonly SyncedTable[] = SYNCED_TABLES.filter(
  (t) => SYNCED_TABLES.indexOf(t) >= SYNCED_TABLES.indexOf('companies') && !['kpi_targets', 'kpi_actuals', 'attachments', 'sync_conflicts'].includes(t),
)
/** Polymorphic references (no FK): every entity type an activity may hang on is a cloned table. */
const POLYMORPHIC: Readonly<Record<string, string>> = { activities: 'entity_id' }

interface ColumnInfo {
  name: string
  type: string
  maxLength: number | null
  fkTable: string | null
  unique: boolean
  notNull: boolean
}

async function columnsOf(client: pg.PoolClient, table: string): Promise<ColumnInfo[]> {
  const { rows } = await client.query<{ name: string; type: string; typmod: number; fk_table: string | null; is_unique: boolean; not_null: boolean }>(
    `SELECT a.attname AS name, a.attnotnull AS not_null, format_type(a.atttypid, NULL) AS type, a.atttypmod AS typmod,
            (SELECT c.confrelid::regclass::text FROM pg_constraint c
              WHERE c.conrelid = a.attrelid AND c.contype = 'f' AND c.conkey = ARRAY[a.attnum] LIMIT 1) AS fk_table,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisunique AND NOT i.indisprimary
                       AND a.attnum = ANY(i.indkey::int2[])) AS is_unique
       FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [table],
  )
  return rows.map((r) => ({
    name: r.name,
    type: r.type,
    maxLength: r.type === 'character varying' && r.typmod > 4 ? r.typmod - 4 : null,
    fkTable: r.fk_table?.replace(/^"|"$/g, '') ?? null,
    unique: r.is_unique,
    notNull: r.not_null,
  }))
}

/** The select expression that turns an original row's column into clone number `g.k`'s. */
function cloneExpression(table: string, column: ColumnInfo, cloned: ReadonlySet<string>): string {
  const c = `t.${JSON.stringify(column.name)}`
  if (column.type === 'uuid') {
    const mapped = column.name === 'id' || (column.fkTable !== null && cloned.has(column.fkTable)) || POLYMORPHIC[table] === column.name
    // $1: the operator, $2: who owns the clones instead.
    return mapped ? `md5(${c}::text || '/' || g.k)::uuid` : `CASE WHEN ${c} = $1::uuid THEN $2::uuid ELSE ${c} END`
  }
  if (column.unique && (column.type === 'text' || column.type === 'character varying')) {
    // A nullable unique value (a business number, with a format check) is left out; a required one (a code) suffixed.
    if (!column.notNull) return 'NULL'
    const suffix = `'~' || g.k`
    return column.maxLength ? `left(${c}, ${column.maxLength - 8}) || ${suffix}` : `${c} || ${suffix}`
  }
  return c
}

/**
 * Clones the CLONED tables' rows `copies` times (see the module comment). Returns the rows inserted.
 */
export async function inflate(
  pool: pg.Pool,
  options: { readonly copies: number; /** Whose scope stays as it is. */ readonly operatorId: string },
): Promise<number> {
  if (options.copies <= 0) return 0
  const client = await pool.connect()
  const cloned = new Set<string>(CLONED)
  let inserted = 0
  try {
    await client.query(`SET session_replication_role = replica`)
    await client.query(`SET synchronous_commit = off`)
    // The clones' owner: a new user (a copy of the operator's row), so no unique (project, user) pair can collide.
    const userColumns = await columnsOf(client, 'users')
    const owner = '0190dead-beef-7000-8000-00000000c10e'
    await client.query(
      `INSERT INTO users (${userColumns.map((c) => JSON.stringify(c.name)).join(', ')})
       SELECT ${userColumns.map((c) => (c.name === 'id' ? '$2::uuid' : c.name === 'email' ? `'clones.' || t.email` : c.unique ? (c.notNull ? `t.${JSON.stringify(c.name)} || '~clones'` : 'NULL') : `t.${JSON.stringify(c.name)}`)).join(', ')}
         FROM users t WHERE t.id = $1`,
      [options.operatorId, owner],
    )
    for (const table of CLONED) {
      const columns = await columnsOf(client, table)
      const list = columns.map((c) => JSON.stringify(c.name)).join(', ')
      const select = columns.map((c) => cloneExpression(table, c, cloned)).join(', ')
      const result = await client.query(
        `INSERT INTO ${JSON.stringify(table)} (${list}) SELECT ${select} FROM ${JSON.stringify(table)} t CROSS JOIN generate_series(1, ${options.copies}) AS g(k)`,
        [options.operatorId, owner],
      )
      inserted += result.rowCount ?? 0
    }
  } finally {
    await client.query(`RESET session_replication_role`).catch(() => undefined)
    client.release()
  }
  return inserted
}
