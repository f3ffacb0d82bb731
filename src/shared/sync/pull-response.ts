/**
 * A pull response checked in one pass, in place: what `pullResponseSchema` (protocol.ts) accepts, this accepts, and
 * what it refuses, this refuses (pull-response.test.ts checks the two against each other with fast-check). The zod
 * schema built a new object for every change of a page — 109k of them in a first sync, then garbage — and walked
 * each through its generic checks; this reads each field once and returns the parsed JSON itself. Unknown keys stay
 * on the objects (zod dropped them); nothing reads them.
 */
import { type PullResponse } from './protocol'

export type PullResponseCheck =
  { readonly success: true; readonly data: PullResponse } | { readonly success: false; readonly error: { readonly message: string } }

const WATERMARK = /^\d{1,20}$/

/** zod's object check: any non-null object that is not an array. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** zod's `.int().nonnegative()` on a number: a safe integer (finite, whole) ≥ 0. */
function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function fail(message: string): PullResponseCheck {
  return { success: false, error: { message } }
}

export function checkPullResponse(value: unknown): PullResponseCheck {
  if (!isObject(value)) return fail('expected an object')
  const { changes, removed, cursor, hasMore, watermark, serverTime, behind, lastAppliedSeq } = value
  if (!Array.isArray(changes)) return fail('changes: expected an array')
  for (let i = 0; i < changes.length; i++) {
    const change: unknown = changes[i]
    if (!isObject(change)) return fail(`changes[${i}]: expected an object`)
    if (typeof change.table !== 'string') return fail(`changes[${i}].table: expected a string`)
    if (typeof change.id !== 'string') return fail(`changes[${i}].id: expected a string`)
    if (!isObject(change.row)) return fail(`changes[${i}].row: expected a row object`)
  }
  if (!Array.isArray(removed)) return fail('removed: expected an array')
  for (let i = 0; i < removed.length; i++) {
    const entry: unknown = removed[i]
    if (!isObject(entry)) return fail(`removed[${i}]: expected an object`)
    if (typeof entry.table !== 'string') return fail(`removed[${i}].table: expected a string`)
    if (typeof entry.id !== 'string') return fail(`removed[${i}].id: expected a string`)
  }
  if (typeof cursor !== 'string') return fail('cursor: expected a string')
  if (typeof hasMore !== 'boolean') return fail('hasMore: expected a boolean')
  if (watermark !== null && (typeof watermark !== 'string' || !WATERMARK.test(watermark))) return fail('watermark: expected null or a decimal string')
  if (typeof serverTime !== 'string') return fail('serverTime: expected a string')
  if (behind !== undefined && typeof behind !== 'boolean') return fail('behind: expected a boolean')
  if (lastAppliedSeq !== undefined && !isCount(lastAppliedSeq)) return fail('lastAppliedSeq: expected a non-negative integer')
  return { success: true, data: value as unknown as PullResponse }
}
