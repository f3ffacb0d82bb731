import { describe, expect, it } from 'vitest'
import { duplicateNumberIds, nextNumber } from './training-numbers'

describe('session and class numbers', () => {
  it('flags every item sharing a number (two devices creating 1차 offline)', () => {
    const items = [
      { id: 'a', number: 1 },
      { id: 'b', number: 1 },
      { id: 'c', number: 2 },
      { id: 'd', number: 3 },
      { id: 'e', number: 3 },
    ]
    expect([...duplicateNumberIds(items)].sort()).toEqual(['a', 'b', 'd', 'e'])
    expect(duplicateNumberIds([{ id: 'a', number: 1 }])).toEqual(new Set())
  })

  it('offers one above the highest number, 1 for the first', () => {
    expect(nextNumber([])).toBe(1)
    expect(nextNumber([1, 3, 2])).toBe(4)
    expect(nextNumber([1, 1])).toBe(2)
  })
})
