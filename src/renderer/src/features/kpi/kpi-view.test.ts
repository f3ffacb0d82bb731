import { describe, expect, it } from 'vitest'
import { achievementAxis, bandTone, checkActualDate, defaultActualDate, formatKpiValue, parseKpiNumber, validateTargetForm } from './kpi-view'

describe('KPI values on screen', () => {
  it('reads each unit', () => {
    expect(formatKpiValue(50_000_000, 'CURRENCY')).toBe('5,000만원')
    expect(formatKpiValue(50_000_000, 'CURRENCY', 'en')).toBe('₩50M')
    expect(formatKpiValue(92.5, 'PERCENT')).toBe('92.5%')
    expect(formatKpiValue(1234, 'COUNT')).toBe('1,234')
    expect(formatKpiValue(null, 'DAYS')).toBe('—')
  })

  it('draws the % axis in round steps, always past 100 %', () => {
    expect(achievementAxis([50, 80])).toEqual({ max: 120, ticks: [0, 20, 40, 60, 80, 100, 120] })
    expect(achievementAxis([125])).toEqual({ max: 140, ticks: [0, 20, 40, 60, 80, 100, 120, 140] })
    expect(achievementAxis([250]).ticks).toEqual([0, 50, 100, 150, 200, 250])
    expect(achievementAxis([999.99]).max).toBe(1000)
  })

  it('colours bands', () => {
    expect(bandTone('STRETCH')).toBe('stretch')
    expect(bandTone('BELOW_MINIMUM')).toBe('minimum')
    expect(bandTone(null)).toBe('none')
  })
})

describe('KPI dialogs', () => {
  it('parses numbers as people type them', () => {
    expect(parseKpiNumber('50,000,000')).toEqual({ value: 50_000_000, error: null })
    expect(parseKpiNumber('92.5%')).toEqual({ value: 92.5, error: null })
    expect(parseKpiNumber('')).toEqual({ value: null, error: null })
    expect(parseKpiNumber('', { required: true }).error).toBe('kpi.validation.required')
    expect(parseKpiNumber('12.345').error).toBe('kpi.validation.decimals')
    expect(parseKpiNumber('열둘').error).toBe('kpi.validation.number')
    expect(parseKpiNumber('-3').error).toBe('kpi.validation.negative')
  })

  it('wants minimum ≤ target ≤ stretch when higher is better, the reverse when lower is', () => {
    expect(validateTargetForm({ target: '100', stretch: '120', minimum: '80', weight: '100' }, 'INCREASE')).toEqual({
      ok: true,
      values: { target: 100, stretch: 120, minimum: 80, weight: 100 },
    })
    expect(validateTargetForm({ target: '100', stretch: '90', minimum: '', weight: '100' }, 'INCREASE')).toEqual({
      ok: false,
      errors: { stretch: 'kpi.validation.bandsOrder' },
    })
    expect(validateTargetForm({ target: '5', stretch: '3', minimum: '8', weight: '50' }, 'DECREASE').ok).toBe(true)
    expect(validateTargetForm({ target: '5', stretch: '7', minimum: '4', weight: '50' }, 'DECREASE')).toEqual({
      ok: false,
      errors: { stretch: 'kpi.validation.bandsOrderDecrease', minimum: 'kpi.validation.bandsOrderDecrease' },
    })
    expect(validateTargetForm({ target: '', stretch: '', minimum: '', weight: '1001' }, 'INCREASE')).toEqual({
      ok: false,
      errors: { target: 'kpi.validation.required', weight: 'kpi.validation.weight' },
    })
  })

  it('keeps an actual’s date inside the target’s period', () => {
    const q4 = { start: '2026-10-01', end: '2026-12-31' }
    expect(defaultActualDate(q4, '2026-11-25')).toBe('2026-11-25')
    expect(defaultActualDate(q4, '2027-02-01')).toBe('2026-12-31')
    expect(defaultActualDate(q4, '2026-09-01')).toBe('2026-10-01')
    expect(checkActualDate('2026-09-30', q4)).toBe('kpi.validation.dateOutside')
    expect(checkActualDate('2026-12-31', q4)).toBeNull()
    expect(checkActualDate('2026/12/31', q4)).toBe('kpi.validation.date')
  })
})
