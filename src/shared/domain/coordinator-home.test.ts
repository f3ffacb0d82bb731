import { describe, expect, it } from 'vitest'
import { homeKind, weekAround } from './coordinator-home'

describe('homeKind', () => {
  const operator = { tier: 'OPERATOR', roleName: null, projectsRun: 2, openSales: 0 } as const
  it('gives an operator who runs training and sells nothing the coordinator home', () => {
    expect(homeKind(operator)).toBe('coordinator')
  })
  it('keeps the sales tiles for managers and executives, for people with open sales and for people who run no project', () => {
    expect(homeKind({ ...operator, tier: 'MANAGER' })).toBe('sales')
    expect(homeKind({ ...operator, tier: 'EXECUTIVE', roleName: 'COORDINATOR' })).toBe('sales')
    expect(homeKind({ ...operator, openSales: 1 })).toBe('sales')
    expect(homeKind({ ...operator, projectsRun: 0 })).toBe('sales')
  })
  it('follows a coordinator role whatever else the person has on the device', () => {
    expect(homeKind({ ...operator, roleName: 'coordinator', projectsRun: 0, openSales: 3 })).toBe('coordinator')
    expect(homeKind({ ...operator, roleName: 'SALES_REP', openSales: 1 })).toBe('sales')
  })
})

describe('weekAround', () => {
  it('is Monday to Sunday around the day', () => {
    expect(weekAround('2026-12-07')).toEqual({ start: '2026-12-07', end: '2026-12-13' })
    expect(weekAround('2026-12-13')).toEqual({ start: '2026-12-07', end: '2026-12-13' })
    expect(weekAround('2026-12-10')).toEqual({ start: '2026-12-07', end: '2026-12-13' })
    expect(weekAround('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' })
  })
})
