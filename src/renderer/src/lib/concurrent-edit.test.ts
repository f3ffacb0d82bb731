import { describe, expect, it } from 'vitest'
import { changedFields, mergeRemote, mineOver } from './concurrent-edit'

const who = { byName: '김대표', at: '2026-12-07T05:00:00.000Z' }

describe('concurrent edit merge', () => {
  const base = { name: '아우구', website: '', description: '' }

  it('keeps what the user typed, takes untouched fields, and lists a conflict only where both changed', () => {
    const mine = { ...base, description: 'B의 메모' }
    const fresh = { ...base, website: 'https://a.kr', description: 'A의 설명' }
    const merged = mergeRemote(mine, base, fresh, null, who)
    expect(merged.values).toEqual({ name: '아우구', website: 'https://a.kr', description: 'B의 메모' })
    expect(merged.base).toEqual(fresh)
    expect(merged.remote).toEqual({
      fields: ['website', 'description'],
      theirs: { website: 'https://a.kr', description: 'A의 설명' },
      conflicts: ['description'],
      ...who,
    })
  })

  it('no conflict when the other person typed the same value', () => {
    const mine = { ...base, description: '같은 값' }
    const merged = mergeRemote(mine, base, { ...base, description: '같은 값' }, null, who)
    expect(merged.remote?.conflicts).toEqual([])
  })

  it('nothing changes when the record did not', () => {
    const merged = mergeRemote(base, base, { ...base }, null, who)
    expect(merged.base).toBe(base)
    expect(merged.remote).toBeNull()
  })

  it('saving sends only the user’s fields, over the record as it is now', () => {
    const mine = { ...base, description: 'B의 메모' }
    const fresh = { ...base, name: '아우구(주)' }
    const toSave = mineOver(mine, base, fresh)
    expect(toSave).toEqual({ name: '아우구(주)', website: '', description: 'B의 메모' })
    expect(changedFields(fresh, toSave)).toEqual(['description'])
  })
})
