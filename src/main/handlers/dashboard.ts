/**
 * The home dashboard: one channel, one read of the device's replica. Nobody signed in is the only refusal.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type DashboardChannel } from '../../shared/ipc/dashboard-channels'
import { IpcFailure } from '../../shared/ipc/errors'
import { NotSignedInError } from '../core/outbox/writer'
import { type HandlerContext } from './context'

type DashboardHandlers = Pick<HandlerTable, Extract<IpcChannel, DashboardChannel>>

export function dashboardHandlers(ctx: HandlerContext): DashboardHandlers {
  return {
    'dashboard.home': (input) => {
      try {
        return ctx.device.dashboard.home(input)
      } catch (error) {
        if (error instanceof NotSignedInError) throw new IpcFailure('record.signInRequired')
        throw error
      }
    },
  }
}
