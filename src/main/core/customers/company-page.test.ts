/**
 * The company page's cost must not grow with the replica nor with the company: every statement it runs reaches its
 * rows through an index lookup (no table scan, no open-ended range standing in for one), and the number of statements
 * is the same for a company with a handful of contacts and for the largest one. Issue 20: the computed last contact
 * day walked every past meeting once per contact (no index on meeting_participants.contact_id), and the timeline
 * looked up its authors' names once per entry; the page went from 2.6 ms to 174 ms on the bench's replica.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDevice } from '../../demo/seed-device'
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { type Sqlite, type Statement } from '../sqlite'
import { createCustomers } from '.'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createTempDir, type TempDir } from '../../../../test/support/device/fixtures'

interface Run {
  readonly sql: string
  readonly params: unknown[]
}

/** The replica handle with every statement execution recorded (SQL and bound parameters), as the page runs them. */
function recording(sqlite: Sqlite): { sqlite: Sqlite; runs: Run[] } {
  const runs: Run[] = []
  const prepare = (sql: string): Statement => {
    const statement = sqlite.prepare(sql)
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const real = statement[method].bind(statement) as (...params: unknown[]) => unknown
      Object.defineProperty(statement, method, {
        value: (...params: unknown[]) => {
          runs.push({ sql, params })
          return real(...params)
        },
      })
    }
    return statement
  }
  return { sqlite: new Proxy(sqlite, { get: (target, key) => (key === 'prepare' ? prepare : Reflect.get(target, key, target)) }), runs }
}

/** Plan rows that read a table without an equality lookup: a SCAN, or a SEARCH on a range only (`date<?`). */
function unindexedAccesses(sqlite: Sqlite, run: Run): string[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${run.sql}`).all(...run.params) as { detail: string }[]
  return plan
    .map((row) => row.detail)
    .filter((detail) => /^(SCAN|SEARCH) /.test(detail))
    .filter((detail) => !/VIRTUAL TABLE|^SEARCH \(subquery-\d+\)|^SCAN \(subquery-\d+\)/.test(detail))
    .filter((detail) => detail.startsWith('SCAN') || !/[=]/.test(detail))
}

/** `n` more contacts on the company's branches, made and edited by the seed's users in turn (the timeline's authors). */
function addContacts(sqlite: Sqlite, companyId: string, n: number): void {
  const template = sqlite.prepare('SELECT * FROM contacts LIMIT 1').get() as Record<string, unknown>
  const branches = sqlite.prepare('SELECT id FROM branches WHERE company_id = ?').pluck().all(companyId) as string[]
  const users = sqlite.prepare('SELECT id FROM users ORDER BY id').pluck().all() as string[]
  const columns = Object.keys(template)
  const insert = sqlite.prepare(`INSERT INTO contacts (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {
      ...template,
      id: uuidv7(),
      branch_id: branches[i % branches.length],
      last_name: '김',
      first_name: `연락${i}`,
      is_primary: 0,
      deleted_at: null,
      created_at: '2026-01-01T00:00:00.000Z',
      created_by: users[i % users.length],
      updated_at: '2026-06-01T00:00:00.000Z',
      updated_by: users[(i + 1) % users.length],
    }
    insert.run(columns.map((c) => row[c] ?? null))
  }
}

let dir: TempDir
let device: RepoTestDevice
let page: ReturnType<typeof createCustomers>['companyPage']
let companies: ReturnType<typeof createCustomers>['companies']
let runs: Run[]
let small: string
let largest: string

beforeAll(() => {
  dir = createTempDir('crm-company-page-')
  device = openRepoTestDevice(dir.file('replica.sqlite'), new Date().toISOString())
  seedDevice(device.sqlite, { seed: 'company-page', scale: 8_000 })
  const byContacts = device.sqlite
    .prepare(
      `SELECT b.company_id AS id, count(*) AS n FROM contacts p JOIN branches b ON b.id = p.branch_id
       WHERE p.deleted_at IS NULL AND b.deleted_at IS NULL GROUP BY b.company_id ORDER BY n, b.company_id`,
    )
    .all() as { id: string; n: number }[]
  small = byContacts[0]!.id
  largest = byContacts[byContacts.length - 1]!.id
  addContacts(device.sqlite, largest, 150)
  const recorder = recording(device.sqlite)
  runs = recorder.runs
  ;({ companyPage: page, companies } = createCustomers({ ...device, sqlite: recorder.sqlite }))
}, 120_000)

afterAll(() => {
  device.close()
  dir.remove()
})

const statementsOf = (id: string): Run[] => {
  runs.length = 0
  const detail = page.get(id)
  expect(detail.company.id).toBe(id)
  return [...runs]
}

const unindexedOfPage = (id: string): string[] => {
  const executed = statementsOf(id)
  expect(executed.length).toBeGreaterThan(5)
  return executed.flatMap((run) => unindexedAccesses(device.sqlite, run).map((detail) => `${detail}  ←  ${run.sql.replace(/\s+/g, ' ')}`))
}

describe('company page with children', () => {
  it('reaches every row through an index (no scan of contacts, meetings, activities…), as the app opens the replica (no statistics)', () => {
    expect(unindexedOfPage(largest)).toEqual([])
  })

  it('reaches every row through an index after ANALYZE too (the bench runs PRAGMA optimize)', () => {
    device.sqlite.exec('ANALYZE')
    try {
      expect(unindexedOfPage(largest)).toEqual([])
    } finally {
      device.sqlite.exec('DELETE FROM sqlite_stat1; ANALYZE sqlite_schema')
    }
  })

  it('runs as many statements for the largest company as for the smallest', () => {
    const forSmall = statementsOf(small)
    const forLargest = statementsOf(largest)
    const detail = page.get(largest)
    expect(detail.contacts.length).toBeGreaterThan(10)
    expect(detail.timeline.length).toBeGreaterThan(10)
    expect(forLargest.length).toBe(forSmall.length)
  })

  it('still names the people on the timeline and the contacts’ last contact day', () => {
    const detail = page.get(largest)
    expect(detail.timeline.filter((entry) => entry.actorName !== null).length).toBeGreaterThan(0)
    expect(detail.contacts.filter((contact) => contact.lastContactedOn !== null).length).toBeGreaterThan(0)
  })
})

describe('company list page', () => {
  it('runs as many statements for 40 rows as for 4 (the account managers are named in one statement)', () => {
    const statementsFor = (limit: number): number => {
      runs.length = 0
      const items = companies.list({ filters: {}, sort: 'name', offset: 0, limit }).items
      expect(items.length).toBe(limit)
      expect(items.filter((item) => item.accountManagerName !== null).length).toBeGreaterThan(0)
      return runs.length
    }
    expect(statementsFor(40)).toBe(statementsFor(4))
  })
})
