/** Contract entry of the home dashboard (spread into `ipcContract`). */
import { type z } from 'zod'
import { dashboardHomeSchema } from '../model/validation/dashboard'
import { type Returns } from './contract'
import { type DashboardChannel } from './dashboard-channels'
import { type DashboardHome } from './dashboard-types'

function returns<T>(): Returns<T> {
  return {}
}

export const dashboardContract = {
  /** Everything the home screen shows, for the signed-in user's audience (by tier), from the replica. */
  'dashboard.home': { input: dashboardHomeSchema, output: returns<DashboardHome>() },
} as const satisfies { readonly [K in DashboardChannel]: { readonly input: z.ZodType; readonly output: object } }
