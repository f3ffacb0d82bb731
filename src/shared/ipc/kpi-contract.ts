/** Contract entries of the KPI channels (spread into `ipcContract`). */
import { z } from 'zod'
import { kpiAchievementsSchema, kpiActualRecordSchema, kpiDefinitionSaveSchema, kpiTargetSaveSchema } from '../model/validation/kpi'
import { returns } from './returns'
import { type KpiChannel } from './kpi-channels'
import { type KpiAchievementRow, type KpiAchievements, type KpiDefinitionView, type KpiDefinitionsList } from './kpi-types'

export const kpiContract = {
  /** Active and inactive definitions (Korean order), the owners a target may be set for, the audiences allowed. */
  'kpi.definitions': { input: z.undefined(), output: returns<KpiDefinitionsList>() },
  'kpi.saveDefinition': { input: kpiDefinitionSaveSchema, output: returns<KpiDefinitionView>() },
  /** One target per KPI, owner and period: saving again for the same three updates it. */
  'kpi.saveTarget': { input: kpiTargetSaveSchema, output: returns<KpiAchievementRow>() },
  /** Refused (`kpi.computedActual`) for KPIs the app computes; the date must lie in the target's period. */
  'kpi.recordActual': { input: kpiActualRecordSchema, output: returns<KpiAchievementRow>() },
  /**
   * Targets of the period of type `period` containing `on`, for the audience (refused above the user's tier), with
   * the actual (computed from the replica where the KPI allows, else the latest recorded), achievement and band.
   */
  'kpi.achievements': { input: kpiAchievementsSchema, output: returns<KpiAchievements>() },
} as const satisfies { readonly [K in KpiChannel]: { readonly input: z.ZodType; readonly output: object } }
