/**
 * Maintenance of the device's search indexes: the FTS5 trigram index (drizzle/sqlite/0001_search.sql) and the short
 * and 초성 pieces in search_grams (0004_search_grams.sql). Triggers keep them current row by row;
 * these functions exist for bulk work, where one set-based rebuild is ~8× cheaper than per-row upkeep: a first sync
 * pauses the triggers, applies its pages, then resumes (which rebuilds).
 */
import type Database from 'better-sqlite3'

/** Refills search_index and search_grams from their source views (everything searchable, soft-deleted rows excluded). */
export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`
      DELETE FROM search_index;
      DELETE FROM search_docs;
      INSERT INTO search_docs (entity_type, entity_id) SELECT entity_type, entity_id FROM search_source;
      INSERT INTO search_index (rowid, entity_type, entity_id, text)
        SELECT d.doc_id, s.entity_type, s.entity_id, s.text FROM search_source s JOIN search_docs d ON d.entity_id = s.entity_id;
      DELETE FROM search_grams;
      -- OR IGNORE drops the repeated pieces (cheaper than DISTINCT's sort; triggers cannot use it: 0001_search.sql).
      INSERT OR IGNORE INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
        SELECT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source;`)
  })()
}

/** Stops the triggers from indexing. Survives restarts; openReplica resumes a pause left behind by a crash. */
export function pauseSearchIndex(sqlite: Database.Database, now = new Date()): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM search_paused').run()
    sqlite.prepare('INSERT INTO search_paused (since) VALUES (?)').run(now.toISOString())
  })()
}

/** Rebuilds the index and turns the triggers back on, atomically. A no-op when not paused. */
export function resumeSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    if (!isSearchIndexPaused(sqlite)) return
    rebuildSearchIndex(sqlite)
    sqlite.prepare('DELETE FROM search_paused').run()
  })()
}

export function isSearchIndexPaused(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM search_paused LIMIT 1').get() !== undefined
}
