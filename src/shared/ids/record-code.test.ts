import { describe, expect, it } from 'vitest'
import { demoRecordCode } from '../../demo/ids'
import { RECORD_CODE_PREFIX, RECORD_CODE_RANDOM_BITS, isGeneratedRecordCode, newRecordCode, type RecordCodeKind } from './record-code'

describe('record codes', () => {
  it('one format per kind: prefix, then three groups of four Crockford base32 characters', () => {
    for (const kind of Object.keys(RECORD_CODE_PREFIX) as RecordCodeKind[]) {
      const code = newRecordCode(kind)
      expect(code).toMatch(new RegExp(`^${RECORD_CODE_PREFIX[kind]}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`))
      expect(isGeneratedRecordCode(kind, code)).toBe(true)
      expect(code.length).toBeLessThanOrEqual(50) // the code columns are varchar(50)
    }
    expect(isGeneratedRecordCode('leads', newRecordCode('companies'))).toBe(false)
    expect(isGeneratedRecordCode('companies', 'C-000072')).toBe(false)
    expect(RECORD_CODE_RANDOM_BITS).toBe(60)
  })

  it('20,000 codes made in one burst (10,000 per device, same second) are all distinct', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 20_000; i++) seen.add(newRecordCode('companies'))
    expect(seen.size).toBe(20_000)
  })

  it('uses every symbol (the random bits are spread over the whole alphabet)', () => {
    const symbols = new Set<string>()
    for (let i = 0; i < 200; i++) for (const ch of newRecordCode('companies').slice(2).replace(/-/g, '')) symbols.add(ch)
    expect(symbols.size).toBe(32)
  })

  it('demo codes have the same format, are reproducible from the row id and distinct', () => {
    const a = demoRecordCode('leads', '0190c3a0-0000-7000-8000-000000000001')
    expect(a).toBe(demoRecordCode('leads', '0190c3a0-0000-7000-8000-000000000001'))
    expect(isGeneratedRecordCode('leads', a)).toBe(true)
    const seen = new Set<string>()
    for (let i = 0; i < 20_000; i++) seen.add(demoRecordCode('companies', `0190c3a0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`))
    expect(seen.size).toBe(20_000)
  })
})
