/**
 * What the handlers need from the rest of main. Electron and the web harness each build one of these; the handlers
 * never import electron, so the same table runs under plain Node.
 */
import { type AppRuntime, type LoginInput, type SessionState, type SyncStatus } from '../../shared/ipc/contract'

/** The local device: session and sync. Implemented by the Electron-free core (src/main/core) via src/main/device.ts. */
export interface DevicePort {
  sessionState(): Promise<SessionState>
  startDemo(): Promise<SessionState>
  login(input: Required<LoginInput>): Promise<SessionState>
  logout(options: { discardUnsynced: boolean }): Promise<SessionState>
  syncStatus(): Promise<SyncStatus>
  syncNow(): Promise<SyncStatus>
  close(): void
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

export interface HandlerContext {
  readonly app: { readonly name: string; readonly version: string; readonly runtime: AppRuntime; readonly platform: string }
  readonly device: DevicePort
  /** Opens an already-checked http(s) URL outside the app (Electron: shell.openExternal). */
  readonly openExternal: (url: URL) => Promise<void>
  readonly log: Logger
}
