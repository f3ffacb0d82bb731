/**
 * checkPullResponse must accept and refuse exactly what pullResponseSchema (zod) does: it replaced the schema on the
 * device's hot path (a first sync validates 109k changes), and a server that drifted from the protocol must still be
 * refused. fast-check builds responses field by field from valid values and near misses of every kind.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPullResponse } from './pull-response'
import { pullResponseSchema } from './protocol'

const MISSING = Symbol('missing')

/** Anything JSON can carry, and a few things it cannot (a transport might hand over any value). */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(new Date(0)),
  fc.array(fc.integer(), { maxLength: 2 }),
)

/** A record whose fields are each valid, missing or junk. */
function shaped(fields: Record<string, fc.Arbitrary<unknown>>, extraKeys = true): fc.Arbitrary<unknown> {
  const entries = Object.entries(fields).map(([key, valid]) =>
    fc.tuple(fc.constant(key), fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(MISSING) })),
  )
  const record = fc
    .tuple(fc.tuple(...entries), extraKeys ? fc.option(fc.tuple(fc.constantFrom('extra', 'kind'), junk), { nil: null }) : fc.constant(null))
    .map(([pairs, extra]) => {
      const out: Record<string, unknown> = {}
      for (const [key, value] of pairs) if (value !== MISSING) out[key] = value
      if (extra) out[extra[0]] = extra[1]
      return out
    })
  return fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: junk })
}

const row = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
  { weight: 1, arbitrary: junk },
)
const change = shaped({ table: fc.constantFrom('companies', 'contacts', ''), id: fc.uuid(), row })
const removedEntry = shaped({ table: fc.constantFrom('companies', 'x'), id: fc.uuid() })
const response = shaped({
  changes: fc.array(change, { maxLength: 4 }),
  removed: fc.array(removedEntry, { maxLength: 3 }),
  cursor: fc.string({ maxLength: 8 }),
  hasMore: fc.boolean(),
  watermark: fc.oneof(fc.constant(null), fc.bigInt({ min: 0n, max: 10n ** 21n }).map(String), fc.constantFrom('', '1a', ' 1', '-1', '0'.repeat(21), '12\n')),
  serverTime: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  behind: fc.boolean(),
  lastAppliedSeq: fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, 2 ** 53, -0, Number.NaN)),
})

describe('checkPullResponse', () => {
  it('accepts and refuses exactly what pullResponseSchema does, and returns the same fields', () => {
    fc.assert(
      fc.property(response, (value) => {
        const zod = pullResponseSchema.safeParse(value)
        const own = checkPullResponse(value)
        expect(own.success, JSON.stringify(value)).toBe(zod.success)
        if (zod.success && own.success) {
          const known = (r: typeof zod.data) => ({
            ...r,
            changes: r.changes.map((c) => ({ table: c.table, id: c.id, row: c.row })),
            removed: r.removed.map((e) => ({ table: e.table, id: e.id })),
          })
          const { extra: _extra, kind: _kind, ...ownKnown } = known(own.data) as ReturnType<typeof known> & { extra?: unknown; kind?: unknown }
          expect(ownKnown).toEqual(known(zod.data))
        }
      }),
      { numRuns: 5_000 },
    )
  })

  it('accepts a real page and refuses a change without its row', () => {
    const page = {
      changes: [{ table: 'companies', id: '0190a000-0000-7000-8000-000000000001', row: { name: '오거스' } }],
      removed: [],
      cursor: 'c',
      hasMore: true,
      watermark: null,
      serverTime: '2026-12-07T00:00:00.000Z',
    }
    expect(checkPullResponse(page)).toEqual({ success: true, data: page })
    const broken = { ...page, changes: [{ table: 'companies', id: 'x' }] }
    expect(checkPullResponse(broken)).toEqual({ success: false, error: { message: 'changes[0].row: expected a row object' } })
    expect(pullResponseSchema.safeParse(broken).success).toBe(false)
  })
})
