import { describe, expect, it } from 'vitest'
import { duplicateTraineeGroups, parsePastedTrainees, sameTrainee, traineeKeys } from './trainee-identity'

describe('sameTrainee', () => {
  it('matches a name with the same mobile written differently, or the same e-mail', () => {
    const a = { lastName: '김', firstName: '민수', phone: '010-1234-5678', email: null }
    expect(sameTrainee(a, { lastName: '김', firstName: '민수', phone: '01012345678' })).toBe(true)
    expect(sameTrainee({ lastName: '김', firstName: '민수', email: 'MS@augu.kr' }, { lastName: '김', firstName: '민수', email: 'ms@augu.kr' })).toBe(true)
  })

  it('does not match on the name alone, or on the phone with another name', () => {
    expect(sameTrainee({ lastName: '김', firstName: '민수' }, { lastName: '김', firstName: '민수' })).toBe(false)
    expect(sameTrainee({ lastName: '김', firstName: '민수', phone: '01012345678' }, { lastName: '이', firstName: '민수', phone: '01012345678' })).toBe(false)
    expect(traineeKeys({ lastName: '', firstName: '', phone: '01012345678' })).toEqual([])
  })
})

describe('duplicateTraineeGroups', () => {
  it('groups records that share a key, transitively (phone links A–B, e-mail links B–C)', () => {
    const rows = [
      { id: 'a', lastName: '박', firstName: '서준', phone: '010-1111-2222' },
      { id: 'b', lastName: '박', firstName: '서준', phone: '01011112222', email: 'sj@x.kr' },
      { id: 'c', lastName: '박', firstName: '서준', email: 'SJ@x.kr' },
      { id: 'd', lastName: '박', firstName: '서준', phone: '01099998888' },
    ]
    expect(duplicateTraineeGroups(rows).map((g) => g.map((r) => r.id))).toEqual([['a', 'b', 'c']])
  })
})

describe('parsePastedTrainees', () => {
  it('reads tab-separated rows from a spreadsheet, skipping the header and blank lines', () => {
    const text = '이름\t연락처\t회사\t부서\n홍길동\t010-1234-5678\t아우구전자\t인사팀\n\n남궁민수\tnk@augu.kr\t아우구전자\t영업팀\t과장\r\n'
    const { rows, errors } = parsePastedTrainees(text)
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { line: 2, lastName: '홍', firstName: '길동', phone: '01012345678', email: null, companyName: '아우구전자', department: '인사팀', position: null },
      { line: 4, lastName: '남궁', firstName: '민수', phone: null, email: 'nk@augu.kr', companyName: '아우구전자', department: '영업팀', position: '과장' },
    ])
  })

  it('reads comma-separated rows and reports a bad phone with its line, using nothing of that row', () => {
    const { rows, errors } = parsePastedTrainees('김하늘,010-2222-3333,,재무팀\n이서연,전화없음,아우구,총무팀\n,010-1111-2222')
    expect(rows.map((r) => r.firstName)).toEqual(['하늘'])
    expect(errors).toEqual([
      { line: 2, text: '이서연,전화없음,아우구,총무팀', reason: 'badPhone' },
      { line: 3, text: ',010-1111-2222', reason: 'noName' },
    ])
  })
})
