import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { matchesChoseong } from '../../../shared/domain/korean-text'
import { choseongPrefilter, CONJOINING_JAMO } from './search'
import { companyCreateSchema, contactCreateSchema } from '../../../shared/model/validation/customers'
import { openRepoHarness, type RepoHarness } from '../../../../test/support/device/repos'

let h: RepoHarness
beforeEach(() => {
  h = openRepoHarness()
  const company = (name: string, businessNumber?: string): string => {
    const result = h.repos.companies.create(companyCreateSchema.parse({ name, businessNumber }), { allowDuplicates: true })
    if (result.status !== 'created') throw new Error('not created')
    return result.id
  }
  const samsung = company('삼성전자', '124-81-00998')
  company('한빛소프트', '120-88-00767')
  company('김앤장컨설팅')
  const branchId = h.repos.companyPage.get(samsung).branches[0]!.id
  for (const [lastName, firstName, mobile] of [
    ['홍', '길동', '010-1234-5678'],
    ['김', '민준', '010-9876-5432'],
    ['남궁', '민수', null],
  ] as const) {
    h.repos.contacts.createContact(contactCreateSchema.parse({ branchId, lastName, firstName, mobile }), { allowDuplicates: true })
  }
})
afterEach(() => h.close())

const titles = (query: string) => Object.fromEntries(h.records.search.search(query, 10).groups.map((g) => [g.type, g.hits.map((hit) => hit.title)]))

describe('global search', () => {
  it('answers a 2-character query (the trigram index alone finds nothing) by substring', () => {
    expect(h.records.search.search('삼성', 10).mode).toBe('substring')
    expect(titles('삼성')).toEqual({ companies: ['삼성전자'] })
    expect(titles('민준')).toEqual({ contacts: ['김민준'] })
  })

  it('answers a 1-character query, names starting with it first', () => {
    expect(titles('김')).toEqual({ companies: ['김앤장컨설팅'], contacts: ['김민준'] })
  })

  it('uses the trigram index for 3+ characters, including business-number digits typed with hyphens', () => {
    const result = h.records.search.search('124-81', 10)
    expect(result.mode).toBe('index')
    expect(titles('124-81')).toEqual({ companies: ['삼성전자'] })
    expect(titles('8800767')).toEqual({ companies: ['한빛소프트'] })
    expect(titles('1234-5678')).toEqual({ contacts: ['홍길동'] })
    expect(titles('소프트')).toEqual({ companies: ['한빛소프트'] })
  })

  it('finds names by initial consonants, alone or mixed with syllables', () => {
    expect(h.records.search.search('ㅎㄱㄷ', 10).mode).toBe('choseong')
    expect(titles('ㅎㄱㄷ')).toEqual({ contacts: ['홍길동'] })
    expect(titles('홍ㄱ동')).toEqual({ contacts: ['홍길동'] })
    expect(titles('ㅅㅅㅈㅈ')).toEqual({ companies: ['삼성전자'] })
    expect(titles('ㄴㄱㅁㅅ')).toEqual({ contacts: ['남궁민수'] })
  })

  it('gives each hit the company page it opens, and forgets deleted rows', () => {
    const hit = h.records.search.search('홍길동', 10).groups[0]!.hits[0]!
    expect(hit).toMatchObject({ type: 'contacts', title: '홍길동', subtitle: '010-1234-5678 · 삼성전자' })
    h.repos.contacts.removeContact(hit.id)
    expect(titles('홍길동')).toEqual({})
    expect(titles('ㅎㄱㄷ')).toEqual({})
  })

  it('treats FTS syntax in the query as plain text', () => {
    expect(() => h.records.search.search('"삼성" OR *', 10)).not.toThrow()
    expect(h.records.search.search('   ', 10).groups).toEqual([])
  })
})

describe('choseongPrefilter', () => {
  it('matches (as a GLOB, or by holding decomposed jamo) every name matchesChoseong accepts: it never hides a 초성 hit', () => {
    const sqlite = new Database(':memory:')
    const candidate = sqlite.prepare<[{ name: string; pattern: string }], { m: number }>(`SELECT @name GLOB @pattern OR @name GLOB '${CONJOINING_JAMO}' AS m`)
    const glob = sqlite.prepare<[string, string], { m: number }>('SELECT ? GLOB ? AS m')
    const names = ['홍길동', '김 민준', '남궁민수', 'ACME 코리아', '김민준'.normalize('NFD'), 'ㄱ마 장', '(주)가나', '까치']
    const queries = ['ㄱㅁㅈ', 'ㅎㄱㄷ', '홍ㄱ동', 'ㄴㄱ', 'ㅁ ㅈ', 'aㅋ', 'ㄲ', 'ㄱ', '가ㄴ']
    for (const name of names) {
      for (const query of queries) {
        if (matchesChoseong(name, query)) expect(candidate.get({ name, pattern: choseongPrefilter(query) })?.m, `${name} / ${query}`).toBe(1)
      }
    }
    expect(glob.get('이민준', choseongPrefilter('ㄱㅁㅈ'))?.m).toBe(0)
    expect(choseongPrefilter('홍ㄱ동')).toBe('*홍*[가-깋ㄱ]*동*')
    sqlite.close()
  })
})
