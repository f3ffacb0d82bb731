/**
 * The device's offline search (drizzle/sqlite/0001_search.sql): FTS5 trigram index kept by triggers. These tests pin
 * down what a user notices: a row is findable as soon as it is saved, by any 3+ character piece of its name, number,
 * e-mail or phone, stops being found when deleted, and 1–2 character queries need the instr() fallback.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openReplica, type Replica } from './open'
import { isSearchIndexPaused, pauseSearchIndex, rebuildSearchIndex, resumeSearchIndex } from './search-index'
import { branches, companies, contacts, leads } from './schema'

let dir: string
let replica: Replica

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-search-'))
  replica = openReplica(join(dir, 'replica.db'))
})

afterEach(() => {
  replica.sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

/** FTS5 query for a literal substring (double quotes make it a phrase; embedded quotes are doubled). */
function search(query: string): string[] {
  return replica.sqlite
    .prepare<[string], { entity_id: string }>('select entity_id from search_index where search_index match ? order by entity_id')
    .all(`"${query.replace(/"/g, '""')}"`)
    .map((r) => r.entity_id)
}

function addCompany(id: string, name: string, extra: Partial<typeof companies.$inferInsert> = {}): void {
  replica.db
    .insert(companies)
    .values({ id, code: `C-${id}`, name, ...extra })
    .run()
}

describe('device search index', () => {
  it('finds a company by any three characters of its name, and by its registration number digits', () => {
    addCompany('c1', '삼성전자서비스', { businessNumber: '1248100998' })
    addCompany('c2', 'LG전자')
    expect(search('전자서')).toEqual(['c1'])
    expect(search('LG전')).toEqual(['c2'])
    expect(search('lg전')).toEqual(['c2']) // case-insensitive
    expect(search('8100998')).toEqual(['c1'])
  })

  it('finds a contact by the Korean full name written without a space, e-mail and phone digits', () => {
    replica.db.insert(branches).values({ id: 'b1', companyId: 'c1', code: 'B-1', name: '본사' }).run()
    replica.db
      .insert(contacts)
      .values({ id: 'p1', branchId: 'b1', lastName: '홍', firstName: '길동', email: 'gildong@example.com', mobile: '010-1234-5678' })
      .run()
    expect(search('홍길동')).toEqual(['p1'])
    expect(search('gildong@')).toEqual(['p1'])
    expect(search('12345678')).toEqual(['p1'])
  })

  it('follows edits, soft deletes, undeletes and physical deletes', () => {
    addCompany('c1', '한빛교육컨설팅')
    replica.db.update(companies).set({ name: '새빛교육컨설팅' }).where(eq(companies.id, 'c1')).run()
    expect(search('한빛교')).toEqual([])
    expect(search('새빛교')).toEqual(['c1'])

    replica.db.update(companies).set({ deletedAt: '2026-11-25T07:39:39.123Z' }).where(eq(companies.id, 'c1')).run()
    expect(search('새빛교')).toEqual([])
    replica.db.update(companies).set({ deletedAt: null }).where(eq(companies.id, 'c1')).run()
    expect(search('새빛교')).toEqual(['c1'])

    replica.db.delete(companies).where(eq(companies.id, 'c1')).run()
    expect(search('새빛교')).toEqual([])
    expect(replica.sqlite.prepare('select count(*) as n from search_docs').get()).toEqual({ n: 0 })
  })

  it('keeps one entry per row through INSERT OR REPLACE and upserts (how pulled pages may be applied)', () => {
    addCompany('c1', '대한항공서비스')
    replica.sqlite.prepare("insert or replace into companies (id, code, name) values ('c1', 'C-c1', '대한항공서비스')").run()
    replica.sqlite.prepare("insert into companies (id, code, name) values ('c1', 'C-c1', '대한항공') on conflict(id) do update set name = excluded.name").run()
    expect(search('대한항')).toEqual(['c1'])
    expect(replica.sqlite.prepare('select count(*) as n from search_index').get()).toEqual({ n: 1 })
  })

  it('indexes leads, with the contact name also without spaces', () => {
    replica.db.insert(leads).values({ id: 'l1', code: 'L-1', companyName: '카카오엔터', contactName: '김 민준' }).run()
    expect(search('카카오')).toEqual(['l1'])
    expect(search('김민준')).toEqual(['l1'])
  })

  it('finds nothing for 1–2 character queries: those go to the instr() fallback on the base tables', () => {
    addCompany('c1', '삼성전자')
    expect(search('삼성')).toEqual([])
    const fallback = replica.sqlite.prepare<[string], { id: string }>('select id from companies where deleted_at is null and instr(name, ?) > 0').all('삼성')
    expect(fallback.map((r) => r.id)).toEqual(['c1'])
  })

  it('can be paused for a bulk load and catches up, edits made meanwhile included, when resumed', () => {
    addCompany('c1', '현대자동차')
    pauseSearchIndex(replica.sqlite)
    addCompany('c2', '기아자동차')
    replica.db.update(companies).set({ name: '현대모비스' }).where(eq(companies.id, 'c1')).run()
    expect(search('기아자')).toEqual([]) // not indexed while paused
    resumeSearchIndex(replica.sqlite)
    expect(isSearchIndexPaused(replica.sqlite)).toBe(false)
    expect(search('자동차')).toEqual(['c2'])
    expect(search('현대모')).toEqual(['c1'])
    // Triggers are live again.
    addCompany('c3', '기아오토랜드')
    expect(search('오토랜')).toEqual(['c3'])
  })

  it('resumes on open a pause that a crash left behind', () => {
    addCompany('c1', '포스코인터내셔널')
    pauseSearchIndex(replica.sqlite)
    addCompany('c2', '포스코케미칼')
    replica.sqlite.close()
    replica = openReplica(join(dir, 'replica.db'))
    expect(isSearchIndexPaused(replica.sqlite)).toBe(false)
    expect(search('포스코')).toEqual(['c1', 'c2'])
  })

  it('rebuilds to exactly what the triggers maintain', () => {
    addCompany('c1', '네이버클라우드', { representative: '최 수연' })
    addCompany('c2', '카카오뱅크', { deletedAt: '2026-11-25T07:39:39.123Z' })
    const snapshot = () => replica.sqlite.prepare('select entity_type, entity_id, text from search_index order by entity_id').all()
    const maintained = snapshot()
    rebuildSearchIndex(replica.sqlite)
    expect(snapshot()).toEqual(maintained)
    expect(maintained).toHaveLength(1)
  })
})
