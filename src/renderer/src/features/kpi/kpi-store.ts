/** The KPI screen: the chosen period, audience and fiscal-year start, the achievements shown, and the open dialog. */
import { create } from 'zustand'
import { todayIsoDate } from '../../../../shared/domain/dates'
import { fiscalPeriodRange, shiftFiscalPeriod, type FiscalPeriod } from '../../../../shared/domain/fiscal-period'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type KpiAchievementRow, type KpiAchievements, type KpiDefinitionsList } from '../../../../shared/ipc/kpi-types'
import { type KpiPeriodType } from '../../../../shared/model/enums'
import { type KpiActualRecordInput, type KpiAudience, type KpiDefinitionSaveInput, type KpiTargetSaveInput } from '../../../../shared/model/validation/kpi'
import { api, toIpcError } from '../../lib/api'
import { storedFiscalStart, storeFiscalStart } from '../../lib/fiscal-year'
import { currentPeriod } from './kpi-view'

export type KpiDialog =
  | { readonly kind: 'target'; readonly row: KpiAchievementRow | null }
  | { readonly kind: 'actual'; readonly row: KpiAchievementRow }
  | { readonly kind: 'definition' }

interface KpiState {
  readonly period: FiscalPeriod
  readonly audience: KpiAudience
  readonly fiscalStartMonth: number
  readonly achievements: KpiAchievements | null
  readonly list: KpiDefinitionsList | null
  readonly loading: boolean
  readonly dialog: KpiDialog | null
  readonly error: IpcError | null
}

interface KpiActions {
  screenOpened(): Promise<void>
  /** A change arrived (lib/live.ts): definitions and achievements again, in place. */
  reload(): Promise<void>
  periodTypeChosen(type: KpiPeriodType): Promise<void>
  periodStepped(steps: number): Promise<void>
  currentPeriodChosen(): Promise<void>
  audienceChosen(audience: KpiAudience): Promise<void>
  fiscalStartChosen(month: number): Promise<void>
  dialogOpened(dialog: KpiDialog | null): void
  targetSaved(input: KpiTargetSaveInput): Promise<boolean>
  actualRecorded(input: KpiActualRecordInput): Promise<boolean>
  definitionSaved(input: KpiDefinitionSaveInput): Promise<boolean>
  errorDismissed(): void
}

export type KpiStore = KpiState & KpiActions

/** What the KPI screen reads: definitions, targets, actuals and every source a computed actual counts. */
export const KPI_READS = [
  'kpi_definitions',
  'kpi_targets',
  'kpi_actuals',
  'opportunities',
  'opportunity_stage_history',
  'companies',
  'meetings',
  'attendance_records',
  'enrollments',
  'users',
  'teams',
  'team_members',
] as const

export const useKpiStore = create<KpiStore>()((set, get) => {
  const guard = async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn()
      return true
    } catch (error) {
      set({ error: toIpcError(error), loading: false })
      return false
    }
  }

  const reload = async (): Promise<void> => {
    const { period, fiscalStartMonth } = get()
    let { audience } = get()
    set({ loading: true })
    const list = get().list ?? (await api.kpi.definitions())
    // A tier sees its widest audience first: an executive the company, a manager the team.
    if (!list.audiences.includes(audience)) audience = list.audiences.at(-1) ?? 'me'
    const achievements = await api.kpi.achievements({
      on: fiscalPeriodRange(period, fiscalStartMonth).start,
      period: period.type,
      audience,
      fiscalStartMonth,
    })
    set({ list, audience, achievements, loading: false })
  }

  const fiscalStartMonth = storedFiscalStart()
  return {
    period: currentPeriod('QUARTER', todayIsoDate(), fiscalStartMonth),
    audience: 'company',
    fiscalStartMonth,
    achievements: null,
    list: null,
    loading: false,
    dialog: null,
    error: null,

    reload: async () => {
      await guard(async () => {
        set({ list: await api.kpi.definitions() })
        await reload()
      })
    },
    screenOpened: async () => {
      set({ list: null })
      await guard(reload)
    },
    periodTypeChosen: async (type) => {
      set({ period: currentPeriod(type, todayIsoDate(), get().fiscalStartMonth) })
      await guard(reload)
    },
    periodStepped: async (steps) => {
      set({ period: shiftFiscalPeriod(get().period, steps, get().fiscalStartMonth) })
      await guard(reload)
    },
    currentPeriodChosen: async () => {
      set({ period: currentPeriod(get().period.type, todayIsoDate(), get().fiscalStartMonth) })
      await guard(reload)
    },
    audienceChosen: async (audience) => {
      set({ audience })
      await guard(reload)
    },
    fiscalStartChosen: async (month) => {
      storeFiscalStart(month)
      set({ fiscalStartMonth: month, period: currentPeriod(get().period.type, todayIsoDate(), month) })
      await guard(reload)
    },
    dialogOpened: (dialog) => set({ dialog, error: null }),
    targetSaved: async (input) =>
      guard(async () => {
        await api.kpi.saveTarget({ ...input, fiscalStartMonth: get().fiscalStartMonth })
        set({ dialog: null })
        await reload()
      }),
    actualRecorded: async (input) =>
      guard(async () => {
        await api.kpi.recordActual({ ...input, fiscalStartMonth: get().fiscalStartMonth })
        set({ dialog: null })
        await reload()
      }),
    definitionSaved: async (input) =>
      guard(async () => {
        await api.kpi.saveDefinition(input)
        // Names, units and directions may have changed: read the list again with the achievements.
        set({ dialog: null, list: null })
        await reload()
      }),
    errorDismissed: () => set({ error: null }),
  }
})
