import { describe, expect, it } from 'vitest'
import { decideField, decodeFieldVersion, encodeFieldVersion, sameValue } from './merge'
import { formatHlc } from './hlc'

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'
const at = (millis: number, node: string, counter = 0) => formatHlc({ millis, counter, node })

describe('per-field last-writer-wins', () => {
  it('applies a first write without conflict', () => {
    expect(decideField(undefined, { hlc: at(1, A), base: null })).toEqual({ apply: true, concurrent: false })
  })

  it('keeps the later edit regardless of upload order, and flags concurrent writers', () => {
    const earlier = { hlc: at(100, A), txid: '10' }
    // B edited later without having seen A's write (base below A's transaction): B wins, A's value lost → conflict.
    expect(decideField(earlier, { hlc: at(200, B), base: '5' })).toEqual({ apply: true, concurrent: true })
    // The other upload order: B's later write is stored; A's earlier edit arrives and loses → conflict.
    expect(decideField({ hlc: at(200, B), txid: '11' }, { hlc: at(100, A), base: '5' })).toEqual({ apply: false, concurrent: true })
  })

  it('does not call a sequential edit a conflict', () => {
    // B had pulled past A's transaction (base 11 > txid 10) before editing.
    expect(decideField({ hlc: at(100, A), txid: '10' }, { hlc: at(200, B), base: '11' })).toEqual({ apply: true, concurrent: false })
  })

  it('never flags a device against itself', () => {
    expect(decideField({ hlc: at(100, A), txid: '10' }, { hlc: at(200, A), base: null })).toEqual({ apply: true, concurrent: false })
  })

  it('treats the same stamp delivered twice as a no-op, not a conflict', () => {
    const stamp = at(100, A)
    expect(decideField({ hlc: stamp, txid: '10' }, { hlc: stamp, base: null })).toEqual({ apply: false, concurrent: false })
  })

  it('round-trips the stored field version', () => {
    const version = { hlc: at(100, A, 7), txid: '123456789' }
    expect(decodeFieldVersion(encodeFieldVersion(version))).toEqual(version)
  })

  it('compares values as JSON', () => {
    expect(sameValue({ a: 1, b: ['x'] }, { b: ['x'], a: 1 })).toBe(true)
    expect(sameValue(null, undefined)).toBe(true)
    expect(sameValue(1, '1')).toBe(false)
  })
})
