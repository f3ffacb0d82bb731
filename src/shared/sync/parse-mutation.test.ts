/**
 * parseMutation (the server's per-mutation parse, issue 20) must answer exactly what mutationSchema.safeParse answers:
 * the same data for a well-formed mutation, and the same first issue (which push.ts words into the refusal) for a
 * malformed one. Table-driven against the schema itself, so a change of either shows here.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mutationSchema, parseMutation } from './protocol'

const hlc = '2026-11-25T07:39:39.123Z-0001-9f86d081884c7d65'
const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
const base = { seq: 1, table: 'companies', id, op: 'upsert', fields: { name: '삼성전자' }, hlc }

const good: Record<string, unknown>[] = [
  base,
  { ...base, base: null },
  { ...base, base: '12345678901234567890' },
  { seq: 7, table: 'activities', id, op: 'delete', hlc },
  { ...base, op: 'delete', fields: { deleted_at: '2026-11-25T07:39:39.123Z' } },
  { ...base, fields: {} },
  { ...base, fields: { tags: ['VIP', 1, true, null, { a: [{ b: -0.5 }] }], custom_fields: { 등급: 'A', n: 1e300 }, x_1: null } },
  { ...base, seq: Number.MAX_SAFE_INTEGER },
  JSON.parse(JSON.stringify({ ...base, base: '0' })) as Record<string, unknown>,
]

const bad: unknown[] = [
  null,
  undefined,
  'mutation',
  42,
  [base],
  {},
  { ...base, seq: 0 },
  { ...base, seq: -1 },
  { ...base, seq: 1.5 },
  { ...base, seq: '1' },
  { ...base, seq: Number.MAX_SAFE_INTEGER + 2 },
  { ...base, seq: Infinity },
  { ...base, seq: NaN },
  { ...base, seq: undefined },
  { ...base, table: 'Companies' },
  { ...base, table: 'companies; DROP TABLE users' },
  { ...base, table: `a${'b'.repeat(63)}` },
  { ...base, table: 1 },
  { ...base, id: id.toUpperCase() },
  { ...base, id: 'not-a-uuid' },
  { ...base, id: undefined },
  { ...base, op: 'truncate' },
  { ...base, op: undefined },
  { ...base, fields: null },
  { ...base, fields: [] },
  { ...base, fields: ['name'] },
  { ...base, fields: 'name' },
  { ...base, fields: { 'name"': 'x' } },
  { ...base, fields: { Name: 'x' } },
  { ...base, fields: { name: undefined } },
  { ...base, fields: { name: Infinity } },
  { ...base, fields: { name: NaN } },
  { ...base, fields: { tags: [1, undefined] } },
  { ...base, fields: { tags: { a: { b: -Infinity } } } },
  { ...base, fields: { when: new Date(0) } },
  { ...base, fields: { when: new Map() } },
  { ...base, fields: new Date(0) },
  { ...base, fields: { f: () => 1 } },
  { ...base, fields: { big: 10n } },
  JSON.parse(`{"seq":1,"table":"companies","id":"${id}","op":"upsert","fields":{},"hlc":"${hlc}","__proto__":{"x":1}}`),
  { ...base, hlc: '2026-11-25' },
  { ...base, hlc: '2026-13-45T07:39:39.123Z-0001-9f86d081884c7d65' },
  { ...base, hlc: hlc.toUpperCase() },
  { ...base, hlc: undefined },
  { ...base, base: 12 },
  { ...base, base: '' },
  { ...base, base: '1'.repeat(21) },
  { ...base, base: '-1' },
  { ...base, extra: true },
  { ...base, extra: undefined },
]

/** Odd inputs the schema accepts (JSON.parse's own `__proto__` key, a class instance): the answer must still agree. */
const odd: unknown[] = [
  JSON.parse(`{"seq":1,"table":"companies","id":"${id}","op":"upsert","fields":{"__proto__":{"x":1}},"hlc":"${hlc}"}`),
  new (class Mutation {
    seq = 1
    table = 'companies'
    id = id
    op = 'upsert'
    fields = {}
    hlc = hlc
  })(),
]

afterEach(() => {
  vi.restoreAllMocks()
})

describe('parseMutation', () => {
  it('answers a well-formed mutation like the schema, without running the schema', () => {
    const expected = good.map((m) => mutationSchema.safeParse(m))
    const schema = vi.spyOn(mutationSchema, 'safeParse')
    for (const [i, mutation] of good.entries()) {
      const parsed = parseMutation(mutation)
      expect(parsed, `good[${i}]`).toEqual(expected[i])
    }
    expect(schema).not.toHaveBeenCalled()
  })

  it('answers every malformed mutation like the schema: refused, with its first issue (path and message)', () => {
    for (const [i, mutation] of [...bad, ...odd].entries()) {
      const expected = mutationSchema.safeParse(mutation)
      const parsed = parseMutation(mutation)
      expect(parsed.success, `bad[${i}]`).toBe(expected.success)
      if (expected.success) {
        expect(parsed.data, `bad[${i}]`).toEqual(expected.data)
        continue
      }
      expect(parsed.error?.issues[0]?.path, `bad[${i}]`).toEqual(expected.error.issues[0]?.path)
      expect(parsed.error?.issues[0]?.message, `bad[${i}]`).toEqual(expected.error.issues[0]?.message)
    }
    // The table is about refusals: every entry of it is one.
    expect(bad.filter((m) => mutationSchema.safeParse(m).success)).toEqual([])
  })
})
