/**
 * The pull envelope's hand check (pull-request.ts) must answer exactly as the schema it stands in front of: the same
 * value for a valid request, the same error (a 400 with the same message and details) for anything else.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_PULL_LIMIT, pullRequestSchema } from '../../../src/shared/sync/protocol'
import { parseWith } from '../http/validate'
import { MISSING, deviceIds, fieldOf, junkValues, outcome, schemaVersions } from '../../test/support/envelope-oracle'
import { parsePullRequest } from './pull-request'

const junk = junkValues(MAX_PULL_LIMIT, MAX_PULL_LIMIT + 1)
const field = fieldOf(junk)

describe('the pull request envelope', () => {
  it('parses and refuses exactly as pullRequestSchema does', () => {
    const body = fc
      .record({
        deviceId: field(deviceIds),
        schemaVersion: field(schemaVersions),
        cursor: field(fc.oneof(fc.constant(null), fc.string({ maxLength: 600 }), fc.constantFrom('a'.repeat(512), 'a'.repeat(513)))),
        limit: field(fc.oneof(fc.integer({ min: -1, max: MAX_PULL_LIMIT + 1 }), fc.constantFrom(0, 1, MAX_PULL_LIMIT, 2.5))),
        extra: fc.option(fc.tuple(fc.constantFrom('extra', 'kind', '__proto__'), junk), { nil: null }),
      })
      .map(({ extra, ...fields }) => {
        const out: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(fields)) if (value !== MISSING) out[key] = value
        // As JSON.parse makes it: an own key, even "__proto__".
        if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true })
        return out
      })
    const anything = fc.oneof({ weight: 10, arbitrary: body }, { weight: 1, arbitrary: fc.oneof(junk, fc.constant(undefined)) })
    fc.assert(
      fc.property(anything, (value) => {
        expect(outcome(() => parsePullRequest(value))).toEqual(outcome(() => parseWith(pullRequestSchema, value)))
      }),
      { numRuns: 5_000 },
    )
  })
})
