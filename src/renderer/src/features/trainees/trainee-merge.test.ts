import { describe, expect, it } from 'vitest'
import { type TraineeView } from '../../../../shared/ipc/training-types'
import { keptByDefault, mergedPreview } from './trainee-merge'

const person = (over: Partial<TraineeView>): TraineeView => ({
  id: 'a',
  name: '홍길동',
  lastName: '홍',
  firstName: '길동',
  phone: null,
  email: null,
  companyId: null,
  companyName: null,
  department: null,
  position: null,
  classes: 0,
  ...over,
})

describe('trainee merge view', () => {
  const walkIn = person({ id: 'b', phone: '01012345678', classes: 1 })
  const pasted = person({ id: 'c', phone: '01012345678', email: 'hong@augu.kr', companyId: 'k', companyName: '아우구전자', department: '인사팀', classes: 3 })
  it('offers the record with the most enrolments (then the most filled in) as the one to keep', () => {
    expect(keptByDefault([walkIn, pasted])).toBe('c')
    expect(keptByDefault([person({ id: 'x', classes: 1 }), person({ id: 'y', classes: 1, email: 'a@b.kr' })])).toBe('y')
    expect(keptByDefault([])).toBe('')
  })
  it('previews the kept record with its empty fields filled from the others, never overwritten', () => {
    expect(mergedPreview([walkIn, pasted], 'b')).toMatchObject({
      id: 'b',
      phone: '01012345678',
      email: 'hong@augu.kr',
      companyName: '아우구전자',
      department: '인사팀',
    })
    const kept = person({ id: 'd', department: '영업팀' })
    expect(mergedPreview([kept, pasted], 'd')).toMatchObject({ department: '영업팀', email: 'hong@augu.kr' })
    expect(mergedPreview([walkIn], 'zzz')).toBeNull()
  })
})
