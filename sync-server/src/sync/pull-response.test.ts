/**
 * The empty page's template (emptyResponseText) must give exactly what the general responseText gives for the same
 * page: it answers most pulls of the day, and a device parses both the same way.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { logCursorAt } from './cursor'
import { emptyResponseText, responseText, type PullStats } from './pull-response'

const ISO = /"serverTime":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/
const withoutTime = (text: string): string => {
  expect(text).toMatch(ISO)
  return text.replace(ISO, '"serverTime":""')
}

describe('the empty pull response template', () => {
  it('equals the general response for the same empty log page', () => {
    const xid = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }), fc.constantFrom(1n, 3n, 10n ** 19n, 2n ** 64n - 1n)).map(String)
    fc.assert(
      fc.property(xid, fc.boolean(), fc.option(fc.nat(), { nil: null }), (x, behind, seq) => {
        const general: PullStats = { changes: -1, removed: -1 }
        const template: PullStats = { changes: -1, removed: -1 }
        const page = { changes: [], removed: [], cursor: logCursorAt(x, '0'), hasMore: false, watermark: x, behind }
        expect(withoutTime(emptyResponseText(x, behind, seq, template))).toBe(withoutTime(responseText(page, seq, general)))
        expect(template).toEqual(general)
      }),
      { numRuns: 500 },
    )
  })

  it('parses to the page the device expects', () => {
    const body = JSON.parse(emptyResponseText('812', true, 4)) as Record<string, unknown>
    expect(body).toMatchObject({ changes: [], removed: [], hasMore: false, watermark: '812', behind: true, lastAppliedSeq: 4 })
    expect(JSON.parse(Buffer.from(body.cursor as string, 'base64url').toString())).toEqual({ v: 1, phase: 'log', txid: '812', id: '0' })
    expect(JSON.parse(emptyResponseText('9', false, null))).not.toHaveProperty('behind')
  })
})
