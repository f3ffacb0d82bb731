/** Contract entry of the home dashboard (spread into `ipcContract`). */
import { type z } from 'zod'
import { dashboardHomeSchema } from '../model/validation/dashboard'
import { returns } from './returns'
import { type DashboardChannel } from './dashboard-channels'
import { type DashboardHome } from './dashboard-types'

export const dashboardContract = {
  /** Everything the home screen shows, for the signed-in user's audience (by tier), from the replica. */
  'dashboard.home': { input: dashboardHomeSchema, output: returns<DashboardHome>() },
} as const satisfies { readonly [K in DashboardChannel]: { readonly input: z.ZodType; readonly output: object } }
