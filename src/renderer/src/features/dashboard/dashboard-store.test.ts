import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type IpcChannel } from '../../../../shared/ipc/channels'
import { type DashboardHome } from '../../../../shared/ipc/dashboard-types'
import { ipcError, type IpcResult } from '../../../../shared/ipc/errors'
import { storeFiscalStart } from '../../lib/fiscal-year'
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
    'kpi.achievements': () => ({ ok: true, value: { rows: [], overall: null, composite: { counted: 0, smallSamples: 0, capped: 0 } } }),
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
  delete (globalThis as { localStorage?: unknown }).localStorage
})

/** The browser's storage as far as the fiscal-year setting uses it (Node has none). */
function givenLocalStorage(): void {
  const values = new Map<string, string>()
  const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) }
  Object.assign(globalThis, { localStorage: storage })
}

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

  it('uses the fiscal year start the KPI screen stored, read again at each load', async () => {
    givenLocalStorage()
    storeFiscalStart(4)
    await useDashboardStore.getState().screenOpened('EXECUTIVE')
    expect(calls.find(([c]) => c === 'dashboard.home')![1]).toMatchObject({ fiscalStartMonth: 4 })
    expect(calls.find(([c]) => c === 'kpi.achievements')![1]).toMatchObject({ fiscalStartMonth: 4 })

    calls = []
    storeFiscalStart(7)
    await useDashboardStore.getState().refreshed()
    expect(calls.map(([, input]) => (input as { fiscalStartMonth: number }).fiscalStartMonth)).toEqual([7, 7])
  })

  it('reads again after a sync without showing a load, and keeps what is shown when nothing changed', async () => {
    await useDashboardStore.getState().screenOpened('MANAGER')
    const shown = useDashboardStore.getState().home
    const shownKpi = useDashboardStore.getState().kpi

    calls = []
    await useDashboardStore.getState().synced()
    expect(calls.map(([c]) => c).sort()).toEqual(['dashboard.home', 'kpi.achievements'])
    // Same answer: the very same objects, so the screen does not repaint.
    expect(useDashboardStore.getState().home).toBe(shown)
    expect(useDashboardStore.getState().kpi).toBe(shownKpi)

    let release: () => void = () => undefined
    const answer = new Promise<IpcResult<unknown>>((resolve) => {
      release = () => resolve({ ok: true, value: homeOf('synced') })
    })
    answers['dashboard.home'] = () => answer
    const reading = useDashboardStore.getState().synced()
    // While it reads, the figures stay and nothing is busy.
    expect(useDashboardStore.getState()).toMatchObject({ loading: false, home: shown })
    release()
    await reading
    expect(useDashboardStore.getState().home?.period.label).toBe('synced')
  })
})
