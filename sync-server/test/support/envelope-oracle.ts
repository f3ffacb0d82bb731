/**
 * What the hand-written request checks (sync/pull-request.ts, sync/push-request.ts) are compared against: the zod
 * schema they stand in front of must give the same value or the same error, and fast-check makes the inputs.
 */
import fc from 'fast-check'
import { ZodError } from 'zod'
import { HttpError } from '../../src/http/errors'

/** A parse's outcome in a comparable form: the value, the zod issues, or the HTTP error's status, code and message. */
export function outcome(parse: () => unknown): unknown {
  try {
    return { value: parse() }
  } catch (error) {
    if (error instanceof ZodError) return { zod: error.issues }
    if (error instanceof HttpError) return { http: [error.statusCode, error.code, error.message] }
    throw error
  }
}

/** A field left out of the generated object. */
export const MISSING = Symbol('missing')

/** Values of the wrong type or at the edges of a number's range, plus the given ones. */
export const junkValues = (...edges: number[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.string({ maxLength: 3 }),
    fc.constantFrom(0, -1, 1.5, 2 ** 53, -0, 1e21, Number.MAX_SAFE_INTEGER, ...edges),
    fc.integer(),
    fc.constant([]),
    fc.constant({}),
  )

/** Mostly a valid value, sometimes junk, sometimes missing. */
export const fieldOf =
  (junk: fc.Arbitrary<unknown>) =>
  (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(MISSING) })

/** Device ids: valid, upper-case (refused: ids must be lower case), and malformed or edge values. */
export const deviceIds: fc.Arbitrary<unknown> = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.constantFrom('', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-00000000000g', '0190a000-0000-0000-0000-00000000d001'),
)

/** Schema versions around the supported ones, and non-integers. */
export const schemaVersions: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(1.5, 2 ** 60))
