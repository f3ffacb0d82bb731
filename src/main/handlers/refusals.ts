/**
 * One way to turn the core's refusals into typed, translated IPC errors: each domain's rule error (a `rule` name)
 * maps to an error code; not being signed in and a vanished row mean the same everywhere. Anything else is a bug and
 * stays one (dispatch logs it and answers `internal`); nothing from the core's messages reaches the renderer.
 */
import { IpcFailure, type IpcErrorCode } from '../../shared/ipc/errors'
import { AssignmentRefusedError } from '../core/outbox/assignment-guard'
import { NotSignedInError, RowNotFoundError } from '../core/outbox/writer'
import { WriteForbiddenError } from '../core/outbox/write-permission'
import { RecordNotFoundError } from '../core/common/errors'

type RuleErrorClass<R extends string> = abstract new (...args: never[]) => Error & { readonly rule: R }

/**
 * The refusals every domain shares; null when `error` is not one of them. A write the writer's permission check
 * refused answers with the domain's own "not permitted" code when it has one (what its repository answered when it
 * checked permissions itself), `record.notPermitted` otherwise.
 */
function commonRefusal(error: unknown, forbidden: IpcErrorCode = 'record.notPermitted'): IpcFailure | null {
  if (error instanceof NotSignedInError) return new IpcFailure('record.signInRequired')
  if (error instanceof WriteForbiddenError) return new IpcFailure(forbidden)
  if (error instanceof AssignmentRefusedError) return new IpcFailure('record.assignNotAllowed')
  if (error instanceof RowNotFoundError || error instanceof RecordNotFoundError) return new IpcFailure('record.notFound')
  return null
}

export function refusalsOf<R extends string>(RuleError: RuleErrorClass<R>, codes: Readonly<Record<R, IpcErrorCode>>): <T>(fn: () => T) => T {
  const own = codes as Readonly<Record<string, IpcErrorCode | undefined>>
  const forbidden = own.notPermitted ?? own.notAllowed ?? 'record.notPermitted'
  return (fn) => {
    try {
      return fn()
    } catch (error) {
      if (error instanceof RuleError) throw new IpcFailure(codes[error.rule])
      throw commonRefusal(error, forbidden) ?? error
    }
  }
}

/** For a domain without rule errors of its own (customers): only the shared refusals. */
export function commonRefusals<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    throw commonRefusal(error) ?? error
  }
}

/** For tests: the IPC error code `fn` fails with, `not-an-ipc-failure` for anything else, undefined if it succeeds. */
export function failureCodeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof IpcFailure ? error.code : 'not-an-ipc-failure'
  }
  return undefined
}
