/**
 * The push envelope checked by hand: a push carries up to MAX_MUTATIONS_PER_PUSH mutations, and the envelope schema
 * copied every one of them (a loose object per mutation) only to check its seq — each mutation is parsed on its own in
 * push.ts anyway (issue 20). The hand check only ACCEPTS: a body it is not certain the schema accepts goes to the
 * schema, which accepts or refuses it exactly as before (same 400, same messages and details). push-request.test.ts
 * holds the two to the same verdicts and values.
 */
import { z } from 'zod'
import { MAX_MUTATIONS_PER_PUSH } from '../../../src/shared/sync/protocol'
import { parseWith } from '../http/validate'

/**
 * Mutations are only required to carry a sequence number here: each is parsed on its own in push.ts, so one
 * malformed mutation is answered `rejected` instead of failing (and forever blocking) the whole push.
 */
export const pushEnvelopeSchema = z.strictObject({
  deviceId: z.uuid(),
  schemaVersion: z.number().int(),
  mutations: z.array(z.looseObject({ seq: z.number().int().positive() })).max(MAX_MUTATIONS_PER_PUSH),
})
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>

/** Once per push, not per mutation: the schema's own uuid rule, so the hand check cannot drift from it. */
const deviceIdSchema = z.uuid()

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `body` itself when it is certainly a valid push envelope, else null. */
function plainPushEnvelope(body: unknown): PushEnvelope | null {
  if (!isObject(body)) return null
  const keys = Object.keys(body)
  if (keys.length !== 3) return null
  for (const key of keys) if (key !== 'deviceId' && key !== 'schemaVersion' && key !== 'mutations') return null
  const { deviceId, schemaVersion, mutations } = body
  if (!deviceIdSchema.safeParse(deviceId).success) return null
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion)) return null
  if (!Array.isArray(mutations) || mutations.length > MAX_MUTATIONS_PER_PUSH) return null
  for (const m of mutations as unknown[]) {
    if (!isObject(m)) return null
    const seq = m.seq
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return null
    // The schema's copy drops an own `__proto__` key (JSON.parse makes one); the schema decides such a body.
    if (Object.hasOwn(m, '__proto__')) return null
  }
  return body as PushEnvelope
}

/** The push envelope, or the schema's error (ZodError → 400 "Request validation failed", or "Request body is required"). */
export function parsePushEnvelope(body: unknown): PushEnvelope {
  return plainPushEnvelope(body) ?? parseWith(pushEnvelopeSchema, body)
}
