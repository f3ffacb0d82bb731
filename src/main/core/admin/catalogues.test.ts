import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WriteForbiddenError } from '../outbox/write-permission'
import { isGeneratedRecordCode } from '../../../shared/ids/record-code'
import { campaignSaveSchema, catalogueFieldErrors, industrySaveSchema } from '../../../shared/model/validation/catalogues'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { CatalogueRuleError, createCataloguesRepo, type CataloguesRepo } from './catalogues'
import { createTrashRepo } from '../records/trash'

const ADMIN = { id: testId(0xad), tier: 'EXECUTIVE' } as const
const STAFF = { id: testId(0x51), tier: 'OPERATOR' } as const
const MANAGER = { id: testId(0x52), tier: 'MANAGER' } as const

describe('campaigns and industries in administration (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: CataloguesRepo

  const refusal = (fn: () => unknown): string => {
    try {
      fn()
    } catch (error) {
      if (error instanceof CatalogueRuleError) return error.rule
      // The writer's permission check (table × operation), before anything is written.
      if (error instanceof WriteForbiddenError) return 'forbidden'
      throw error
    }
    throw new Error('expected a refusal')
  }

  beforeEach(() => {
    dir = createTempDir('crm-catalogues-')
    device = openRepoTestDevice(dir.file('replica.sqlite'))
    device.addUser({ id: ADMIN.id, lastName: '최', firstName: '대표', tier: 'EXECUTIVE' })
    device.addUser({ id: STAFF.id, lastName: '한', firstName: '사원' })
    device.addUser({ id: MANAGER.id, lastName: '윤', firstName: '팀장', tier: 'MANAGER' })
    device.signInAs(ADMIN)
    repo = createCataloguesRepo(device)
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  it('creates a campaign with a generated code, edits it, ends it by status, and sends each write to the outbox', () => {
    const created = repo.saveCampaign(
      campaignSaveSchema.parse({
        name: '2027 리더십 세미나',
        type: 'SEMINAR',
        startDate: '2027-03-02',
        endDate: '2027-03-31',
        budget: 15_000_000,
        ownerId: MANAGER.id,
      }),
    )
    expect(created).toHaveLength(1)
    const campaign = created[0]!
    expect(isGeneratedRecordCode('campaigns', campaign.code)).toBe(true)
    expect(campaign).toMatchObject({ name: '2027 리더십 세미나', status: 'PLANNED', budget: 15_000_000, ownerName: '윤팀장', leadCount: 0 })
    const ended = repo.saveCampaign(campaignSaveSchema.parse({ id: campaign.id, name: '2027 리더십 세미나', status: 'CANCELLED' }))
    expect(ended[0]).toMatchObject({ id: campaign.id, code: campaign.code, status: 'CANCELLED', startDate: null })
    expect(countRows(device.sqlite, 'outbox', "table_name = 'campaigns'")).toBe(2)
  })

  it('lists running campaigns before finished ones, with the leads and opportunities that name them', () => {
    repo.saveCampaign(campaignSaveSchema.parse({ name: '끝난 캠페인', status: 'COMPLETED', startDate: '2026-01-01' }))
    const [active] = repo.saveCampaign(campaignSaveSchema.parse({ name: '진행 캠페인', status: 'ACTIVE' }))
    device.sqlite
      .prepare(`INSERT INTO leads (id, code, company_name, contact_name, campaign_id) VALUES (?, 'LD-1', '가', '나', ?)`)
      .run(testId(0x901), active!.id)
    expect(repo.campaigns().map((c) => [c.name, c.leadCount])).toEqual([
      ['진행 캠페인', 1],
      ['끝난 캠페인', 0],
    ])
  })

  it('refuses an end date before the start in the app’s words, and a blank name, before anything is written', () => {
    const parsed = campaignSaveSchema.safeParse({ name: ' ', startDate: '2027-03-31', endDate: '2027-03-01', budget: -1 })
    expect(parsed.success).toBe(false)
    expect(catalogueFieldErrors(parsed.error!)).toEqual({
      name: 'validation.required',
      endDate: 'admin.catalogues.errors.endBeforeStart',
      budget: 'validation.number',
    })
    expect(catalogueFieldErrors(industrySaveSchema.safeParse({ code: '제조 업', name: '제조업' }).error!)).toEqual({
      code: 'admin.catalogues.errors.codeFormat',
    })
  })

  it('keeps industries as a tree, refuses a cycle and a code in use, and counts the companies filed under each', () => {
    const top = repo.saveIndustry(industrySaveSchema.parse({ code: 'MFG', name: '제조업' }))[0]!
    const sub = repo.saveIndustry(industrySaveSchema.parse({ code: 'SEMI', name: '반도체', parentId: top.id })).find((i) => i.code === 'SEMI')!
    device.sqlite.prepare(`INSERT INTO companies (id, code, name, industry_id) VALUES (?, 'C-1', '가나전자', ?)`).run(testId(0x801), sub.id)
    expect(repo.industries().map((i) => [i.name, i.depth, i.companyCount])).toEqual([
      ['제조업', 0, 0],
      ['반도체', 1, 1],
    ])
    expect(refusal(() => repo.saveIndustry(industrySaveSchema.parse({ id: top.id, code: 'MFG', name: '제조업', parentId: sub.id })))).toBe('industryCycle')
    expect(refusal(() => repo.saveIndustry(industrySaveSchema.parse({ code: 'mfg', name: '다른 제조' })))).toBe('duplicateCode')
    expect(countRows(device.sqlite, 'industries')).toBe(2)
  })

  it('lets only those the server would let write the lists (an operator is refused, a manager may)', () => {
    device.signInAs(STAFF)
    expect(refusal(() => repo.saveIndustry(industrySaveSchema.parse({ code: 'IT', name: '정보통신' })))).toBe('forbidden')
    expect(refusal(() => repo.saveCampaign(campaignSaveSchema.parse({ name: '몰래' })))).toBe('forbidden')
    expect(countRows(device.sqlite, 'outbox')).toBe(0)
    device.signInAs(MANAGER)
    expect(repo.saveIndustry(industrySaveSchema.parse({ code: 'IT', name: '정보통신' }))).toHaveLength(1)
  })

  it('deletes an industry with its sub-industries through the trash, counting the companies it keeps, and restores it', () => {
    const trash = createTrashRepo({ sqlite: device.sqlite, writer: device.writer, state: device.state, now: () => device.now().toISOString() })
    const top = repo.saveIndustry(industrySaveSchema.parse({ code: 'MFG', name: '제조업' }))[0]!
    const sub = repo.saveIndustry(industrySaveSchema.parse({ code: 'SEMI', name: '반도체', parentId: top.id })).find((i) => i.code === 'SEMI')!
    device.sqlite.prepare(`INSERT INTO companies (id, code, name, industry_id) VALUES (?, 'C-1', '가나전자', ?)`).run(testId(0x801), top.id)
    expect(trash.preview('industry', top.id)).toMatchObject({
      title: '제조업',
      children: [{ label: 'subIndustries', count: 1 }],
      references: [{ label: 'companies', count: 1 }],
    })
    const entry = trash.remove('industry', top.id)
    expect(repo.industries()).toEqual([])
    // The company keeps its industry_id: a restore makes it whole again.
    expect(device.sqlite.prepare('SELECT industry_id FROM companies').get()).toEqual({ industry_id: top.id })
    trash.restore(entry.id)
    expect(repo.industries().map((i) => i.id)).toEqual([top.id, sub.id])
  })
})
