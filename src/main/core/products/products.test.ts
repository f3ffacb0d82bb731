import { isGeneratedRecordCode } from '../../../shared/ids/record-code'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WriteForbiddenError } from '../outbox/write-permission'
import { categorySaveSchema, productSaveSchema, type CategorySaveInput, type ProductSaveInput } from '../../../shared/model/validation/products'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createProductsRepo, type ProductsRepo } from './products'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'

const MANAGER = { id: testId(0xa1), tier: 'MANAGER' } as const
const CONSULTANT = { id: testId(0xa2), tier: 'OPERATOR' } as const
const EDU = testId(0xca1)
const LDR = testId(0xca2)
const NEW_LEADER = testId(0xca3)

describe('products repository (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: ProductsRepo

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('products.sqlite'), '2026-11-25T00:10:00.000Z')
    device.addUser({ id: MANAGER.id, lastName: '김', firstName: '팀장', tier: 'MANAGER' })
    device.addUser({ id: CONSULTANT.id, lastName: '이', firstName: '컨설', tier: 'OPERATOR' })
    device.signInAs(MANAGER)
    repo = createProductsRepo(device)
    const w = device.writer
    w.upsert('product_categories', EDU, { code: 'EDU', name: '교육' })
    w.upsert('product_categories', LDR, { code: 'EDU-LDR', name: '리더십', parent_id: EDU })
    w.upsert('product_categories', NEW_LEADER, { code: 'EDU-LDR-NEW', name: '신임팀장', parent_id: LDR })
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const save = (input: ProductSaveInput) => repo.save(productSaveSchema.parse(input))
  const saveCategory = (input: CategorySaveInput) => repo.saveCategory(categorySaveSchema.parse(input))
  const pending = () => device.outbox.pendingBatch(10_000)

  it('creates a product with an offline-safe code and derives margin and margin % without storing them', () => {
    const product = save({
      name: '신임 팀장 리더십',
      categoryId: LDR,
      type: 'TRAINING',
      durationDays: 2,
      durationHours: 16,
      minParticipants: 10,
      maxParticipants: 30,
      listPrice: 3_000_000,
      cost: 1_800_000,
      objectives: ['코칭 대화', '', '  성과 면담 '],
      curriculum: [{ title: '리더의 역할', hours: 4 }],
      targetAudience: '신임 팀장',
    })
    expect(product.code).toSatisfy((code: string) => isGeneratedRecordCode('products', code))
    // 3,000,000 − 1,800,000 = 1,200,000; / 3,000,000 = 40 %
    expect(product).toMatchObject({ margin: 1_200_000, marginPercent: 40, objectives: ['코칭 대화', '성과 면담'], isActive: true })
    expect(product.curriculum).toEqual([{ title: '리더의 역할', hours: 4 }])
    const [entry] = pending().filter((e) => e.table === 'products')
    expect(Object.keys(entry!.fields)).not.toContain('margin')
    expect(repo.catalogue().products).toHaveLength(1)
  })

  it('updates only what changed, and refuses a taken code or min above max', () => {
    const first = save({ code: 'LDR-101', name: '팀장 리더십', listPrice: 1_000_000, cost: 600_000 })
    expect(first.code).toBe('LDR-101')
    const before = pending().length
    const updated = save({ id: first.id, code: 'LDR-101', name: '팀장 리더십', listPrice: 1_000_000, cost: 700_000 })
    expect(updated).toMatchObject({ margin: 300_000, marginPercent: 30 })
    const changed = pending().slice(before)
    expect(changed).toHaveLength(1)
    expect(Object.keys(changed[0]!.fields)).toEqual(['cost'])

    expect(() => save({ code: 'ldr-101', name: '다른 상품' })).toThrow(expect.objectContaining({ rule: 'duplicateCode' }))
    expect(() => productSaveSchema.parse({ name: 'x', minParticipants: 30, maxParticipants: 10 })).toThrow()
    expect(() => repo.save({ ...productSaveSchema.parse({ name: 'x' }), minParticipants: 30, maxParticipants: 10 })).toThrow(
      expect.objectContaining({ rule: 'participantsRange' }),
    )
    expect(() => productSaveSchema.parse({ name: 'x', listPrice: -1 })).toThrow()
    expect(() => save({ name: 'x', categoryId: testId(0xdead) })).toThrow(expect.objectContaining({ rule: 'categoryNotFound' }))
    expect(countRows(device.sqlite, 'products')).toBe(1)
  })

  it('creates, renames and moves categories, refusing a move under itself or a descendant', () => {
    const created = saveCategory({ name: '디지털', parentId: EDU })
    const digital = created.categories.find((c) => c.name === '디지털')!
    expect(digital.code).toSatisfy((code: string) => isGeneratedRecordCode('product_categories', code))
    saveCategory({ id: LDR, code: 'EDU-LDR', name: '리더십 과정', parentId: EDU })
    expect(repo.catalogue().categories.find((c) => c.id === LDR)!.name).toBe('리더십 과정')

    const before = pending().length
    expect(() => saveCategory({ id: EDU, code: 'EDU', name: '교육', parentId: NEW_LEADER })).toThrow(expect.objectContaining({ rule: 'categoryCycle' }))
    expect(() => saveCategory({ id: LDR, code: 'EDU-LDR', name: '리더십', parentId: LDR })).toThrow(expect.objectContaining({ rule: 'categoryCycle' }))
    expect(pending().length).toBe(before)
    const moved = saveCategory({ id: NEW_LEADER, code: 'EDU-LDR-NEW', name: '신임팀장', parentId: digital.id })
    expect(moved.categories.find((c) => c.id === NEW_LEADER)!.parentId).toBe(digital.id)
  })

  it('lets a consultant read the catalogue but not write it (tier default), nothing reaches the outbox', () => {
    const product = save({ name: '영업 협상', listPrice: 500_000, cost: 200_000 })
    device.signInAs(CONSULTANT)
    expect(repo.get(product.id)).toMatchObject({ margin: 300_000, marginPercent: 60 })
    const before = pending().length
    // The writer's permission check (table × operation) refuses before anything is written.
    expect(() => save({ id: product.id, name: '영업 협상 심화' })).toThrow(WriteForbiddenError)
    expect(() => saveCategory({ name: '새 분류' })).toThrow(WriteForbiddenError)
    expect(pending().length).toBe(before)
  })
})
