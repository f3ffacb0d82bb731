import { describe, expect, it } from 'vitest'
import { MAX_JSON_BYTES, MAX_TEXT_CHARS, MAX_VALUE_DEPTH } from '../../../src/shared/sync/protocol'
import { valueLimitRefusal } from './limits'

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth))

describe('valueLimitRefusal', () => {
  it('accepts values within the limits', () => {
    expect(valueLimitRefusal({ name: 'x'.repeat(MAX_TEXT_CHARS), custom: nested(MAX_VALUE_DEPTH), tags: ['a', 'b'] })).toBeNull()
    // Characters, not UTF-16 units: an emoji is one.
    expect(valueLimitRefusal({ name: '😀'.repeat(MAX_TEXT_CHARS) })).toBeNull()
  })

  it('refuses nesting deeper than the limit without overflowing the stack (100,000 levels)', () => {
    expect(valueLimitRefusal({ custom: nested(MAX_VALUE_DEPTH + 1) })?.code).toBe('value_too_deep')
    expect(valueLimitRefusal({ custom: nested(100_000) })?.code).toBe('value_too_deep')
  })

  it('refuses text and JSON over their size limits, naming the field', () => {
    expect(valueLimitRefusal({ description: 'x'.repeat(MAX_TEXT_CHARS + 1) })).toEqual({
      code: 'value_too_large',
      message: 'description: longer than 100,000 characters',
    })
    expect(valueLimitRefusal({ description: 'x'.repeat(19 * 1024 * 1024) })?.code).toBe('value_too_large')
    const big = { list: Array.from({ length: MAX_JSON_BYTES / 8 }, (_, i) => `item ${i}`) }
    expect(valueLimitRefusal({ custom_fields: big })?.code).toBe('value_too_large')
  })
})
