import { describe, expect, it } from 'vitest'
import { type ProductCatalogue, type ProductSummary } from '../../../../shared/ipc/products-types'
import { curriculumFromText, curriculumToText, visibleProducts } from './product-view'

const product = (id: string, name: string, categoryId: string | null, isActive = true): ProductSummary => ({
  id,
  code: `P-${id}`,
  name,
  categoryId,
  type: 'TRAINING',
  durationDays: null,
  durationHours: null,
  minParticipants: null,
  maxParticipants: null,
  listPrice: null,
  cost: null,
  margin: null,
  marginPercent: null,
  isActive,
})
const catalogue: ProductCatalogue = {
  categories: [
    { id: 'edu', code: 'EDU', name: '교육', parentId: null, description: null, isActive: true },
    { id: 'ldr', code: 'LDR', name: '리더십', parentId: 'edu', description: null, isActive: true },
    { id: 'cns', code: 'CNS', name: '컨설팅', parentId: null, description: null, isActive: true },
  ],
  products: [
    product('1', '신임 팀장 리더십', 'ldr'),
    product('2', '조직 진단', 'cns'),
    product('3', '교육 기획 입문', 'edu'),
    product('4', '미분류 코칭', null),
    product('5', '단종 과정', 'ldr', false),
  ],
}

describe('product list view', () => {
  it('shows a category with its subcategories, in Korean order, active only unless asked', () => {
    const names = (category: string, showInactive = false) => visibleProducts(catalogue, { category, query: '', showInactive }).map((p) => p.name)
    expect(names('edu')).toEqual(['교육 기획 입문', '신임 팀장 리더십'])
    expect(names('ldr', true)).toEqual(['단종 과정', '신임 팀장 리더십'])
    expect(names('none')).toEqual(['미분류 코칭'])
    expect(names('all')).toHaveLength(4)
  })

  it('searches by name, 초성 or code', () => {
    const find = (query: string) => visibleProducts(catalogue, { category: 'all', query, showInactive: false }).map((p) => p.id)
    expect(find('리더십')).toEqual(['1'])
    expect(find('ㅈㅈㅈㄷ')).toEqual(['2'])
    expect(find('p-3')).toEqual(['3'])
  })
})

describe('curriculum lines', () => {
  it('reads "title | hours" lines, skipping blanks, and writes them back', () => {
    const modules = curriculumFromText('리더의 역할 | 4\n\n코칭 대화\n성과 면담 | 2.5')
    expect(modules).toEqual([{ title: '리더의 역할', hours: 4 }, { title: '코칭 대화' }, { title: '성과 면담', hours: 2.5 }])
    expect(curriculumToText(modules!)).toBe('리더의 역할 | 4\n코칭 대화\n성과 면담 | 2.5')
  })

  it('refuses hours that are not a number and a line without a title', () => {
    expect(curriculumFromText('리더의 역할 | 네 시간')).toBeNull()
    expect(curriculumFromText('리더의 역할 | -1')).toBeNull()
    expect(curriculumFromText(' | 3')).toBeNull()
  })
})
