import { describe, expect, it } from 'vitest'
import { bandsInOrder, periodColumns, periodOfTarget } from './targets'

describe('KPI target helpers', () => {
  it('keeps minimum, target and stretch in the order the direction wants', () => {
    expect(bandsInOrder('INCREASE', 100, 80, 120)).toBe(true)
    expect(bandsInOrder('INCREASE', 100, 120, null)).toBe(false)
    expect(bandsInOrder('DECREASE', 100, 120, 80)).toBe(true)
    expect(bandsInOrder('DECREASE', 100, null, 120)).toBe(false)
    expect(bandsInOrder('MAINTAIN', 100, 200, 50)).toBe(true)
  })

  it('stores a period in exactly one index column and reads it back', () => {
    const columns = periodColumns({ type: 'QUARTER', fiscalYear: 2026, index: 3 })
    expect(columns).toEqual({ period_type: 'QUARTER', period_year: 2026, period_month: null, period_quarter: 3, period_half: null })
    expect(periodOfTarget(columns as Parameters<typeof periodOfTarget>[0])).toEqual({ type: 'QUARTER', fiscalYear: 2026, index: 3 })
    expect(periodOfTarget({ period_type: 'YEAR', period_year: 2026, period_month: null, period_quarter: null, period_half: null }).index).toBe(1)
  })
})
