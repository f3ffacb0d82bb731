/**
 * The home dashboard: one call for the figures and the day (dashboard.home), one for KPI achievement
 * (kpi.achievements) of the same audience and period, in the fiscal year the KPI screen uses (lib/fiscal-year.ts).
 * A KPI failure leaves the rest of the screen working.
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
import { storedFiscalStart } from '../../lib/fiscal-year'

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
  /** A sync brought the replica up to date: read again in place, the current figures staying until the new arrive. */
  synced(): Promise<void>
  errorDismissed(): void
}

/**
 * The answer unless it equals what is shown: then the shown object stays, so nothing re-renders (a sync that brought
 * nothing for this screen costs two reads and no repaint).
 */
function unlessUnchanged<T>(shown: T | null, answer: T): T {
  return shown !== null && JSON.stringify(shown) === JSON.stringify(answer) ? shown : answer
}

/**
 * What the dashboard's figures read: pipeline, activities, meetings, training and KPIs (lib/live.ts reloads them, in
 * place, when one of these changes).
 */
export const DASHBOARD_READS = [
  'opportunities',
  'opportunity_stage_history',
  'leads',
  'companies',
  'activities',
  'meetings',
  'meeting_participants',
  'projects',
  'training_sessions',
  'training_classes',
  'enrollments',
  'attendance_records',
  'kpi_definitions',
  'kpi_targets',
  'kpi_actuals',
  'users',
  'teams',
  'team_members',
] as const

export const useDashboardStore = create<DashboardState & DashboardActions>()((set, get) => {
  // Answers of an older request (the user switched the period twice quickly) must not overwrite newer ones.
  let generation = 0

  const load = async ({ quiet = false } = {}): Promise<void> => {
    const { role, period } = get()
    if (!role) return
    const mine = ++generation
    if (!quiet) set({ loading: true, error: null })
    const today = todayIsoDate()
    // Read at every load: the KPI screen may have changed it since.
    const fiscalStartMonth = storedFiscalStart()
    const [home, kpi] = await Promise.allSettled([
      api.dashboard.home({ today, period, fiscalStartMonth }),
      api.kpi.achievements({ on: today, period, audience: audienceOfTier(role), fiscalStartMonth }),
    ])
    if (mine !== generation) return
    set({
      loading: false,
      home: home.status === 'fulfilled' ? unlessUnchanged(get().home, home.value) : get().home,
      error: home.status === 'rejected' ? toIpcError(home.reason) : null,
      kpi: kpi.status === 'fulfilled' ? unlessUnchanged(get().kpi, kpi.value) : null,
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
    refreshed: () => load(),
    synced: () => load({ quiet: true }),
    errorDismissed: () => set({ error: null }),
  }
})
