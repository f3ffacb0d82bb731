import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../test/support'
import { jsonbParameter, jsonParameter } from './json-parameter'

let db: TestDatabase
let client: pg.Client
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false })
  client = new pg.Client({ connectionString: db.url })
  await client.connect()
})
afterAll(async () => {
  await client?.end()
  await db?.drop()
})

/** Values whose JSON text needs care: multi-byte and astral characters, escapes, numbers, nesting. */
const awkward = [
  { name: '삼성전자(주)', note: 'line\nbreak "quoted" \\ back\u2028sep\u2029', emoji: '👩‍💼', tab: '\t' },
  { n: 1.5e-7, big: 9007199254740991, t: true, f: false, z: null, list: [1, '둘', [3]], nested: { a: { b: { c: '깊이' } } } },
  [],
  {},
  '문자열',
  0,
]

describe('JSON parameters passed as bytes', () => {
  it('reach PostgreSQL as the same json as the string parameter', async () => {
    for (const value of awkward) {
      const { rows } = await client.query<{ same: boolean; text: string }>(`SELECT $1::json::text = $2::json::text AS same, $1::json::text AS text`, [
        jsonParameter(value),
        JSON.stringify(value),
      ])
      expect(rows[0]!.same).toBe(true)
      expect(JSON.parse(rows[0]!.text)).toEqual(value)
    }
  })

  it('reach PostgreSQL as the same jsonb as the string parameter', async () => {
    for (const value of awkward) {
      const { rows } = await client.query<{ same: boolean; text: string }>(`SELECT $1::jsonb = $2::jsonb AS same, $1::jsonb::text AS text`, [
        jsonbParameter(value),
        JSON.stringify(value),
      ])
      expect(rows[0]!.same).toBe(true)
      expect(rows[0]!.text).toBe((await client.query<{ t: string }>(`SELECT $1::jsonb::text AS t`, [JSON.stringify(value)])).rows[0]!.t)
    }
  })

  it('are refused as PostgreSQL refuses the text (a NUL, a lone surrogate)', async () => {
    for (const [value, code] of [
      [{ a: '\u0000' }, '22P05'],
      [{ a: '\ud800' }, '22P02'],
    ] as const) {
      await expect(client.query(`SELECT $1::jsonb`, [jsonbParameter(value)])).rejects.toMatchObject({ code })
      await expect(client.query(`SELECT $1::jsonb`, [JSON.stringify(value)])).rejects.toMatchObject({ code })
    }
  })
})
