/**
 * Korean person, company, address, phone and registration-number fakes built on the seeded PRNG.
 * Phones are returned as digits only (the app formats them for display); names family-first without a space.
 */
import { businessNumberCheckDigit } from '../shared/domain/business-number'
import { corporateNumberCheckDigit } from '../shared/domain/corporate-number'
import { splitKoreanName } from '../shared/domain/korean-name'
import { type Random } from './prng'
import {
  COMPANY_STEMS,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  GIVEN_NAMES_SENIOR,
  LEGAL_FORMS,
  REGIONS,
  REGISTRY_OFFICES,
  TAX_OFFICE_CODES,
  type Region,
} from './korean-data'

export interface KoreanPerson {
  /** 성, e.g. 김 or 남궁 */
  readonly familyName: string
  /** 이름, e.g. 민준 */
  readonly givenName: string
  /** Family name first, no space: 김민준 */
  readonly fullName: string
  /** Revised Romanization for e-mail local parts: minjun.kim */
  readonly romanized: string
}

export function fakePerson(random: Random, options: { senior?: boolean } = {}): KoreanPerson {
  let familyName: string
  let givenName: string
  do {
    familyName = random.weighted(FAMILY_NAMES)
    const pool = options.senior && random.chance(0.7) ? GIVEN_NAMES_SENIOR : random.chance(0.5) ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE
    givenName = random.pick(pool)
    // 황 + 보람 reads as 황보 + 람 (and 선 + 우진 as 선우 + 진): real, but a demo should not trip name parsing.
  } while (splitKoreanName(familyName + givenName).lastName !== familyName)
  return {
    familyName,
    givenName,
    fullName: familyName + givenName,
    romanized: `${romanizeHangul(givenName)}.${romanizeFamilyName(familyName)}`,
  }
}

/** 을 after a final consonant (받침), 를 after a vowel: "운영 방안을", "니즈 청취를". */
export function objectParticle(word: string): string {
  const last = word.charCodeAt(word.length - 1) - 0xac00
  if (last < 0 || last >= 11172) return '을(를)'
  return last % 28 === 0 ? '를' : '을'
}

// --- Revised Romanization (simplified: per syllable, no sound-change rules), for e-mail addresses only ---

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h']
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i']
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't']

/** Family names have conventional spellings that differ from strict RR (이 → lee, 박 → park). */
const FAMILY_ROMANIZED: Readonly<Record<string, string>> = {
  김: 'kim',
  이: 'lee',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  장: 'jang',
  임: 'lim',
  한: 'han',
  오: 'oh',
  서: 'seo',
  신: 'shin',
  권: 'kwon',
  황: 'hwang',
  안: 'ahn',
  송: 'song',
  전: 'jeon',
  홍: 'hong',
  유: 'yoo',
  고: 'ko',
  문: 'moon',
  양: 'yang',
  손: 'son',
  배: 'bae',
  백: 'baek',
  허: 'heo',
  남: 'nam',
  심: 'shim',
  노: 'noh',
  하: 'ha',
  곽: 'kwak',
  성: 'sung',
  차: 'cha',
  주: 'joo',
  우: 'woo',
  구: 'koo',
  민: 'min',
  류: 'ryu',
  나: 'na',
  진: 'jin',
  지: 'ji',
  엄: 'eom',
  채: 'chae',
  원: 'won',
  천: 'cheon',
  방: 'bang',
  공: 'kong',
  현: 'hyun',
  함: 'ham',
  변: 'byun',
  남궁: 'namgoong',
  황보: 'hwangbo',
  제갈: 'jegal',
  선우: 'sunwoo',
  독고: 'dokgo',
  사공: 'sagong',
  서문: 'seomun',
}

export function romanizeHangul(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0) - 0xac00
    if (code >= 0 && code < 11172) {
      const initial = Math.floor(code / 588)
      const vowel = Math.floor((code % 588) / 28)
      const final = code % 28
      out += (INITIALS[initial] ?? '') + (VOWELS[vowel] ?? '') + (FINALS[final] ?? '')
    } else if (/[a-z0-9]/i.test(ch)) {
      out += ch.toLowerCase()
    }
  }
  return out
}

export function romanizeFamilyName(familyName: string): string {
  return FAMILY_ROMANIZED[familyName] ?? romanizeHangul(familyName)
}

// --- Companies ---

export interface CompanyName {
  /** Display name with legal form: (주)한빛전자 */
  readonly name: string
  /** Name without the legal form: 한빛전자 */
  readonly shortName: string
  /** e.g. hanbitjeonja.co.kr */
  readonly domain: string
}

export function fakeCompanyName(random: Random, words: readonly string[], taken: Set<string>): CompanyName {
  for (let attempt = 0; ; attempt++) {
    const stem = random.pick(COMPANY_STEMS)
    const word = random.pick(words)
    // After many collisions (large scales), add a qualifier rather than loop forever.
    const qualifier = attempt < 20 ? '' : random.pick(['글로벌', '코리아', '홀딩스', '인더스트리', '넥스트', '원'])
    const shortName = `${stem}${word}${qualifier}`
    if (taken.has(shortName) && attempt < 200) continue
    const unique = taken.has(shortName) ? `${shortName}${attempt}` : shortName
    taken.add(unique)
    const form = random.weighted(LEGAL_FORMS)
    return { name: form.replace('{}', unique), shortName: unique, domain: `${romanizeHangul(unique)}.co.kr` }
  }
}

// --- Addresses and phones ---

export interface KoreanAddress {
  readonly state: string
  readonly city: string
  /** 도로명 주소 with building number (and floor): 테헤란로 152, 12층 */
  readonly street: string
  readonly postal: string
  readonly areaCode: string
}

export function pickRegion(random: Random): Region {
  return random.weighted(REGIONS.map((r) => [r, r.weight] as const))
}

export function fakeAddress(random: Random, region: Region = pickRegion(random)): KoreanAddress {
  const district = random.pick(region.districts)
  const building = random.chance(0.7) ? random.int(1, 520) : `${random.int(1, 99)}-${random.int(1, 30)}`
  const floor = random.chance(0.6) ? `, ${random.int(2, 25)}층` : ''
  return {
    state: region.state,
    city: district.city,
    street: `${random.pick(district.roads)} ${building}${floor}`,
    postal: `${district.postal}${String(random.int(0, 99)).padStart(2, '0')}`,
    areaCode: region.areaCode,
  }
}

const digits = (random: Random, n: number): string => {
  let out = ''
  for (let i = 0; i < n; i++) out += String(random.int(0, 9))
  return out
}

/** 010 mobile number, digits only: 01012345678 */
export function fakeMobile(random: Random): string {
  return `010${random.int(2, 9)}${digits(random, 7)}`
}

/** Office line for an area code, digits only: Seoul 02 + 4-digit exchange; elsewhere 0AA + 3- or 4-digit exchange. */
export function fakeOfficePhone(random: Random, areaCode: string): string {
  const exchangeLength = areaCode === '02' || random.chance(0.6) ? 4 : 3
  const exchange = `${random.int(2, 9)}${digits(random, exchangeLength - 1)}`
  return `${areaCode}${exchange}${digits(random, 4)}`
}

/** A company representative line (대표번호): 15XX/16XX/18XX-XXXX. */
export function fakeRepresentativeNumber(random: Random): string {
  return `${random.pick(['1588', '1577', '1566', '1544', '1644', '1661', '1670', '1800', '1899'])}${digits(random, 4)}`
}

// --- Registration numbers ---

export type BusinessEntity = 'corporation' | 'corporation-branch' | 'individual' | 'non-profit'

/** A valid 10-digit 사업자등록번호 (digits only), unique within `taken`. */
export function fakeBusinessNumber(random: Random, entity: BusinessEntity, taken: Set<string>): string {
  for (;;) {
    const office = random.pick(TAX_OFFICE_CODES)
    const kind =
      entity === 'corporation'
        ? random.pick(['81', '86', '87', '88'])
        : entity === 'corporation-branch'
          ? '85'
          : entity === 'non-profit'
            ? '82'
            : String(random.int(1, 79)).padStart(2, '0')
    const first9 = `${office}${kind}${digits(random, 4)}`
    const number = `${first9}${businessNumberCheckDigit(first9)}`
    if (!taken.has(number)) {
      taken.add(number)
      return number
    }
  }
}

/** A valid 13-digit 법인등록번호 (digits only) of a 주식회사 registered in the company's 시/도. */
export function fakeCorporateNumber(random: Random, state: string, taken: Set<string>): string {
  for (;;) {
    const office = REGISTRY_OFFICES[state] ?? '1101'
    const first12 = `${office}11${digits(random, 6)}`
    const number = `${first12}${corporateNumberCheckDigit(first12)}`
    if (!taken.has(number)) {
      taken.add(number)
      return number
    }
  }
}
