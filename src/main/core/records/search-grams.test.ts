/**
 * The short and 초성 routes answered from `search_grams` (drizzle/sqlite/0004_search_grams.sql) must give exactly what
 * the scans of the base tables gave (prepareScanRoutes): the same hits in the same order, for any names and queries,
 * after inserts, edits, soft deletes and deletes (triggers), and after a paused bulk load (rebuild).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openReplica, type Replica } from '../../db/open'
import { buildPendingSearchGrams, isSearchGramsPending, pauseSearchIndex, resumeSearchIndex } from '../../db/search-index'
import { searchKey } from '../../../shared/domain/korean-text'
import { SEARCH_TYPES } from '../../../shared/model/customer-views'
import { choseongGram, createSearchRepo, isGramQuery, prepareScanRoutes } from './search'

let dir: string
let replica: Replica
let repo: ReturnType<typeof createSearchRepo>
let scan: ReturnType<typeof prepareScanRoutes>

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-search-grams-'))
  replica = openReplica(join(dir, 'replica.db'))
  repo = createSearchRepo(replica.sqlite)
  scan = prepareScanRoutes(replica.sqlite)
})

afterEach(() => {
  replica.sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

// Few distinct characters, so random names share pieces and queries hit: syllables with shared initials (김 강 → ㄱ,
// 사 서 → ㅅ), a literal jamo, ASCII, an accented letter, spaces and a no-break space, and a decomposed syllable (NFD 한).
const ALPHABET = ['김', '강', '민', '준', '사', '서', 'ㄱ', 'a', 'B', '1', 'é', ' ', '\u00a0', '한'.normalize('NFD')]
const text = (min: number, max: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((chars) => chars.join(''))
const QUERY_CHARS = ['김', '민', '준', '사', '서', '한', 'ㄱ', 'ㅁ', 'ㅈ', 'ㅅ', 'ㅎ', 'a', 'é', ' ']
const query = fc.array(fc.constantFrom(...QUERY_CHARS), { minLength: 1, maxLength: 3 }).map((chars) => chars.join(''))

interface Row {
  readonly table: (typeof SEARCH_TYPES)[number]
  readonly name: string
  readonly extra: string | null
  readonly deleted: boolean
}
const row: fc.Arbitrary<Row> = fc.record({
  table: fc.constantFrom(...SEARCH_TYPES),
  name: text(1, 5),
  extra: fc.option(text(1, 6), { nil: null }),
  deleted: fc.boolean(),
})

let seq = 0
function insert(r: Row): string {
  const id = `e${String(seq++).padStart(6, '0')}`
  const deletedAt = r.deleted ? '2026-12-01T00:00:00.000Z' : null
  const run = (sql: string, ...params: unknown[]) => replica.sqlite.prepare(sql).run(...params)
  if (r.table === 'companies')
    run('INSERT INTO companies (id, code, name, representative, deleted_at) VALUES (?, ?, ?, ?, ?)', id, `C-${id}`, r.name, r.extra, deletedAt)
  // A contact's name is family + given: split the generated name so both parts matter.
  if (r.table === 'contacts')
    run(
      'INSERT INTO contacts (id, branch_id, last_name, first_name, email, deleted_at) VALUES (?, ?, ?, ?, ?, ?)',
      id,
      'b1',
      [...r.name][0],
      [...r.name].slice(1).join(''),
      r.extra,
      deletedAt,
    )
  if (r.table === 'leads')
    run('INSERT INTO leads (id, code, company_name, contact_name, deleted_at) VALUES (?, ?, ?, ?, ?)', id, `L-${id}`, r.name, r.extra, deletedAt)
  if (r.table === 'opportunities')
    run(
      'INSERT INTO opportunities (id, code, title, company_id, account_manager_id, deleted_at) VALUES (?, ?, ?, ?, ?, ?)',
      id,
      r.extra ?? `O-${id}`,
      r.name,
      'c0',
      'u0',
      deletedAt,
    )
  if (r.table === 'projects')
    run('INSERT INTO projects (id, code, name, company_id, deleted_at) VALUES (?, ?, ?, ?, ?)', id, r.extra ?? `P-${id}`, r.name, 'c0', deletedAt)
  return id
}

/** Per type, the hit ids the repository gives and the ids the scans give. */
function compare(q: string, limit: number): { got: Record<string, string[]>; want: Record<string, string[]> } {
  const result = repo.search(q, limit)
  const got = Object.fromEntries(result.groups.map((g) => [g.type, g.hits.map((h) => h.id)]))
  const text = q.normalize('NFC').trim()
  const want: Record<string, string[]> = {}
  if (result.mode === 'index' || (result.mode === 'substring' && !isGramQuery(searchKey(text)))) return { got, want: got }
  for (const type of SEARCH_TYPES) {
    const rows = result.mode === 'choseong' ? scan.choseong(type, text, limit) : scan.substring(type, searchKey(text), limit)
    if (rows.length > 0) want[type] = rows.map((r) => r.entity_id)
  }
  return { got, want }
}

/** The queries fast-check runs, with `rows` already in place. */
function checkAll(queries: readonly string[], limit: number): void {
  for (const q of queries) {
    const { got, want } = compare(q, limit)
    expect(got, `query ${JSON.stringify(q)}`).toEqual(want)
  }
}

describe('search_grams routes', () => {
  it('give the same hits in the same order as the scans, for any rows and queries (kept by the triggers)', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 8, maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (rows, queries, limit) => {
          replica.sqlite.exec('DELETE FROM companies; DELETE FROM contacts; DELETE FROM leads; DELETE FROM opportunities; DELETE FROM projects')
          const ids = rows.map(insert)
          checkAll(queries, limit)
          // Edits through the triggers: rename half, soft-delete or undelete some, delete one.
          ids.forEach((id, i) => {
            const r = rows[i]!
            const renamed = [...rows[(i + 1) % rows.length]!.name].reverse().join('')
            if (i % 2 === 0 && r.table === 'companies') replica.sqlite.prepare('UPDATE companies SET name = ? WHERE id = ?').run(renamed, id)
            if (i % 2 === 0 && r.table === 'contacts') replica.sqlite.prepare('UPDATE contacts SET first_name = ? WHERE id = ?').run(renamed, id)
            if (i % 3 === 0) replica.sqlite.prepare(`UPDATE ${r.table} SET deleted_at = ? WHERE id = ?`).run(r.deleted ? null : '2026-12-02T00:00:00.000Z', id)
          })
          replica.sqlite.prepare(`DELETE FROM ${rows[0]!.table} WHERE id = ?`).run(ids[0])
          checkAll(queries, limit)
        },
      ),
      { numRuns: 50 },
    )
  }, 60_000)

  it('give the same hits after a paused bulk load is resumed (the set-based rebuild)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 8, maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 8 }), (rows, queries) => {
        replica.sqlite.exec('DELETE FROM companies; DELETE FROM contacts; DELETE FROM leads; DELETE FROM opportunities; DELETE FROM projects')
        pauseSearchIndex(replica.sqlite)
        rows.forEach(insert)
        resumeSearchIndex(replica.sqlite)
        checkAll(queries, 3)
      }),
      { numRuns: 30 },
    )
  }, 60_000)

  it('finds a 2-character word anywhere in a name and keeps 초성 matches inside words', () => {
    insert({ table: 'companies', name: '한빛테크', extra: null, deleted: false })
    insert({ table: 'companies', name: '주식회사 서해랩스', extra: null, deleted: false })
    insert({ table: 'companies', name: '삼성 전자', extra: null, deleted: false })
    const titles = (q: string) => repo.search(q, 10).groups.flatMap((g) => g.hits.map((h) => h.title))
    expect(titles('테크')).toEqual(['한빛테크'])
    // ㅅㅅ would meet only across the gap of 주식회사 | 서해랩스; a whole name typed without its space still matches.
    expect(titles('ㅅㅅ')).toEqual(['삼성 전자'])
    expect(titles('ㅅㅅㅈㅈ')).toEqual(['삼성 전자'])
  })

  it('reads one 초성 piece per query: the first two adjacent initials, or the first one', () => {
    expect(choseongGram('ㄱㅁㅈ')).toBe('^ㄱㅁ')
    expect(choseongGram('홍ㄱ동')).toBe('^ㅎㄱ')
    expect(choseongGram('ㅁ ㅈ')).toBe('^ㅁㅈ')
    expect(choseongGram('aㅋ')).toBe('^ㅋ')
    expect(isGramQuery('김')).toBe(true)
    expect(isGramQuery('민준')).toBe(true)
    expect(isGramQuery('a김')).toBe(false)
    expect(isGramQuery('김민준')).toBe(false)
  })

  it('give the same hits while search_grams waits after a deferred resume (scans answer), edits meanwhile included, and once it is filled', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 8, maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 8 }), (rows, queries) => {
        replica.sqlite.exec('DELETE FROM companies; DELETE FROM contacts; DELETE FROM leads; DELETE FROM opportunities; DELETE FROM projects')
        pauseSearchIndex(replica.sqlite)
        const ids = rows.map(insert)
        resumeSearchIndex(replica.sqlite, { deferGrams: true })
        expect(isSearchGramsPending(replica.sqlite)).toBe(true)
        checkAll(queries, 3)
        // Edits between the first sync and the fill go through the triggers; the fill must still end up complete.
        replica.sqlite.prepare(`UPDATE ${rows[1]!.table} SET deleted_at = NULL WHERE id = ?`).run(ids[1])
        replica.sqlite.prepare(`DELETE FROM ${rows[0]!.table} WHERE id = ?`).run(ids[0])
        insert(rows[2]!)
        const before = queries.map((q) => repo.search(q, 3))
        expect(buildPendingSearchGrams(replica.sqlite)).toBe(true)
        expect(isSearchGramsPending(replica.sqlite)).toBe(false)
        expect(queries.map((q) => repo.search(q, 3))).toEqual(before)
        checkAll(queries, 3)
      }),
      { numRuns: 30 },
    )
  }, 60_000)

  it('answers short and 초성 queries from the index (no scan of the base tables)', () => {
    const plans = (sql: string) =>
      (replica.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ gram: '김', type: 'contacts', q: 'ㄱ', limit: 20 }) as { detail: string }[]).map(
        (p) => p.detail,
      )
    const short = plans(
      'SELECT entity_id FROM search_grams WHERE gram = @gram AND entity_type = @type ORDER BY later, name_length, name, entity_id LIMIT @limit',
    )
    expect(short.join('\n')).toMatch(/SEARCH search_grams USING PRIMARY KEY/)
    expect(short.join('\n')).not.toMatch(/TEMP B-TREE|contacts/)
  })
})
