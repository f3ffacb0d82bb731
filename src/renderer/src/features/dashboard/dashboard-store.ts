/**
 * The home dashboard: one call for the figures and the day (dashboard.home), one for KPI achievement
 * (kpi.achievements) of the same audience and period. A KPI failure leaves the rest of the screen working.
 */
import { create } from 'zustand'
import { audienceOfTier } from '../../../../shared/domain/audience'
import { todayIsoDate } from '../../../../shared/domain/dates'
import { type UserRole } from '../../../../shared/ipc/contract'
import { type DashboardHome } from '../../../../shared/ipc/dashboard-types'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type KpiAchievements } from '../../../../shared/ipc/kpi-types'
import { type KpiPeriodType } from '../../../../shared/model/enums'
import { api, toIpcError } from '../../lib/api'

/** Until the company's fiscal year start is a setting, January (the schema's default and most companies'). */
const FISCAL_START_MONTH = 1

interface DashboardState {
  readonly period: KpiPeriodType
  readonly role: UserRole | null
  readonly home: DashboardHome | null
  readonly kpi: KpiAchievements | null
  readonly kpiError: IpcError | null
  readonly loading: boolean
  readonly error: IpcError | null
}

interface DashboardActions {
  screenOpened(role: UserRole): Promise<void>
  periodChosen(period: KpiPeriodType): Promise<void>
  refreshed(): Promise<void>
  errorDismissed(): void
}

export const useDashboardStore = create<DashboardState & DashboardActions>()((set, get) => {
  // Answers of an older request (the user switched the period twice quickly) must not overwrite newer ones.
  let generation = 0

  const load = async (): Promise<void> => {
    const { role, period } = get()
    if (!role) return
    const mine = ++generation
    set({ loading: true, error: null })
    const today = todayIsoDate()
    const [home, kpi] = await Promise.allSettled([
      api.dashboard.home({ today, period, fiscalStartMonth: FISCAL_START_MONTH }),
      api.kpi.achievements({ on: today, period, audience: audienceOfTier(role), fiscalStartMonth: FISCAL_START_MONTH }),
    ])
    if (mine !== generation) return
    set({
      loading: false,
      home: home.status === 'fulfilled' ? home.value : get().home,
      error: home.status === 'rejected' ? toIpcError(home.reason) : null,
      kpi: kpi.status === 'fulfilled' ? kpi.value : null,
      kpiError: kpi.status === 'rejected' ? toIpcError(kpi.reason) : null,
    })
  }

  return {
    period: 'QUARTER',
    role: null,
    home: null,
    kpi: null,
    kpiError: null,
    loading: false,
    error: null,
    screenOpened: async (role) => {
      // Another user's figures must not show while the new ones load.
      if (role !== get().role) set({ home: null, kpi: null })
      set({ role })
      await load()
    },
    periodChosen: async (period) => {
      set({ period })
      await load()
    },
    refreshed: load,
    errorDismissed: () => set({ error: null }),
  }
})
