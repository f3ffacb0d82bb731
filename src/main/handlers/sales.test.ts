import { describe, expect, it } from 'vitest'
import { NotSignedInError, RowNotFoundError } from '../core/outbox/writer'
import { SalesRuleError } from '../core/sales/rules'
import { salesCall } from './sales'
import { failureCodeOf as codeOf } from './refusals'

describe('salesCall', () => {
  it('turns the core refusals into translated error codes, and leaves bugs as bugs', () => {
    expect(
      codeOf(() =>
        salesCall(() => {
          throw new SalesRuleError('managerOnly', 'x')
        }),
      ),
    ).toBe('sales.managerOnly')
    expect(
      codeOf(() =>
        salesCall(() => {
          throw new SalesRuleError('notFound', 'x')
        }),
      ),
    ).toBe('record.notFound')
    expect(
      codeOf(() =>
        salesCall(() => {
          throw new NotSignedInError()
        }),
      ),
    ).toBe('record.signInRequired')
    expect(
      codeOf(() =>
        salesCall(() => {
          throw new RowNotFoundError('leads', 'x')
        }),
      ),
    ).toBe('record.notFound')
    expect(
      codeOf(() =>
        salesCall(() => {
          throw new TypeError('boom')
        }),
      ),
    ).toBe('not-an-ipc-failure')
    expect(salesCall(() => 42)).toBe(42)
  })
})
