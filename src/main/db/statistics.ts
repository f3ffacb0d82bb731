/**
 * The query planner's statistics of the device replica (`sqlite_stat1`), kept up to date the way SQLite recommends for
 * a long-lived connection (https://sqlite.org/lang_analyze.html#autoanalyze): `PRAGMA optimize` right after opening,
 * after large changes (a first sync, the demo data) and before closing. Without statistics SQLite guesses the selectivity
 * of every index, and on a 100k-row replica a wrong guess walks a whole table (docs/benchmarks.md, issue 20).
 *
 * Every run is bounded by `analysis_limit`: ANALYZE then reads about that many rows of each index instead of all of
 * them, so the first open of a 100k-row replica without statistics costs ~0.1 s once and later opens under 2 ms
 * (docs/architecture.md § Opening has the figures). Electron-free: openReplica, the device core and the tests use it.
 */
import type Database from 'better-sqlite3'

/** Rows ANALYZE reads per index at most: SQLite's own suggestion for PRAGMA optimize (it "keeps it fast"). */
export const ANALYSIS_LIMIT = 400

/**
 * Analyse every table whose statistics are missing or stale. 0x10000 checks all tables, not only those this connection
 * has queried so far: right after opening it has queried none, and the tables a sync filled were only written. When
 * nothing is stale it costs about a millisecond. Statistics are a planning aid, never data: a failure here (another
 * connection's write lock, a full disk) is left for the next run instead of failing the open, the sync or the close.
 */
export function refreshStatistics(sqlite: Database.Database): void {
  if (!sqlite.open || sqlite.readonly) return
  try {
    sqlite.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`)
    sqlite.pragma('optimize = 0x10002')
  } catch {
    // See above: nothing is lost, the next open or sync runs it again.
  }
}

/** Closes the replica connection, first bringing the statistics up to date for the next start. */
export function closeReplica(sqlite: Database.Database): void {
  refreshStatistics(sqlite)
  sqlite.close()
}

/**
 * When the device core refreshes statistics after a sync: once `ROWS_BEFORE_REFRESH` rows arrived since the last
 * refresh (a first sync fills tables that were empty at open), or an hour after it when anything arrived at all.
 */
export const ROWS_BEFORE_REFRESH = 1_000
export const REFRESH_INTERVAL_MS = 60 * 60 * 1000

export interface StatisticsUpkeep {
  /** A pulled page applied `rows` rows (upserted + removed). */
  rowsApplied(rows: number): void
  /** A sync ended: refresh when enough arrived since the last refresh (see above). */
  synced(): void
}

export function createStatisticsUpkeep(sqlite: Database.Database, now: () => number): StatisticsUpkeep {
  let rowsSince = 0
  let lastRefresh = now()
  return {
    rowsApplied(rows) {
      rowsSince += rows
    },
    synced() {
      if (rowsSince === 0) return
      if (rowsSince < ROWS_BEFORE_REFRESH && now() - lastRefresh < REFRESH_INTERVAL_MS) return
      refreshStatistics(sqlite)
      rowsSince = 0
      lastRefresh = now()
    },
  }
}
