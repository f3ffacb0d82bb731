import { describe, expect, it } from 'vitest'
import { wonText } from './WonInput'

describe('wonText', () => {
  it('reads amounts the way people type them and refuses what is not whole won', () => {
    expect(wonText('')).toEqual({ text: '', value: null, valid: true })
    expect(wonText('2400만')).toMatchObject({ value: 24_000_000, valid: true })
    expect(wonText('30,000,000원')).toMatchObject({ value: 30_000_000, valid: true })
    expect(wonText('10.5')).toMatchObject({ value: null, valid: false })
    expect(wonText('-50,000')).toMatchObject({ valid: false })
    expect(wonText('많이')).toMatchObject({ valid: false })
  })
})
