/**
 * Maintenance of the device's search indexes: the FTS5 trigram index (drizzle/sqlite/0001_search.sql) and the short
 * and 초성 pieces in search_grams (0004_search_grams.sql). Triggers keep them current row by row;
 * these functions exist for bulk work, where one set-based rebuild is ~8× cheaper than per-row upkeep: a first sync
 * pauses the triggers, applies its pages, then resumes (which rebuilds).
 *
 * A first sync resumes with search_grams left for later (`deferGrams`): filling it is the larger part of the rebuild
 * (1.7 of 3.2 s at 109k rows, docs/benchmarks.md), and the replica is usable without it — while the key
 * `search_grams_pending` is in sync_state, search.ts answers short and 초성 queries with the scans the index replaced
 * (same hits, slower), and buildPendingSearchGrams fills the table in one transaction when the sync is over.
 */
import type Database from 'better-sqlite3'

/** Present in sync_state while search_grams waits to be filled (search.ts reads it per query). */
export const SEARCH_GRAMS_PENDING_KEY = 'search_grams_pending'
const PENDING_KEY = SEARCH_GRAMS_PENDING_KEY

const FILL_GRAMS = `
      DELETE FROM search_grams;
      -- OR IGNORE drops the repeated pieces (cheaper than DISTINCT's sort; triggers cannot use it: 0001_search.sql).
      INSERT OR IGNORE INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
        SELECT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source;`

/** Refills search_index and search_grams from their source views (everything searchable, soft-deleted rows excluded). */
export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    rebuildFtsIndex(sqlite)
    fillGrams(sqlite)
  })()
}

function rebuildFtsIndex(sqlite: Database.Database): void {
  sqlite.exec(`
      DELETE FROM search_index;
      DELETE FROM search_docs;
      INSERT INTO search_docs (entity_type, entity_id) SELECT entity_type, entity_id FROM search_source;
      INSERT INTO search_index (rowid, entity_type, entity_id, text)
        SELECT d.doc_id, s.entity_type, s.entity_id, s.text FROM search_source s JOIN search_docs d ON d.entity_id = s.entity_id;`)
}

function fillGrams(sqlite: Database.Database): void {
  sqlite.exec(FILL_GRAMS)
  sqlite.prepare('DELETE FROM sync_state WHERE key = ?').run(PENDING_KEY)
}

/** True while search_grams waits for buildPendingSearchGrams: search must not read it (it holds only recent edits). */
export function isSearchGramsPending(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM sync_state WHERE key = ?').get(PENDING_KEY) !== undefined
}

/**
 * Fills search_grams left pending by a deferred resume, in one transaction (the triggers keep it from then on; rows
 * edited meanwhile were indexed by them too and are simply refilled). Returns false when nothing was pending.
 */
export function buildPendingSearchGrams(sqlite: Database.Database): boolean {
  return sqlite.transaction(() => {
    if (!isSearchGramsPending(sqlite)) return false
    fillGrams(sqlite)
    return true
  })()
}

/** Stops the triggers from indexing. Survives restarts; openReplica resumes a pause left behind by a crash. */
export function pauseSearchIndex(sqlite: Database.Database, now = new Date()): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM search_paused').run()
    sqlite.prepare('INSERT INTO search_paused (since) VALUES (?)').run(now.toISOString())
  })()
}

/**
 * Rebuilds the index and turns the triggers back on, atomically. A no-op when not paused. With `deferGrams`,
 * search_grams is only marked pending (see the top of this file); the FTS index is rebuilt either way.
 */
export function resumeSearchIndex(sqlite: Database.Database, options: { deferGrams?: boolean } = {}): void {
  sqlite.transaction(() => {
    if (!isSearchIndexPaused(sqlite)) return
    if (options.deferGrams) {
      rebuildFtsIndex(sqlite)
      sqlite.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(PENDING_KEY, '1')
    } else rebuildSearchIndex(sqlite)
    sqlite.prepare('DELETE FROM search_paused').run()
  })()
}

export function isSearchIndexPaused(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM search_paused LIMIT 1').get() !== undefined
}
