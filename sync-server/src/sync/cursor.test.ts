import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cursorSchema, decodeCursor, encodeCeilingCursor, encodeCursor, InvalidCursorError, logCursorAt } from './cursor'

const tables = new Set(['companies'])

describe('pull cursor', () => {
  it('round-trips both phases as opaque base64url', () => {
    const snapshot = { v: 1, phase: 'snapshot', horizon: '812', table: 'companies', after: '01a211e6-0096-7467-b898-01feced56336' } as const
    expect(decodeCursor(encodeCursor(snapshot), tables)).toEqual(snapshot)
    expect(decodeCursor(encodeCursor(logCursorAt('900', '17')), tables)).toEqual(logCursorAt('900', '17'))
    expect(encodeCursor(snapshot)).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('refuses garbage, wrong shapes and unknown tables', () => {
    const bad = [
      '',
      '!!!',
      Buffer.from('not json').toString('base64url'),
      Buffer.from('{"v":2,"phase":"log","txid":"1","id":"0"}').toString('base64url'),
      Buffer.from('{"v":1,"phase":"log","txid":"-1","id":"0"}').toString('base64url'),
      Buffer.from('{"v":1,"phase":"log","txid":"1","id":"0","extra":1}').toString('base64url'),
      // Not digits: the range check must not throw its own error (BigInt('1.5') is a SyntaxError, a 500).
      Buffer.from('{"v":1,"phase":"log","txid":"1.5","id":"0"}').toString('base64url'),
      Buffer.from('{"v":1,"phase":"log","txid":"1","id":"１"}').toString('base64url'),
      encodeCursor({ v: 1, phase: 'snapshot', horizon: '1e3', table: 'companies', after: null }),
      encodeCursor({ v: 1, phase: 'snapshot', horizon: '1', table: 'user_credentials', after: null }),
    ]
    for (const token of bad) expect(() => decodeCursor(token, tables)).toThrow(InvalidCursorError)
  })
})

/** What decodeCursor answered before its hand-checked path: the schema alone. */
function schemaOnly(token: string, known: ReadonlySet<string>): { cursor: unknown } | { error: string } {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InvalidCursorError('not base64url')
    let json: unknown
    try {
      json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    } catch {
      throw new InvalidCursorError('not JSON')
    }
    const parsed = cursorSchema.safeParse(json)
    if (!parsed.success) throw new InvalidCursorError('unexpected shape')
    if (parsed.data.phase === 'snapshot' && !known.has(parsed.data.table)) throw new InvalidCursorError(`unknown table ${parsed.data.table}`)
    return { cursor: parsed.data }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

function decoded(token: string, known: ReadonlySet<string>): { cursor: unknown } | { error: string } {
  try {
    return { cursor: decodeCursor(token, known) }
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCursorError)
    return { error: (error as Error).message }
  }
}

describe('pull cursor, hand-checked log cursors', () => {
  it('decodes and refuses exactly as the schema does', () => {
    const digits = fc.oneof(
      fc.stringMatching(/^\d{1,21}$/),
      fc.bigInt({ min: 0n, max: 2n ** 65n }).map(String),
      fc.constantFrom('18446744073709551615', '18446744073709551616', '9223372036854775807', '9223372036854775808', '0', '00', '-1', '1.5', '', ' 1', '１'),
    )
    const value = fc.oneof(digits, fc.integer(), fc.constant(null), fc.constant(1), fc.constantFrom('log', 'snapshot', 'Log'), fc.constant([]), fc.constant({}))
    const cursor = fc
      .record(
        {
          v: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: value }),
          phase: fc.oneof({ weight: 5, arbitrary: fc.constant('log') }, { weight: 1, arbitrary: value }),
          txid: digits,
          id: digits,
          extra: value,
          __proto__: value,
        },
        { requiredKeys: [] },
      )
      .map((fields) => JSON.stringify(fields))
    const json = fc.oneof(
      { weight: 8, arbitrary: cursor },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: fc.constantFrom('[]', 'null', '"log"', '{"v":1,"phase":"log","txid":"1","id":"0","id":"2"}') },
    )
    fc.assert(
      fc.property(json, (text) => {
        const token = Buffer.from(text, 'utf8').toString('base64url')
        expect(decoded(token, tables)).toEqual(schemaOnly(token, tables))
      }),
      { numRuns: 5_000 },
    )
  })
})

describe('pull cursor at a ceiling (the empty pull’s memo)', () => {
  it('encodes as encodeCursor does and decodes back, whatever was encoded last', () => {
    const xid = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }).map(String), fc.constantFrom('1', '812', '18446744073709551615'))
    fc.assert(
      fc.property(fc.array(xid, { minLength: 1, maxLength: 4 }), fc.nat(3), (xids, pick) => {
        const tokens = xids.map((x) => encodeCeilingCursor(x))
        xids.forEach((x, i) => expect(tokens[i]).toBe(encodeCursor(logCursorAt(x, '0'))))
        const i = pick % xids.length
        expect(decodeCursor(tokens[i]!, tables)).toEqual(logCursorAt(xids[i]!, '0'))
        expect(decodeCursor(encodeCursor(logCursorAt(xids[i]!, '7')), tables)).toEqual(logCursorAt(xids[i]!, '7'))
      }),
      { numRuns: 1_000 },
    )
  })
})
