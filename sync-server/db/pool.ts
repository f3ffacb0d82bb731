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

export function createPool(databaseUrl: string, options: PoolOptions = {}): pg.Pool {
  return new Pool({ max: 10, idleTimeoutMillis: 30_000, ...options, connectionString: databaseUrl, types: wireTypes })
}
