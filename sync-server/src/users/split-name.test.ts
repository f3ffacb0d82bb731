import { describe, expect, it } from 'vitest'
import { splitFullName } from './split-name'

describe('splitFullName', () => {
  it.each([
    ['홍길동', '홍', '길동'],
    ['남궁민수', '남궁', '민수'],
    ['제갈량', '제갈', '량'],
    ['김 민준', '김', '민준'],
    ['John Smith', 'Smith', 'John'],
    ['Admin', '', 'Admin'],
  ])('%s → family %s, given %s', (full, familyName, givenName) => {
    expect(splitFullName(full)).toEqual({ familyName, givenName })
  })
})
