/** Contract entries of "this PC's copy" (spread into `ipcContract`). */
import { z } from 'zod'
import { returns } from './returns'
import { type ReplicaChannel } from './replica-channels'
import { type ReplicaCheckResult, type ReplicaHealth, type ReplicaRebuildResult } from './replica-types'

const noInput = z.undefined()

export const replicaContract = {
  'replica.health': { input: noInput, output: returns<ReplicaHealth>() },
  /** The full integrity check (PRAGMA integrity_check): seconds on a large copy, so only when asked. */
  'replica.check': { input: noInput, output: returns<ReplicaCheckResult>() },
  /**
   * Rebuild this PC's copy from the server: the app restarts, sets the file aside, keeps every valid unsent change and
   * downloads the rest. For support cases; the damaged-on-open case does this by itself.
   */
  'replica.rebuild': { input: noInput, output: returns<ReplicaRebuildResult>() },
  'replica.dismissNotice': { input: noInput, output: returns<ReplicaHealth>() },
} as const satisfies { readonly [K in ReplicaChannel]: { readonly input: z.ZodType; readonly output: object } }
