import { describe, expect, it } from 'vitest'
import { categoryTree, categoryWithDescendants, createsCategoryCycle } from './product-categories'

const EDU = { id: 'edu', name: '교육', parentId: null }
const LDR = { id: 'ldr', name: '리더십', parentId: 'edu' }
const NEW = { id: 'new', name: '신임팀장', parentId: 'ldr' }
const DGT = { id: 'dgt', name: '디지털', parentId: 'edu' }
const CNS = { id: 'cns', name: '컨설팅', parentId: null }
const ALL = [NEW, CNS, LDR, DGT, EDU]

describe('product category tree', () => {
  it('orders depth-first with siblings in Korean order, with depth and path', () => {
    expect(categoryTree(ALL).map((n) => [n.category.id, n.depth, n.path.join(' › ')])).toEqual([
      ['edu', 0, '교육'],
      ['dgt', 1, '교육 › 디지털'],
      ['ldr', 1, '교육 › 리더십'],
      ['new', 2, '교육 › 리더십 › 신임팀장'],
      ['cns', 0, '컨설팅'],
    ])
  })

  it('refuses a move under itself or a descendant, allows any other', () => {
    expect(createsCategoryCycle(ALL, 'edu', 'edu')).toBe(true)
    expect(createsCategoryCycle(ALL, 'edu', 'new')).toBe(true)
    expect(createsCategoryCycle(ALL, 'ldr', 'new')).toBe(true)
    expect(createsCategoryCycle(ALL, 'ldr', 'cns')).toBe(false)
    expect(createsCategoryCycle(ALL, 'new', null)).toBe(false)
    expect(createsCategoryCycle(ALL, 'new', 'dgt')).toBe(false)
  })

  it('collects a category with everything below it', () => {
    expect([...categoryWithDescendants(ALL, 'edu')].sort()).toEqual(['dgt', 'edu', 'ldr', 'new'])
    expect([...categoryWithDescendants(ALL, 'new')]).toEqual(['new'])
  })

  it('still shows every category once when two offline moves made a loop or a parent is missing', () => {
    const a = { id: 'a', name: '가', parentId: 'b' }
    const b = { id: 'b', name: '나', parentId: 'a' }
    const orphan = { id: 'o', name: '다', parentId: 'gone' }
    const nodes = categoryTree([a, b, orphan])
    expect(nodes.map((n) => n.category.id).sort()).toEqual(['a', 'b', 'o'])
    expect(nodes.every((n) => n.depth === 0)).toBe(true)
    expect(createsCategoryCycle([a, b, orphan], 'o', 'a')).toBe(false)
  })
})
