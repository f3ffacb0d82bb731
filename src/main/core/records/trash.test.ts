import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DELETABLE_KINDS, DELETION_RULES, withinTombstoneHorizon, type ChildRule } from '../../../shared/domain/deletion'
import { companyCreateSchema, contactCreateSchema } from '../../../shared/model/validation/customers'
import { openRepoHarness, type RepoHarness } from '../../../../test/support/device/repos'

let h: RepoHarness
beforeEach(() => {
  h = openRepoHarness()
})
afterEach(() => h.close())

function companyWithPeople(name: string, people: number): { companyId: string; branchId: string; contactIds: string[] } {
  const created = h.repos.companies.create(companyCreateSchema.parse({ name }), { allowDuplicates: true })
  if (created.status !== 'created') throw new Error('not created')
  const branchId = h.repos.companyPage.get(created.id).branches[0]?.id ?? ''
  const contactIds = Array.from({ length: people }, (_, i) => {
    const result = h.repos.contacts.createContact(contactCreateSchema.parse({ branchId, lastName: '김', firstName: `직원${i}` }), {
      allowDuplicates: true,
    })
    if (result.status !== 'created') throw new Error('contact not created')
    return result.id
  })
  return { companyId: created.id, branchId, contactIds }
}

const live = (table: string, id: string): boolean =>
  (h.sqlite.prepare(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as { deleted_at: string | null }).deleted_at === null

describe('trash', () => {
  it('says what a delete takes with it, with counts, before anything is written', () => {
    const { companyId, branchId } = companyWithPeople('한빛전자', 3)
    const pending = h.writer.pendingCount()
    expect(h.records.trash.preview('company', companyId)).toEqual({
      kind: 'company',
      id: companyId,
      title: '한빛전자',
      children: [
        { label: 'branches', count: 1 },
        { label: 'contacts', count: 3 },
      ],
      references: [],
    })
    expect(h.records.trash.preview('branch', branchId).children).toEqual([{ label: 'contacts', count: 3 }])
    expect(h.writer.pendingCount()).toBe(pending)
  })

  it('deletes with the children, lists it, and restores exactly what it took', () => {
    const { companyId, branchId, contactIds } = companyWithPeople('한빛전자', 3)
    const [alone, ...others] = contactIds
    // Deleted on its own first: the company's restore must not bring it back.
    h.records.trash.remove('contact', alone ?? '')
    const entry = h.records.trash.remove('company', companyId)
    expect(entry).toMatchObject({
      kind: 'company',
      title: '한빛전자',
      children: [
        { label: 'branches', count: 1 },
        { label: 'contacts', count: 2 },
      ],
    })
    expect(live('companies', companyId)).toBe(false)
    expect(others.every((id) => !live('contacts', id))).toBe(true)
    expect(h.records.trash.list().map((e) => e.title)).toEqual(['한빛전자', '김직원0'])

    expect(h.records.trash.restore(entry.id)).toEqual({ restored: 4 })
    expect(live('companies', companyId) && live('branches', branchId)).toBe(true)
    expect(others.every((id) => live('contacts', id))).toBe(true)
    expect(live('contacts', alone ?? '')).toBe(false)
    expect(h.records.trash.list().map((e) => e.title)).toEqual(['김직원0'])
    // Restored rows go to the server as undeletes.
    expect(h.writer.pendingCount()).toBeGreaterThan(0)
  })

  it('refuses a restore that is no longer possible, and hides entries past the tombstone horizon', () => {
    const { companyId } = companyWithPeople('한빛전자', 0)
    const entry = h.records.trash.remove('company', companyId)
    h.writer.restore('companies', companyId)
    expect(h.records.trash.list()).toEqual([])
    expect(() => h.records.trash.restore(entry.id)).toThrow(/No restorable/)
    expect(withinTombstoneHorizon('2026-01-01T00:00:00.000Z', '2026-03-31T00:00:00.000Z')).toBe(true)
    expect(withinTombstoneHorizon('2026-01-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z')).toBe(false)
  })

  it('every rule names real soft-delete tables and columns of the replica', () => {
    const check = (table: string, columns: string): void => {
      expect(() => h.sqlite.prepare(`SELECT ${columns}, deleted_at FROM ${table} LIMIT 0`).all()).not.toThrow()
    }
    const walk = (rules: readonly ChildRule[]): void => {
      for (const rule of rules) {
        check(rule.table, `id, ${rule.parentColumn}`)
        walk(rule.children ?? [])
      }
    }
    for (const kind of DELETABLE_KINDS) {
      const rule = DELETION_RULES[kind]
      check(rule.table, `id, ${rule.titleSql}`)
      walk(rule.children)
      for (const ref of rule.references ?? []) check(ref.table, `id, ${ref.column}`)
      expect(() => h.records.trash.preview(kind, '0190a000-0000-7000-8000-0000000000ff')).toThrow(/No /)
    }
  })
  it('names a KPI target by its KPI and period as the screens do (2026 Q4, 2026 H1, 2026-03, 2026)', () => {
    h.sqlite.prepare("INSERT INTO kpi_definitions (id, code, name) VALUES ('d1', 'KPI-CMPL', '고객 불만 건수')").run()
    const insert = h.sqlite.prepare(
      `INSERT INTO kpi_targets (id, kpi_definition_id, period_type, period_year, period_quarter, period_half, period_month, target_value)
       VALUES (?, 'd1', ?, 2026, ?, ?, ?, 5)`,
    )
    insert.run('q', 'QUARTER', 4, null, null)
    insert.run('h', 'HALF', null, 1, null)
    insert.run('m', 'MONTH', null, null, 3)
    insert.run('y', 'YEAR', null, null, null)
    // Was "고객 불만 건수 2026-4" for a quarter (read as April) and "2026" for a half.
    expect(['q', 'h', 'm', 'y'].map((id) => h.records.trash.preview('kpiTarget', id).title)).toEqual([
      '고객 불만 건수 2026 Q4',
      '고객 불만 건수 2026 H1',
      '고객 불만 건수 2026-03',
      '고객 불만 건수 2026',
    ])
  })
})
