/** What the home dashboard asks for: the renderer's today and the reporting period around it. */
import { z } from 'zod'
import { KPI_PERIOD_TYPES } from '../enums'
import { fiscalStartMonthSchema } from './kpi'
import { isoDateSchema } from './common'

export const dashboardHomeSchema = z.strictObject({
  /** The user's today ('YYYY-MM-DD'): "my day" and the period are taken around it. */
  today: isoDateSchema,
  /** The reporting period containing today, for the win rate. */
  period: z.enum(KPI_PERIOD_TYPES).default('QUARTER'),
  fiscalStartMonth: fiscalStartMonthSchema,
})

export type DashboardHomeInput = z.output<typeof dashboardHomeSchema>
