import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, InvalidCursorError, logCursorAt } from './cursor'

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
      encodeCursor({ v: 1, phase: 'snapshot', horizon: '1', table: 'user_credentials', after: null }),
    ]
    for (const token of bad) expect(() => decodeCursor(token, tables)).toThrow(InvalidCursorError)
  })
})
