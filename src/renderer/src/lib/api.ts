/**
 * The renderer's only way to main: a thin wrapper over `window.crm` that unwraps results and throws `CrmError` for a
 * typed failure, so stores can use plain async/await. Types come from the shared contract.
 */
import { type CrmApi, type InputOf, type OutputOf } from '../../../shared/ipc/contract'
import { ipcChannels, splitChannel, type IpcChannel } from '../../../shared/ipc/channels'
import { ipcError, type IpcError, type IpcResult } from '../../../shared/ipc/errors'

export class CrmError extends Error {
  readonly error: IpcError

  constructor(error: IpcError) {
    super(error.code)
    this.name = 'CrmError'
    this.error = error
  }
}

export function toIpcError(error: unknown): IpcError {
  return error instanceof CrmError ? error.error : ipcError('internal')
}

function bridge(): CrmApi | undefined {
  return (globalThis as { crm?: CrmApi }).crm
}

type Unwrapped<K extends IpcChannel> = undefined extends InputOf<K> ? (input?: InputOf<K>) => Promise<OutputOf<K>> : (input: InputOf<K>) => Promise<OutputOf<K>>

type Domain<K extends IpcChannel> = K extends `${infer D}.${string}` ? D : never
type Action<K extends IpcChannel, D extends string> = K extends `${D}.${infer A}` ? A : never

export type Api = {
  readonly [D in Domain<IpcChannel>]: {
    readonly [A in Action<IpcChannel, D>]: `${D}.${A}` extends IpcChannel ? Unwrapped<`${D}.${A}`> : never
  }
}

async function call(channel: IpcChannel, input: unknown): Promise<unknown> {
  const { domain, action } = splitChannel(channel)
  const crm = bridge() as unknown as Record<string, Record<string, ((input: unknown) => Promise<IpcResult<unknown>>) | undefined> | undefined> | undefined
  const fn = crm?.[domain]?.[action]
  if (!fn) throw new CrmError(ipcError('ipc.unavailable'))
  const result = await fn(input)
  if (!result.ok) throw new CrmError(result.error)
  return result.value
}

function buildApi(): Api {
  const out: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of ipcChannels) {
    const { domain, action } = splitChannel(channel)
    // window.crm is looked up per call, so a test can install its own before calling.
    ;(out[domain] ??= {})[action] = (input?: unknown) => call(channel, input)
  }
  return out as unknown as Api
}

/** `api.sync.status()` resolves to a `SyncStatus` or throws `CrmError`. */
export const api: Api = buildApi()
