import { describe, expect, it } from 'vitest'
import { businessEntityType, isValidBusinessNumber } from '../shared/domain/business-number'
import { isValidCorporateNumber } from '../shared/domain/corporate-number'
import { splitKoreanName } from '../shared/domain/korean-name'
import { phoneKind } from '../shared/domain/phone'
import {
  fakeAddress,
  fakeBusinessNumber,
  fakeCorporateNumber,
  fakeMobile,
  fakeOfficePhone,
  fakePerson,
  fakeRepresentativeNumber,
  romanizeHangul,
} from './korean-fakes'
import { REGIONS } from './korean-data'
import { Random } from './prng'

describe('Korean fakes', () => {
  it('makes valid, unique business numbers of the requested entity type', () => {
    const random = new Random('bn')
    const taken = new Set<string>()
    for (let i = 0; i < 2_000; i++) {
      const corporation = fakeBusinessNumber(random, 'corporation', taken)
      expect(isValidBusinessNumber(corporation)).toBe(true)
      expect(businessEntityType(corporation)).toBe('CORPORATION_HEAD_OFFICE')
      const branch = fakeBusinessNumber(random, 'corporation-branch', taken)
      expect(businessEntityType(branch)).toBe('CORPORATION_BRANCH')
      expect(isValidBusinessNumber(branch)).toBe(true)
      expect(businessEntityType(fakeBusinessNumber(random, 'individual', taken))).toBe('INDIVIDUAL')
    }
    expect(taken.size).toBe(6_000)
  })

  it('makes valid corporate registration numbers', () => {
    const random = new Random('crn')
    const taken = new Set<string>()
    for (const region of REGIONS) {
      for (let i = 0; i < 50; i++) expect(isValidCorporateNumber(fakeCorporateNumber(random, region.state, taken))).toBe(true)
    }
  })

  it('makes phones that are digits and valid by kind', () => {
    const random = new Random('phones')
    for (let i = 0; i < 500; i++) {
      expect(phoneKind(fakeMobile(random))).toBe('MOBILE')
      expect(phoneKind(fakeRepresentativeNumber(random))).toBe('REPRESENTATIVE')
      const region = random.pick(REGIONS)
      const office = fakeOfficePhone(random, region.areaCode)
      expect(office).toMatch(/^\d+$/)
      expect(phoneKind(office)).toBe(region.areaCode === '02' ? 'SEOUL' : 'AREA')
    }
  })

  it('writes names family name first, and the shared parser splits them back', () => {
    const random = new Random('names')
    let compound = 0
    for (let i = 0; i < 5_000; i++) {
      const person = fakePerson(random)
      expect(person.fullName).toBe(person.familyName + person.givenName)
      expect(splitKoreanName(person.fullName)).toEqual({ lastName: person.familyName, firstName: person.givenName })
      expect(person.romanized).toMatch(/^[a-z]+\.[a-z]+$/)
      if (person.familyName.length === 2) compound++
    }
    // Two-syllable family names (남궁, 황보 …) show up, rarely.
    expect(compound).toBeGreaterThan(5)
    expect(compound).toBeLessThan(150)
  })

  it('romanizes Hangul for e-mail addresses', () => {
    expect(romanizeHangul('민준')).toBe('minjun')
    expect(romanizeHangul('서연')).toBe('seoyeon')
    expect(romanizeHangul('한빛F&B')).toBe('hanbitfb')
  })

  it('gives addresses with 시/도, 시/군/구, a road name and a 5-digit postal code', () => {
    const random = new Random('addr')
    for (let i = 0; i < 200; i++) {
      const address = fakeAddress(random)
      expect(REGIONS.map((r) => r.state)).toContain(address.state)
      expect(address.street).toMatch(/(로|길|도로)\d* [\d-]+/)
      expect(address.postal).toMatch(/^\d{5}$/)
    }
  })
})
