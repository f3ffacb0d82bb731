/**
 * The server's PostgreSQL pool. Its type parsers make raw rows come out in the wire encoding
 * (docs/architecture.md §2), so the sync code can send `pool.query` rows to devices as they are:
 * timestamptz → `2026-11-25T07:39:39.123Z`, date → `YYYY-MM-DD`, time → `HH:MM`, int8 → number, numeric → number.
 * The parsers are per pool (not pg's global registry), so nothing else in the process changes behaviour.
 */
import pg from 'pg'
import { toWireInteger, toWireNumber, toWireTime, toWireTimestamp } from './wire-types'

const { Pool, types } = pg

export type PoolOptions = Omit<pg.PoolConfig, 'connectionString' | 'types'>

const identity = (value: string): string => value

/** Text-format parsers by type OID; everything else falls back to pg's defaults (jsonb → parsed JSON, …). */
const WIRE_PARSERS: ReadonlyMap<number, (value: string) => unknown> = new Map<number, (value: string) => unknown>([
  [types.builtins.TIMESTAMPTZ, toWireTimestamp],
  [types.builtins.TIMESTAMP, toWireTimestamp],
  // pg's default turns a date into a local-midnight Date, which shifts the day in any zone west of UTC.
  [types.builtins.DATE, identity],
  [types.builtins.TIME, toWireTime],
  [types.builtins.INT8, toWireInteger],
  [types.builtins.NUMERIC, toWireNumber],
])

export const wireTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    const parser = format === 'binary' ? undefined : WIRE_PARSERS.get(oid)
    return parser ?? types.getTypeParser(oid, format as 'text')
  }) as pg.CustomTypesConfig['getTypeParser'],
}

export interface PoolErrorLog {
  (error: Error, where: 'idle' | 'client'): void
}

/**
 * A pool whose connections can break without taking the process down. pg's pool listens for 'error' on idle clients
 * only; a checked-out client whose backend is terminated (pg_terminate_backend, a PostgreSQL restart or failover)
 * emits 'error' with no listener, and Node ends the process ("Unhandled 'error' event", issue 12). So every client
 * gets its own listener for its whole life, checked out or not: the query in flight rejects on its own (the request
 * answers 503 with Retry-After, http/errors.ts), pg marks the client unusable and the pool drops it on release, and
 * the next request connects afresh once PostgreSQL is back.
 */
export function createPool(databaseUrl: string, options: PoolOptions = {}, log: PoolErrorLog = () => undefined): pg.Pool {
  const pool = new Pool({ max: 10, idleTimeoutMillis: 30_000, ...options, connectionString: databaseUrl, types: wireTypes })
  pool.on('connect', (client) => {
    client.on('error', (error: Error) => log(error, 'client'))
  })
  pool.on('error', (error: Error) => log(error, 'idle'))
  return pool
}
