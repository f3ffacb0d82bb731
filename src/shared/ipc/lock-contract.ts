/** Contract entries of the idle lock (spread into `ipcContract`). */
import { z } from 'zod'
import { type LockChannel } from './lock-channels'
import { returns } from './returns'

export interface LockState {
  /** Minutes without use before the window locks; null: off (the default). */
  readonly minutes: number | null
  readonly locked: boolean
  /** This PC can check the password offline (a verifier was made at sign-in). */
  readonly canUnlock: boolean
}

export const lockContract = {
  'lock.state': { input: z.undefined(), output: returns<LockState>() },
  'lock.saveSettings': { input: z.strictObject({ minutes: z.number().int().min(1).max(240).nullable() }), output: returns<LockState>() },
  /** The window was idle for the set time; ignored when the lock is off. */
  'lock.lock': { input: z.undefined(), output: returns<LockState>() },
  /** Checked offline against the local verifier; never sent to the server. */
  'lock.unlock': { input: z.strictObject({ password: z.string().min(1).max(1024) }), output: returns<{ unlocked: boolean; state: LockState }>() },
} as const satisfies { readonly [K in LockChannel]: unknown }
