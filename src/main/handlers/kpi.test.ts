import { describe, expect, it } from 'vitest'
import { kpiContract } from '../../shared/ipc/kpi-contract'
import { NotSignedInError } from '../core/outbox/writer'
import { KPI_RULES, KpiRuleError } from '../core/kpi/rules'
import { kpiCall } from './kpi'
import { failureCodeOf as codeOf } from './refusals'

describe('kpiCall', () => {
  it('turns every KPI refusal into a translated error code, and leaves bugs as bugs', () => {
    for (const rule of KPI_RULES) {
      const code = codeOf(() =>
        kpiCall(() => {
          throw new KpiRuleError(rule)
        }),
      )
      expect(code).toBe(rule === 'notFound' ? 'record.notFound' : `kpi.${rule}`)
    }
    expect(
      codeOf(() =>
        kpiCall(() => {
          throw new NotSignedInError()
        }),
      ),
    ).toBe('record.signInRequired')
    expect(
      codeOf(() =>
        kpiCall(() => {
          throw new TypeError('boom')
        }),
      ),
    ).toBe('not-an-ipc-failure')
  })
})

describe('KPI contract inputs', () => {
  const id = '0190a000-0000-7000-8000-000000000001'
  const target = { definitionId: id, ownerType: 'USER', ownerId: id, period: { type: 'HALF', fiscalYear: 2026, index: 2 }, target: 100 }

  it('refuses impossible periods, three decimals, an owner-less team target and an unknown audience', () => {
    expect(kpiContract['kpi.saveTarget'].input.safeParse(target).success).toBe(true)
    expect(kpiContract['kpi.saveTarget'].input.safeParse({ ...target, period: { type: 'HALF', fiscalYear: 2026, index: 3 } }).success).toBe(false)
    expect(kpiContract['kpi.saveTarget'].input.safeParse({ ...target, target: 1.005 }).success).toBe(false)
    expect(kpiContract['kpi.saveTarget'].input.safeParse({ ...target, ownerType: 'TEAM', ownerId: null }).success).toBe(false)
    expect(kpiContract['kpi.saveTarget'].input.safeParse({ ...target, ownerType: 'COMPANY', ownerId: null }).success).toBe(true)
    expect(kpiContract['kpi.saveTarget'].input.safeParse({ ...target, weight: -1 }).success).toBe(false)
    expect(kpiContract['kpi.achievements'].input.safeParse({ on: '2026-11-25', period: 'HALF', audience: 'me' }).success).toBe(true)
    expect(kpiContract['kpi.achievements'].input.safeParse({ on: '2026-11-25', period: 'HALF', audience: 'world' }).success).toBe(false)
    expect(kpiContract['kpi.achievements'].input.safeParse({ on: '2026-02-30', period: 'HALF', audience: 'me' }).success).toBe(false)
    expect(kpiContract['kpi.recordActual'].input.safeParse({ targetId: id, periodDate: '2026-11-25', actual: 4 }).success).toBe(true)
    expect(
      kpiContract['kpi.saveDefinition'].input.parse({
        code: 'kpi-cmpl-team',
        name: ' 고객 불만 건수 ',
        category: 'CUSTOMER',
        level: 'TEAM',
        unit: 'COUNT',
        direction: 'DECREASE',
        frequency: 'QUARTERLY',
      }),
    ).toMatchObject({ code: 'KPI-CMPL-TEAM', name: '고객 불만 건수', formula: null, isActive: true })
  })
})
