import { describe, expect, it } from 'vitest'
import { ipcContract } from '../../shared/ipc/contract'
import { ProductRuleError } from '../core/products/products'
import { productsCall } from './products'
import { failureCodeOf as codeOf } from './refusals'

describe('productsCall', () => {
  it('turns the repository refusals into translated error codes, and leaves bugs as bugs', () => {
    expect(
      codeOf(() =>
        productsCall(() => {
          throw new ProductRuleError('notPermitted', 'x')
        }),
      ),
    ).toBe('products.notPermitted')
    expect(
      codeOf(() =>
        productsCall(() => {
          throw new ProductRuleError('categoryCycle', 'x')
        }),
      ),
    ).toBe('products.categoryCycle')
    expect(
      codeOf(() =>
        productsCall(() => {
          throw new ProductRuleError('duplicateCode', 'x')
        }),
      ),
    ).toBe('products.duplicateCode')
    expect(
      codeOf(() =>
        productsCall(() => {
          throw new ProductRuleError('notFound', 'x')
        }),
      ),
    ).toBe('record.notFound')
    expect(
      codeOf(() =>
        productsCall(() => {
          throw new TypeError('boom')
        }),
      ),
    ).toBe('not-an-ipc-failure')
  })
})

describe('products contract inputs', () => {
  it('refuses min above max participants, a negative price, a bad code and a margin typed in, before any handler runs', () => {
    const input = ipcContract['products.save'].input
    expect(input.safeParse({ name: '리더십', minParticipants: 10, maxParticipants: 30, listPrice: 1_000_000 }).success).toBe(true)
    expect(input.safeParse({ name: '리더십', minParticipants: 31, maxParticipants: 30 }).success).toBe(false)
    expect(input.safeParse({ name: '리더십', listPrice: -1 }).success).toBe(false)
    expect(input.safeParse({ name: '리더십', cost: 1.5 }).success).toBe(false)
    expect(input.safeParse({ name: '리더십', code: '코드 한글' }).success).toBe(false)
    expect(input.safeParse({ name: '리더십', margin: 100 }).success).toBe(false)
    expect(input.safeParse({ name: '  ' }).success).toBe(false)
  })
})
