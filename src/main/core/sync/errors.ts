/**
 * One error type for everything the sync client can fail with, classified by what the app should do about it
 * (`kind`), so the loop, the status bar and the session never parse messages.
 */
import { type ErrorCode } from '../../../shared/sync/protocol'

export const SYNC_ERROR_KINDS = [
  /** No connection, DNS failure, timeout, server unreachable: retry with backoff, show "offline". */
  'offline',
  /** The session is over (refresh failed): stop syncing until the user signs in again. Local work is kept. */
  'auth',
  /** 409 schema version: this app is too old (or the server is): stop and tell the user to update the app. */
  'schema_version',
  /**
   * 410 device_wiped: an administrator revoked this device with wipe. Never retried: the device erases its replica,
   * key and tokens (src/main/device.ts) and returns to the first-run screen.
   */
  'wiped',
  /** 403: this user may not do this (e.g. device registered to another user, deactivated account). */
  'forbidden',
  /** 429: retry after the server's hint. */
  'rate_limited',
  /** 5xx: retry with backoff. */
  'server',
  /**
   * The device's disk is full (SQLITE_FULL / ENOSPC while applying a pulled page, or too little free space before a
   * first sync). Retrying would download the same page again and fail again: sync pauses until free space changes.
   * `details.neededBytes` says how much must be freed.
   */
  'disk_full',
  /** 4xx the client caused, or a response that does not match the protocol: a bug, retry with backoff. */
  'client',
  'protocol',
] as const
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number]

export class SyncError extends Error {
  override readonly name = 'SyncError'
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly details: {
      readonly status?: number
      readonly code?: ErrorCode | string
      readonly retryAfterMs?: number
      readonly cause?: unknown
      /** disk_full: how many more bytes the device needs. */
      readonly neededBytes?: number
    } = {},
  ) {
    super(message)
  }

  /** Retrying by itself can help (as opposed to needing the user: sign in, update the app). */
  get retryable(): boolean {
    return this.kind !== 'auth' && this.kind !== 'schema_version' && this.kind !== 'forbidden' && this.kind !== 'wiped' && this.kind !== 'disk_full'
  }
}

export function isSyncError(error: unknown, kind?: SyncErrorKind): error is SyncError {
  return error instanceof SyncError && (kind === undefined || error.kind === kind)
}

/** What the UI shows for the last error: a stable code and a message. */
export interface ErrorSummary {
  readonly kind: SyncErrorKind | 'internal'
  readonly message: string
  /** disk_full: how many more bytes are needed. */
  readonly neededBytes?: number
}

export function summarizeError(error: unknown): ErrorSummary {
  if (error instanceof SyncError) {
    return error.details.neededBytes === undefined
      ? { kind: error.kind, message: error.message }
      : { kind: error.kind, message: error.message, neededBytes: error.details.neededBytes }
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) }
}
