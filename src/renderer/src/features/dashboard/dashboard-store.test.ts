import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type IpcChannel } from '../../../../shared/ipc/channels'
import { type DashboardHome } from '../../../../shared/ipc/dashboard-types'
import { ipcError, type IpcResult } from '../../../../shared/ipc/errors'
import { useDashboardStore } from './dashboard-store'

type Answer = (input: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>
let answers: Partial<Record<IpcChannel, Answer>>
let calls: [IpcChannel, unknown][]

/** Only what the store looks at; the figures themselves are the repository's (tested there). */
const homeOf = (label: string): DashboardHome => ({ audience: 'team', period: { label } }) as unknown as DashboardHome
const initial = useDashboardStore.getState()

beforeEach(() => {
  calls = []
  answers = {
    'dashboard.home': (input) => ({ ok: true, value: homeOf((input as { period: string }).period) }),
    'kpi.achievements': () => ({ ok: true, value: { rows: [], overall: null } }),
  }
  const crm = createCrmApi(async (channel, input) => {
    calls.push([channel, input])
    return (await answers[channel]?.(input)) ?? { ok: false, error: ipcError('ipc.unavailable') }
  })
  Object.assign(globalThis, { crm })
  useDashboardStore.setState(initial, true)
})

afterEach(() => {
  delete (globalThis as { crm?: unknown }).crm
})

describe('dashboard store', () => {
  it("asks for the tier's audience and the chosen period, both calls at once", async () => {
    await useDashboardStore.getState().screenOpened('MANAGER')
    expect(calls.map(([c]) => c).sort()).toEqual(['dashboard.home', 'kpi.achievements'])
    const kpiInput = calls.find(([c]) => c === 'kpi.achievements')![1]
    expect(kpiInput).toMatchObject({ audience: 'team', period: 'QUARTER', fiscalStartMonth: 1 })
    expect(calls.find(([c]) => c === 'dashboard.home')![1]).toMatchObject({ period: 'QUARTER', today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })

    calls = []
    await useDashboardStore.getState().periodChosen('YEAR')
    expect(calls.find(([c]) => c === 'kpi.achievements')![1]).toMatchObject({ period: 'YEAR' })
    expect(useDashboardStore.getState().home?.period.label).toBe('YEAR')
  })

  it('keeps the figures when KPI achievement cannot be read', async () => {
    answers['kpi.achievements'] = () => ({ ok: false, error: ipcError('kpi.audienceNotAllowed') })
    await useDashboardStore.getState().screenOpened('OPERATOR')
    const state = useDashboardStore.getState()
    expect(state.home).not.toBeNull()
    expect(state.error).toBeNull()
    expect(state.kpi).toBeNull()
    expect(state.kpiError?.code).toBe('kpi.audienceNotAllowed')
  })

  it('shows the answer of the latest request when an older one arrives last', async () => {
    await useDashboardStore.getState().screenOpened('EXECUTIVE')
    let releaseSlow: () => void = () => undefined
    answers['dashboard.home'] = (input) => {
      const period = (input as { period: string }).period
      if (period !== 'MONTH') return { ok: true, value: homeOf(period) }
      return new Promise((resolve) => {
        releaseSlow = () => resolve({ ok: true, value: homeOf(period) })
      })
    }
    const slow = useDashboardStore.getState().periodChosen('MONTH')
    await useDashboardStore.getState().periodChosen('HALF')
    releaseSlow()
    await slow
    expect(useDashboardStore.getState().home?.period.label).toBe('HALF')
  })

  it("clears another user's figures while the new ones load", async () => {
    await useDashboardStore.getState().screenOpened('EXECUTIVE')
    answers['dashboard.home'] = () => ({ ok: false, error: ipcError('record.signInRequired') })
    await useDashboardStore.getState().screenOpened('OPERATOR')
    expect(useDashboardStore.getState().home).toBeNull()
    expect(useDashboardStore.getState().error?.code).toBe('record.signInRequired')
  })
})
