/**
 * The names of every IPC channel, `domain.action`, declared once as data.
 *
 * Kept free of zod so the sandboxed preload (which bundles what it imports) stays tiny; `contract.ts` maps each name to
 * its input schema and output type, and the compiler refuses a contract whose keys differ from this list.
 */
import { customerChannels } from './channels-customers'
import { salesChannels, syncReviewChannels } from './sales-channels'
import { trainingChannels } from './training-channels'
import { kpiChannels } from './kpi-channels'
import { productsChannels } from './products-channels'
import { transferChannels } from './transfer-channels'
import { dashboardChannels } from './dashboard-channels'
import { meetingsChannels } from './meetings-channels'
import { adminChannels } from './admin-channels'
import { lockChannels } from './lock-channels'
import { filesChannels } from './files-channels'
import { replicaChannels } from './replica-channels'
import { trashChannels } from './trash-channels'

export const ipcChannels = [
  'app.info',
  'app.openExternal',
  'session.state',
  'session.startDemo',
  'session.login',
  'session.permissions',
  'session.logout',
  'session.changePassword',
  'sync.status',
  'sync.now',
  'sync.lastEdit',
  ...customerChannels,
  ...salesChannels,
  ...syncReviewChannels,
  ...trainingChannels,
  ...kpiChannels,
  ...productsChannels,
  ...transferChannels,
  ...dashboardChannels,
  ...meetingsChannels,
  ...adminChannels,
  ...lockChannels,
  ...filesChannels,
  ...replicaChannels,
  ...trashChannels,
] as const

export type IpcChannel = (typeof ipcChannels)[number]

const channelSet: ReadonlySet<string> = new Set(ipcChannels)

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && channelSet.has(name)
}

export type ChannelDomain<C extends string = IpcChannel> = C extends `${infer D}.${string}` ? D : never
export type ChannelAction<C extends string, D extends string> = C extends `${D}.${infer A}` ? A : never

export function splitChannel(channel: IpcChannel): { domain: string; action: string } {
  const dot = channel.indexOf('.')
  return { domain: channel.slice(0, dot), action: channel.slice(dot + 1) }
}
