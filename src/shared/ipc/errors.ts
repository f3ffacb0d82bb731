/**
 * Typed, user-presentable errors that cross the IPC boundary.
 *
 * Main never sends a message text or a stack: it sends a code, an i18n key (translated by the renderer) and plain
 * parameters for interpolation. Every code needs a `errors.<code>` entry in each renderer locale (a test checks it).
 */
export const ipcErrorCodes = [
  'ipc.invalidInput',
  'ipc.unknownChannel',
  'ipc.forbiddenSender',
  'ipc.unavailable',
  'internal',
  'app.urlNotAllowed',
  'session.alreadyStarted',
  'session.invalidCredentials',
  'session.forbidden',
  'session.serverUnreachable',
  'session.serverError',
  'session.diskFull',
  'session.rateLimited',
  'session.versionMismatch',
  'session.otherUserPending',
  'session.unsyncedChanges',
  'session.deviceWiped',
  'secrets.encryptionUnavailable',
  'sync.notSignedIn',
  'sync.signInAgain',
  'sync.appOutdated',
  'sync.offline',
  'sync.failed',
  'record.notFound',
  'record.signInRequired',
  'record.assignNotAllowed',
  'record.notPermitted',
  'sales.managerOnly',
  'sales.alreadyConverted',
  'sales.alreadyDecided',
  'sales.closed',
  'training.invalidPeriod',
  'training.classFull',
  'training.hasClasses',
  'training.notPermitted',
  'training.notWon',
  'training.classNotStarted',
  'training.invalidCapacity',
  'meetings.invalidTime',
  'meetings.cancelled',
  'files.tooLarge',
  'files.typeMismatch',
  'files.notAvailable',
  'files.notUploadedYet',
  'kpi.audienceNotAllowed',
  'kpi.computedActual',
  'kpi.dateOutsidePeriod',
  'kpi.bandsOutOfOrder',
  'kpi.duplicateCode',
  'kpi.ownerNotFound',
  'kpi.notPermitted',
  'products.notPermitted',
  'products.duplicateCode',
  'products.categoryCycle',
  'products.categoryNotFound',
  'products.participantsRange',
  'admin.onlineRequired',
  'admin.notAllowed',
  'admin.departmentCycle',
  'admin.industryCycle',
  'admin.roleInUse',
  'admin.duplicateCode',
  'admin.duplicateName',
  'admin.duplicateEmail',
  'admin.unknownPermission',
  'admin.serverRefused',
  'admin.selfLockout',
  'account.wrongPassword',
  'account.tooManyAttempts',
  'import.unreadable',
  'import.tooLarge',
  'import.empty',
  'import.mappingIncomplete',
  'import.hasErrors',
  'import.nothingToImport',
] as const

export type IpcErrorCode = (typeof ipcErrorCodes)[number]

export type IpcErrorParams = Readonly<Record<string, string | number>>

export interface IpcError {
  readonly code: IpcErrorCode
  /** i18n key in the renderer's `errors` namespace section, always `errors.<code>`. */
  readonly messageKey: `errors.${IpcErrorCode}`
  readonly params: IpcErrorParams
}

/** What every channel resolves to: never a rejected promise for an expected failure. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

export function ipcError(code: IpcErrorCode, params: IpcErrorParams = {}): IpcError {
  return { code, messageKey: `errors.${code}`, params }
}

export function isIpcErrorCode(value: unknown): value is IpcErrorCode {
  return typeof value === 'string' && (ipcErrorCodes as readonly string[]).includes(value)
}

/**
 * Thrown by handlers (and by the local core) for an expected failure the user should see. Anything else thrown by a
 * handler is reported as `internal` and logged in main only.
 */
export class IpcFailure extends Error {
  readonly code: IpcErrorCode
  readonly params: IpcErrorParams

  constructor(code: IpcErrorCode, params: IpcErrorParams = {}) {
    super(code)
    this.name = 'IpcFailure'
    this.code = code
    this.params = params
  }

  toIpcError(): IpcError {
    return ipcError(this.code, this.params)
  }
}
