/**
 * Scenario 5: the device's own queries (src/main/core/<domain>/) over a replica holding ≥ 50,000 contacts: the demo data
 * from seedDevice, topped up with generated Korean contacts spread over the demo branches (the demo generator gives
 * ~2,600 contacts per 100k rows, so reaching 50k contacts by scale alone would take a 2M-row seed).
 */
import { randomBytes } from 'node:crypto'
import { createCustomers } from '../../src/main/core/customers'
import { createRecords } from '../../src/main/core/records'
import { domainContextOf } from '../../src/main/core/common/context'
import { type Sqlite } from '../../src/main/core/sqlite'
import { createTestDevice } from '../../test/support/device/test-device'
import { pauseSearchIndex, resumeSearchIndex } from '../../src/main/db/search-index'
import { seedDevice } from '../../src/main/demo/seed-device'
import { uuidv7 } from '../../src/shared/ids/uuidv7'
import { figure, log, percentile, round, timed, type Figure } from './common'
import { type BenchEnv } from './env'

export interface QueryBenchOptions {
  readonly scale: number
  readonly contacts: number
  readonly repeats: number
}

const FAMILY = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍', '남궁', '제갈']
const GIVEN = [
  '민준',
  '서연',
  '도윤',
  '하은',
  '시우',
  '지우',
  '주원',
  '서준',
  '예준',
  '수아',
  '지호',
  '지민',
  '현우',
  '은서',
  '건우',
  '채원',
  '우진',
  '다은',
  '길동',
  '재원',
]

/** The repositories this scenario measures (customers, and global search from records), wired as device-port.ts does. */
function queryRepos(device: Parameters<typeof domainContextOf>[0]): QueryRepos {
  const ctx = domainContextOf(device)
  return { ...createCustomers(ctx), ...createRecords(ctx) }
}
type QueryRepos = ReturnType<typeof createCustomers> & ReturnType<typeof createRecords>

/** Adds generated contacts until the replica holds `target` of them (one transaction, search index rebuilt once). */
function topUpContacts(sqlite: Sqlite, target: number): number {
  const existing = (sqlite.prepare('SELECT count(*) FROM contacts').pluck().get() as number) ?? 0
  const missing = target - existing
  if (missing <= 0) return existing
  const template = sqlite.prepare('SELECT * FROM contacts LIMIT 1').get() as Record<string, unknown>
  const branches = sqlite.prepare('SELECT id FROM branches WHERE deleted_at IS NULL').pluck().all() as string[]
  const columns = Object.keys(template)
  const insert = sqlite.prepare(`INSERT INTO contacts (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
  sqlite.transaction(() => {
    pauseSearchIndex(sqlite)
    for (let i = 0; i < missing; i++) {
      const row = { ...template }
      row.id = uuidv7()
      row.branch_id = branches[i % branches.length]
      row.last_name = FAMILY[(i * 7) % FAMILY.length]
      row.first_name = GIVEN[(i * 13 + Math.floor(i / 97)) % GIVEN.length]
      if ('email' in row) row.email = `c${i}@bench.example`
      if ('mobile' in row) row.mobile = `010${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`
      if ('is_primary' in row) row.is_primary = 0
      if ('deleted_at' in row) row.deleted_at = null
      insert.run(columns.map((c) => row[c] ?? null))
    }
    resumeSearchIndex(sqlite)
  })()
  return target
}

function p95Of(repeats: number, fn: (i: number) => unknown): { p95: number; p50: number; size: number } {
  const samples: number[] = []
  let size = 0
  for (let i = 0; i < repeats + 3; i++) {
    const started = performance.now()
    const result = fn(i)
    const ms = performance.now() - started
    if (i >= 3) samples.push(ms) // 3 warm-up runs: first use prepares statements
    size = Array.isArray(result) ? result.length : size
  }
  return { p95: percentile(samples, 95), p50: percentile(samples, 50), size }
}

export async function runQueryBench(env: BenchEnv, options: QueryBenchOptions, out: Figure[] = []): Promise<Figure[]> {
  const device = createTestDevice({ dir: env.dir, name: 'queries' })
  try {
    log(`5. seeding a device replica (scale ${options.scale}) and topping contacts up to ${options.contacts}`)
    const seeded = await timed(() => seedDevice(device.sqlite, { seed: 'bench', scale: options.scale }))
    const contacts = topUpContacts(device.sqlite, options.contacts)
    device.sqlite.pragma('optimize')
    log(`5. replica: ${seeded.value.total} demo rows + contacts → ${contacts}; measuring`)
    const repos = queryRepos(device)
    const { sqlite } = device
    const companyCount = sqlite.prepare('SELECT count(*) FROM companies WHERE deleted_at IS NULL').pluck().get() as number
    const contactIds = sqlite.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as string[]
    const perCompany = sqlite
      .prepare(`SELECT b.company_id AS id, count(*) AS n FROM contacts p JOIN branches b ON b.id = p.branch_id GROUP BY b.company_id ORDER BY n`)
      .all() as { id: string; n: number }[]
    const typical = perCompany[Math.floor(perCompany.length / 2)]!
    const biggest = perCompany[perCompany.length - 1]!

    const byId = sqlite.prepare('SELECT * FROM contacts WHERE id = ?')
    const page = sqlite.prepare('SELECT * FROM contacts WHERE id >= ? ORDER BY id LIMIT 50')
    const floorById = p95Of(options.repeats, (i) => byId.get(contactIds[(i * 7919) % contactIds.length]))
    const floorPage = p95Of(options.repeats, (i) => page.all(contactIds[(i * 7919) % contactIds.length]))
    const floor = Math.max(floorById.p95, floorPage.p95)
    // On a loaded machine a p95 mostly measures the neighbours (the floor's own p95 swings 0.3–25 ms): p50s too.
    const floorP50 = Math.max(floorById.p50, floorPage.p50)
    const floorLabel = `raw SELECT * by id / LIMIT 50 on the pk index, p95 (${round(floorById.p95, 3)} / ${round(floorPage.p95, 3)} ms)`

    const cases: { metric: string; run: (i: number, r?: QueryRepos) => unknown }[] = [
      {
        metric: 'company list page (가나다 sort, 50 rows, varying offsets)',
        run: (i, r = repos) => r.companies.list({ filters: {}, sort: 'name', offset: (i * 50) % Math.max(50, companyCount - 50), limit: 50 }).items,
      },
      {
        metric: 'company list, filtered (tier+status) and sorted by updated',
        run: (_i, r = repos) =>
          r.companies.list({ filters: { tiers: ['VIP', 'GOLD'], statuses: ['ACTIVE', 'PROSPECT'] }, sort: 'updated', offset: 0, limit: 50 }).items,
      },
      { metric: "global search, 1 character '김'", run: (_i, r = repos) => r.search.search('김', 20) },
      { metric: "global search, 2 characters '민준'", run: (_i, r = repos) => r.search.search('민준', 20) },
      { metric: "global search, 3 characters '김민준'", run: (_i, r = repos) => r.search.search('김민준', 20) },
      { metric: "initial-consonant search 'ㄱㅁㅈ'", run: (_i, r = repos) => r.search.search('ㄱㅁㅈ', 20) },
      { metric: `company page with children (median company: ${typical.n} contacts)`, run: (_i, r = repos) => r.companyPage.get(typical.id) },
      { metric: `company page with children (largest company: ${biggest.n} contacts)`, run: (_i, r = repos) => r.companyPage.get(biggest.id) },
    ]
    const figures = out
    const plainP95: number[] = []
    const plainP50: number[] = []
    for (const { metric, run } of cases) {
      const { p95, p50 } = p95Of(options.repeats, run)
      plainP95.push(p95)
      plainP50.push(p50)
      figures.push(
        figure({
          scenario: `5. device queries (${contacts.toLocaleString('en-US')} contacts)`,
          metric: `p95 ${metric}`,
          value: round(p95, 2),
          unit: 'ms',
          floor: round(floor, 3),
          floorLabel,
          target: '≤ 30 ms',
          met: p95 <= 30,
          direction: 'lower-is-better',
          notes: `p50 ${round(p50, 2)} ms (${round(p50 / floorP50, 1)}× the floor's p50 ${round(floorP50, 3)} ms)`,
        }),
      )
    }
    await encryptedVersusPlain(
      env,
      device,
      cases,
      { p95: plainP95, p50: plainP50 },
      options.repeats,
      figures,
      `5. device queries (${contacts.toLocaleString('en-US')} contacts)`,
    )
    return figures
  } finally {
    await device.close()
  }
}

/**
 * The same queries on an encrypted copy of the same replica (the app's encryption: SQLCipher v4 pages, raw 256-bit
 * key): the sum of the p95s against the plain replica's, per query in the notes.
 */
async function encryptedVersusPlain(
  env: BenchEnv,
  plain: ReturnType<typeof createTestDevice>,
  cases: readonly { metric: string; run: (i: number, repos?: QueryRepos) => unknown }[],
  plain95and50: { readonly p95: readonly number[]; readonly p50: readonly number[] },
  repeats: number,
  figures: Figure[],
  scenario: string,
): Promise<void> {
  log('5. the same queries on an encrypted copy of the replica')
  plain.sqlite.prepare('VACUUM INTO ?').run(`${env.dir}/queries-encrypted.sqlite`)
  // Opening the plain copy with a key converts it in place (src/main/db/encryption.ts), as the app's first start does.
  const encrypted = createTestDevice({ dir: env.dir, name: 'queries-encrypted', key: randomBytes(32) })
  try {
    encrypted.sqlite.pragma('optimize')
    const repos = queryRepos(encrypted)
    const measured = cases.map(({ run }) => p95Of(repeats, (i) => run(i, repos)))
    const encryptedP95 = measured.map((m) => m.p95)
    const plainP95 = plain95and50.p95
    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)
    // p50 too: on a shared, loaded machine the p95s mostly measure the neighbours.
    const p50Ratio = round(sum(measured.map((m) => m.p50)) / sum(plain95and50.p50), 2)
    const perQuery = `sum of p50s ${p50Ratio}×; per query p95: ${cases.map((c, i) => `${c.metric.split(' (')[0]}: ${round(encryptedP95[i]! / plainP95[i]!, 2)}×`).join('; ')}`
    const result = figure({
      scenario,
      metric: `sum of the ${cases.length} queries' p95 on an encrypted replica`,
      value: round(sum(encryptedP95), 2),
      unit: 'ms',
      floor: round(sum(plainP95), 2),
      floorLabel: 'the same queries on the plain replica, just before',
      target: '≤ 1.3× plain',
      met: null,
      direction: 'lower-is-better',
      notes: perQuery,
    })
    figures.push({ ...result, met: (result.ratio ?? Infinity) <= 1.3 })
  } finally {
    await encrypted.close()
  }
}
