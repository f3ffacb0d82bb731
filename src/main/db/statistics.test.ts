import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedDevice } from '../demo/seed-device'
import { openReplica } from './open'
import { ANALYSIS_LIMIT, closeReplica, createStatisticsUpkeep, REFRESH_INTERVAL_MS, ROWS_BEFORE_REFRESH } from './statistics'

let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-statistics-'))
  file = join(dir, 'replica.sqlite')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** The tables sqlite_stat1 has statistics for, read by a bare connection (no optimize of its own). */
function analysedTables(): Set<string> {
  const bare = new Database(file, { readonly: true })
  try {
    const exists = bare.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()
    if (!exists) return new Set()
    return new Set(
      bare
        .prepare<[], { tbl: string }>('SELECT DISTINCT tbl FROM sqlite_stat1')
        .all()
        .map((row) => row.tbl),
    )
  } finally {
    bare.close()
  }
}

/** A replica holding the demo data, written by a bare connection: the statistics none of the app's paths made. */
function replicaWithDataButNoStatistics(): void {
  closeReplica(openReplica(file).sqlite)
  const bare = new Database(file)
  try {
    bare.pragma('foreign_keys = OFF') // as the replica runs (open.ts)
    seedDevice(bare, { seed: 7, scale: 2000 })
    bare.exec('DROP TABLE IF EXISTS sqlite_stat1')
    bare.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    bare.close()
  }
  expect(analysedTables().size).toBe(0)
}

describe('planner statistics of the replica', () => {
  it('are made when a replica with data but none is opened', () => {
    replicaWithDataButNoStatistics()
    const { sqlite } = openReplica(file)
    try {
      expect(sqlite.pragma('analysis_limit', { simple: true })).toBe(ANALYSIS_LIMIT)
      expect([...analysedTables()]).toEqual(expect.arrayContaining(['companies', 'contacts', 'activities']))
    } finally {
      sqlite.close()
    }
  })

  it('are brought up to date when the replica is closed after large changes', () => {
    const { sqlite } = openReplica(file)
    // Empty at open: nothing to analyse yet. Then the rows arrive (as a first sync or the demo brings them).
    expect(analysedTables().has('companies')).toBe(false)
    seedDevice(sqlite, { seed: 7, scale: 2000 })
    closeReplica(sqlite)
    expect([...analysedTables()]).toEqual(expect.arrayContaining(['companies', 'contacts', 'activities']))
  })

  it('are refreshed after a sync that brought many rows', () => {
    const { sqlite } = openReplica(file)
    try {
      const upkeep = createStatisticsUpkeep(sqlite, () => 0)
      seedDevice(sqlite, { seed: 7, scale: 2000 })
      upkeep.synced()
      expect(analysedTables().has('companies')).toBe(false) // no pulled rows counted yet: nothing to do
      upkeep.rowsApplied(ROWS_BEFORE_REFRESH)
      upkeep.synced()
      expect([...analysedTables()]).toEqual(expect.arrayContaining(['companies', 'contacts', 'activities']))
    } finally {
      sqlite.close()
    }
  })

  it('are refreshed an hour after the last refresh when a few rows arrived', () => {
    const { sqlite } = openReplica(file)
    try {
      let now = 0
      const upkeep = createStatisticsUpkeep(sqlite, () => now)
      seedDevice(sqlite, { seed: 7, scale: 2000 })
      upkeep.rowsApplied(ROWS_BEFORE_REFRESH - 1)
      upkeep.synced()
      expect(analysedTables().has('companies')).toBe(false) // a few rows soon after the last refresh: left for later
      now += REFRESH_INTERVAL_MS
      upkeep.synced()
      expect(analysedTables().has('companies')).toBe(true)
    } finally {
      sqlite.close()
    }
  })
})
