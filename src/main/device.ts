/**
 * The one place main opens the local device (replica, outbox, session, sync). Electron (index.ts) and the web harness
 * (scripts/dev-web.ts) both call this, so both run the same device code against a real SQLite file.
 */
import { type DevicePort } from './handlers/context'
import { openInterimDevice } from './interim-device'
import { type TokenStore } from './token-store'

export interface OpenDeviceOptions {
  /** The SQLite replica file. */
  readonly dbFile: string
  /** Server tokens: safeStorage-encrypted in Electron, in memory in the harness. */
  readonly tokenStore: TokenStore
}

export function openDevice(options: OpenDeviceOptions): DevicePort {
  // TODO(core): replace with the Electron-free core's session + sync engine once src/main/core exposes them, handing it
  // options.tokenStore. Until then the interim device has no server session, so it never touches the store.
  return openInterimDevice(options.dbFile)
}
