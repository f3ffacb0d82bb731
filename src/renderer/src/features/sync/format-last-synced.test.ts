import { describe, expect, it } from 'vitest'
import { formatLastSynced } from './format-last-synced'

const now = Date.parse('2026-03-01T03:00:00.000Z')

describe('formatLastSynced', () => {
  it('leaves the last minute to the caller ("방금 전")', () => {
    expect(formatLastSynced('2026-03-01T02:59:30.000Z', now, 'ko').relative).toBeNull()
  })

  it('says minutes, hours and days ago in Korean', () => {
    expect(formatLastSynced('2026-03-01T02:55:00.000Z', now, 'ko').relative).toBe('5분 전')
    expect(formatLastSynced('2026-03-01T00:00:00.000Z', now, 'ko').relative).toBe('3시간 전')
    expect(formatLastSynced('2026-02-28T03:00:00.000Z', now, 'ko').relative).toBe('어제')
  })

  it('gives the exact time in Korean form, Korea time', () => {
    expect(formatLastSynced('2026-02-28T03:00:00.000Z', now, 'ko').exact).toBe('2026. 2. 28. 오후 12:00')
  })

  it('speaks English when asked', () => {
    expect(formatLastSynced('2026-03-01T02:55:00.000Z', now, 'en').relative).toBe('5 minutes ago')
  })
})
