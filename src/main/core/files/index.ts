/** Wires the device's attachments (device-files.ts) to a running device core: file store, server client, sync hook. */
import { type DeviceCore } from '../device'
import { type RepoContext } from '../common/context'
import { createDeviceFiles, type DeviceFiles } from './device-files'
import { createFileStore } from './file-store'
import { createServerFiles } from './server-files'

export type { AttachmentItem, DeviceFiles, FileTransfer, OpenPlan } from './device-files'
export { AttachmentInputError } from './device-files'

export function createFilesDevice(core: Pick<DeviceCore, 'session' | 'tokens' | 'fetch' | 'onSynced' | 'status'>, ctx: RepoContext, dir: string): DeviceFiles {
  const files = createDeviceFiles({
    ctx,
    store: createFileStore(dir),
    server: createServerFiles({ session: core.session, tokens: core.tokens, fetch: core.fetch }),
  })
  // After every successful row sync: send queued files, fetch pinned and in-budget ones. Never fails the sync.
  core.onSynced(() => void files.sync().catch(() => undefined))
  return files
}
