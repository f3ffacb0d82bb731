/**
 * The pull request envelope (`pullRequestSchema`, src/shared/sync/protocol.ts) checked by hand for the request every
 * synced device sends on each poke and periodic pull. The hand check only ACCEPTS: a body it is not certain the
 * schema accepts goes to the schema, which accepts or refuses it exactly as before (same 400, same messages and
 * details). pull-request.test.ts holds the two to the same verdicts and values.
 */
import { LOWER_CASE_UUID, MAX_PULL_LIMIT, pullRequestSchema, type PullRequest } from '../../../src/shared/sync/protocol'
import { parseWith } from '../http/validate'

const isCount = (value: unknown, min: number, max: number): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max

/** `body` itself when it is certainly a valid pull request, else null. */
function plainPullRequest(body: unknown): PullRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const keys = Object.keys(body)
  for (const key of keys) if (key !== 'deviceId' && key !== 'schemaVersion' && key !== 'cursor' && key !== 'limit') return null
  const { deviceId, schemaVersion, cursor, limit } = body as Record<string, unknown>
  if (typeof deviceId !== 'string' || !LOWER_CASE_UUID.test(deviceId)) return null
  if (!isCount(schemaVersion, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) return null
  if (cursor !== null && (typeof cursor !== 'string' || cursor.length > 512)) return null
  if (keys.length === 4 ? !isCount(limit, 1, MAX_PULL_LIMIT) : keys.length !== 3) return null
  return body as PullRequest
}

/** The pull request, or the schema's error (ZodError → 400 "Request validation failed", or "Request body is required"). */
export function parsePullRequest(body: unknown): PullRequest {
  return plainPullRequest(body) ?? parseWith(pullRequestSchema, body)
}
