/**
 * The one handler table: every channel of the contract mapped to its handler. Electron's ipcMain (register.ts) and the
 * web harness (scripts/dev-web.ts) both serve exactly this table.
 */
import { ipcChannels } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { appHandlers } from '../handlers/app'
import { type HandlerContext } from '../handlers/context'
import { sessionHandlers } from '../handlers/session'
import { syncHandlers } from '../handlers/sync'
import { customerHandlers } from '../handlers/customers'
import { trashHandlers } from '../handlers/trash'
import { salesHandlers } from '../handlers/sales'
import { syncReviewHandlers } from '../handlers/sync-review'
import { trainingHandlers } from '../handlers/training'
import { kpiHandlers } from '../handlers/kpi'
import { productsHandlers } from '../handlers/products'
import { filesHandlers } from '../handlers/files'
import { transferHandlers } from '../handlers/transfer'
import { dashboardHandlers } from '../handlers/dashboard'
import { replicaHandlers } from '../handlers/replica'
import { meetingsHandlers } from '../handlers/meetings'
import { adminHandlers } from '../handlers/admin'
import { lockHandlers } from '../handlers/lock'

/** Merges per-domain handler maps, refusing a channel defined twice and a channel left without a handler. */
export function mergeHandlers(...parts: ReadonlyArray<Readonly<Record<string, unknown>>>): HandlerTable {
  const table: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [channel, handler] of Object.entries(part)) {
      if (Object.hasOwn(table, channel)) throw new Error(`IPC handler for "${channel}" is defined twice`)
      table[channel] = handler
    }
  }
  const missing = ipcChannels.filter((channel) => typeof table[channel] !== 'function')
  if (missing.length > 0) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`)
  const extra = Object.keys(table).filter((channel) => !(ipcChannels as readonly string[]).includes(channel))
  if (extra.length > 0) throw new Error(`IPC handlers for channels missing from the contract: ${extra.join(', ')}`)
  return Object.freeze(table) as HandlerTable
}

export function createHandlerTable(ctx: HandlerContext): HandlerTable {
  return mergeHandlers(
    appHandlers(ctx),
    sessionHandlers(ctx),
    syncHandlers(ctx),
    salesHandlers(ctx),
    syncReviewHandlers(ctx),
    customerHandlers(ctx),
    trainingHandlers(ctx),
    kpiHandlers(ctx),
    productsHandlers(ctx),
    transferHandlers(ctx),
    dashboardHandlers(ctx),
    meetingsHandlers(ctx),
    adminHandlers(ctx),
    lockHandlers(ctx),
    filesHandlers(ctx),
    replicaHandlers(ctx),
    trashHandlers(ctx),
  )
}
