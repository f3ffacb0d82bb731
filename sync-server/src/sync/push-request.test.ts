/**
 * The push envelope's hand check (push-request.ts) must answer exactly as the schema it stands in front of: the same
 * value for a valid envelope, the same error (a 400 with the same message and details) for anything else.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { MAX_MUTATIONS_PER_PUSH } from '../../../src/shared/sync/protocol'
import { parseWith } from '../http/validate'
import { MISSING, deviceIds, fieldOf, junkValues, outcome, schemaVersions } from '../../test/support/envelope-oracle'
import { parsePushEnvelope, pushEnvelopeSchema } from './push-request'

const same = (value: unknown): void => {
  expect(outcome(() => parsePushEnvelope(value))).toEqual(outcome(() => parseWith(pushEnvelopeSchema, value)))
}

/** As JSON.parse makes it: an own key, even "__proto__". */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
  return target
}

const junk = junkValues()
const field = fieldOf(junk)

const record = (fields: Record<string, unknown>, extra: [string, unknown] | null): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) if (value !== MISSING) out[key] = value
  return extra ? withKey(out, extra[0], extra[1]) : out
}

const extraKey = fc.option(fc.tuple(fc.constantFrom('extra', 'hlc', 'fields', 'constructor', '__proto__'), junk), { nil: null })
const mutation = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ seq: field(fc.oneof(fc.integer({ min: -2, max: 1e6 }), fc.constantFrom(1, 2 ** 53 - 1, 2.5))), extra: extraKey })
      .map(({ extra, ...f }) => record(f, extra)),
  },
  { weight: 1, arbitrary: junk },
)

describe('the push envelope', () => {
  it('parses and refuses exactly as the envelope schema does', () => {
    const body = fc
      .record({
        deviceId: field(deviceIds),
        schemaVersion: field(schemaVersions),
        mutations: field(fc.array(mutation, { maxLength: 6 })),
        extra: fc.option(fc.tuple(fc.constantFrom('extra', 'cursor', '__proto__'), junk), { nil: null }),
      })
      .map(({ extra, ...fields }) => record(fields, extra))
    const anything = fc.oneof({ weight: 10, arbitrary: body }, { weight: 1, arbitrary: fc.oneof(junk, fc.constant(undefined)) })
    fc.assert(fc.property(anything, same), { numRuns: 5_000 })
  })

  it('at the mutation limit and one over it', () => {
    const envelope = (n: number) => ({
      deviceId: '0190a000-0000-7000-8000-00000000d001',
      schemaVersion: 1,
      mutations: Array.from({ length: n }, (_, i) => ({ seq: i + 1, table: 'companies' })),
    })
    same(envelope(MAX_MUTATIONS_PER_PUSH))
    same(envelope(MAX_MUTATIONS_PER_PUSH + 1))
    expect(() => parsePushEnvelope(envelope(MAX_MUTATIONS_PER_PUSH + 1))).toThrow(ZodError)
  })

  it('hands a well-formed envelope on as it came, without copying its mutations', () => {
    const body = { deviceId: '0190a000-0000-7000-8000-00000000d001', schemaVersion: 1, mutations: [{ seq: 1, op: 'upsert' }] }
    expect(parsePushEnvelope(body)).toBe(body)
  })
})
