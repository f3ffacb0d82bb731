import { describe, expect, it } from 'vitest'
import { isValidBusinessNumber } from '../shared/domain/business-number'
import { isValidCorporateNumber } from '../shared/domain/corporate-number'
import { isValidEmail } from '../shared/domain/email'
import { isValidPhone } from '../shared/domain/phone'
import { SYNCED_TABLES } from '../shared/model/tables'
import { DEMO_ACCOUNTS } from './accounts'
import { DAY_MS } from './clock'
import { generateDemoData, generateDemoTables, resolveReferenceTime, type WireRow } from './generate'
import { FAMILY_NAMES } from './korean-data'

const OPTIONS = { seed: 'vitest', scale: 3_000 } as const
const tables = generateDemoTables(OPTIONS)
const rowsOf = (table: string): WireRow[] => tables.get(table as never) ?? []
const nowMs = resolveReferenceTime(OPTIONS)
const today = new Date(nowMs + 9 * 3_600_000).toISOString().slice(0, 10)
const byId = (table: string) => new Map(rowsOf(table).map((r) => [r.id as string, r]))

describe('generateDemoData', () => {
  it('yields every synced table once, in SYNCED_TABLES order', () => {
    expect([...generateDemoData(OPTIONS)].map((b) => b.table)).toEqual([...SYNCED_TABLES])
  })

  it('is deterministic: same seed → identical rows; another seed → different rows', () => {
    const again = generateDemoTables(OPTIONS)
    expect(JSON.stringify([...again])).toBe(JSON.stringify([...tables]))
    const other = generateDemoTables({ ...OPTIONS, seed: 'other' })
    expect(other.get('companies')![0]!.id).not.toBe(rowsOf('companies')[0]!.id)
    expect(other.get('companies')!.map((c) => c.name)).not.toEqual(rowsOf('companies').map((c) => c.name))
  })

  it('depends on the reference time, not on the clock', () => {
    expect(resolveReferenceTime({ seed: 1, scale: 1000 })).toBe(resolveReferenceTime({ seed: 1, scale: 1000 }))
    const moved = generateDemoTables({ ...OPTIONS, referenceTime: '2027-03-02T00:00:00Z' })
    expect(moved.get('companies')!.map((c) => c.name)).toEqual(rowsOf('companies').map((c) => c.name))
    expect(moved.get('companies')![0]!.created_at).not.toBe(rowsOf('companies')[0]!.created_at)
  })

  it('produces about `scale` rows', () => {
    for (const scale of [10_000, 30_000]) {
      let total = 0
      for (const { rows } of generateDemoData({ seed: 3, scale })) total += rows.length
      expect(total).toBeGreaterThan(scale * 0.75)
      expect(total).toBeLessThan(scale * 1.25)
    }
  })

  it('gives every row a unique UUIDv7 id', () => {
    const ids = new Set<string>()
    for (const [, rows] of tables) {
      for (const row of rows) {
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
        ids.add(row.id as string)
      }
    }
    expect(ids.size).toBe([...tables.values()].reduce((n, rows) => n + rows.length, 0))
  })
})

describe('the organisation', () => {
  const users = rowsOf('users')
  it('includes the well-known demo accounts with fixed ids', () => {
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const user = users.find((u) => u.id === account.id)
      expect(user).toMatchObject({ email: account.email, user_tier: account.tier, last_name: account.lastName, first_name: account.firstName, is_active: true })
    }
    const other = generateDemoTables({ seed: 'x', scale: 1_000 }).get('users')!
    expect(other.find((u) => u.email === 'manager@augu.demo')?.id).toBe(DEMO_ACCOUNTS.manager.id)
  })

  it('has all three tiers: few executives, a manager leading each team, operators the most', () => {
    const count = (tier: string) => users.filter((u) => u.user_tier === tier).length
    expect(count('EXECUTIVE')).toBeGreaterThanOrEqual(1)
    expect(count('EXECUTIVE')).toBeLessThanOrEqual(5)
    expect(count('OPERATOR')).toBeGreaterThan(count('MANAGER'))
    const members = rowsOf('team_members')
    for (const team of rowsOf('teams')) {
      const lead = users.find((u) => u.id === team.team_lead_id)
      expect(lead?.user_tier).toBe('MANAGER')
      expect(members.filter((m) => m.team_id === team.id && m.role === 'LEAD' && m.left_at === null)).toHaveLength(1)
    }
    // The manager leads the consultant's team (the MANAGER scope demo).
    const managerTeam = rowsOf('teams').find((t) => t.team_lead_id === DEMO_ACCOUNTS.manager.id)!
    expect(members.some((m) => m.team_id === managerTeam.id && m.user_id === DEMO_ACCOUNTS.consultant.id && m.left_at === null)).toBe(true)
  })

  it('grants roles a resource × action matrix', () => {
    const permissions = rowsOf('permissions')
    expect(new Set(permissions.map((p) => `${p.resource}:${p.action}`)).size).toBe(permissions.length)
    const admin = rowsOf('roles').find((r) => r.name === 'ADMIN')!
    const adminGrants = rowsOf('role_permissions').filter((rp) => rp.role_id === admin.id)
    expect(adminGrants).toHaveLength(permissions.length)
    const pairs = rowsOf('role_permissions').map((rp) => `${rp.role_id}:${rp.permission_id}`)
    expect(new Set(pairs).size).toBe(pairs.length)
  })
})

describe('Korean business data', () => {
  it('gives every company a valid, unique business number and corporations a valid corporate number', () => {
    const companies = rowsOf('companies')
    expect(companies.length).toBeGreaterThan(10)
    for (const company of companies) {
      expect(isValidBusinessNumber(company.business_number as string)).toBe(true)
      if (company.corporate_number !== null) expect(isValidCorporateNumber(company.corporate_number as string)).toBe(true)
    }
    expect(new Set(companies.map((c) => c.business_number)).size).toBe(companies.length)
    for (const branch of rowsOf('branches')) {
      if (branch.business_number !== null) expect(isValidBusinessNumber(branch.business_number as string)).toBe(true)
    }
  })

  it('writes people family name first (last_name is the 성) with Korean given names', () => {
    const families = new Set(FAMILY_NAMES.map(([name]) => name))
    for (const table of ['users', 'contacts', 'instructors', 'trainees']) {
      for (const row of rowsOf(table)) {
        expect(families.has(row.last_name as string)).toBe(true)
        expect(row.first_name).toMatch(/^[가-힣]{2}$/)
      }
    }
    const contactNames = rowsOf('leads').map((l) => l.contact_name as string)
    for (const name of contactNames) expect(families.has(name.slice(0, name.length - 2))).toBe(true)
  })

  it('stores phones as valid digit strings and e-mails as valid addresses', () => {
    const phoneColumns: Record<string, string[]> = {
      users: ['phone'],
      contacts: ['phone', 'mobile'],
      branches: ['phone', 'fax'],
      instructors: ['phone'],
      trainees: ['phone'],
      leads: ['phone'],
    }
    for (const [table, columns] of Object.entries(phoneColumns)) {
      for (const row of rowsOf(table)) {
        for (const column of columns) {
          const value = row[column]
          if (value === null) continue
          expect(value).toMatch(/^\d+$/)
          expect(isValidPhone(value as string)).toBe(true)
        }
      }
    }
    for (const table of ['users', 'contacts', 'instructors', 'trainees', 'leads', 'branches']) {
      for (const row of rowsOf(table)) if (row.email !== null) expect(isValidEmail(row.email as string)).toBe(true)
    }
    expect(
      rowsOf('contacts')
        .filter((c) => c.mobile !== null)
        .every((c) => (c.mobile as string).startsWith('010')),
    ).toBe(true)
  })

  it('keeps money in whole won, deals between 5백만 and 5억', () => {
    for (const opportunity of rowsOf('opportunities')) {
      expect(Number.isSafeInteger(opportunity.amount)).toBe(true)
      expect(opportunity.amount).toBeGreaterThanOrEqual(5_000_000)
      expect(opportunity.amount).toBeLessThanOrEqual(500_000_000)
    }
    for (const table of ['companies', 'contracts', 'projects', 'products']) {
      for (const row of rowsOf(table)) {
        for (const column of ['annual_revenue', 'credit_limit', 'amount', 'budget', 'actual_cost', 'revenue', 'list_price', 'cost']) {
          if (row[column] !== undefined && row[column] !== null) expect(Number.isSafeInteger(row[column])).toBe(true)
        }
      }
    }
  })
})

describe('wire encoding and time', () => {
  const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
  const DATE = /^\d{4}-\d{2}-\d{2}$/
  const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
  const TIMESTAMP_COLUMNS = /_at$|^submitted_at$|^start_time$|^end_time$/
  const DATE_COLUMNS = /(^|_)date$|^birthday$/
  const TIME_COLUMNS = /^(start|end|check_in|check_out)_time$/

  it('encodes timestamps, dates and times as the wire does', () => {
    for (const [table, rows] of tables) {
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (value === null) continue
          if (table === 'activities' && (column === 'start_time' || column === 'end_time')) expect(value).toMatch(ISO)
          else if (TIME_COLUMNS.test(column)) expect(value).toMatch(TIME)
          else if (TIMESTAMP_COLUMNS.test(column)) expect(value).toMatch(ISO)
          else if (DATE_COLUMNS.test(column)) expect(value).toMatch(DATE)
        }
      }
    }
  })

  it('never dates a row after the reference time, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const options = { seed, scale: 2_000 }
      const now = resolveReferenceTime(options)
      for (const { table, rows } of generateDemoData(options)) {
        for (const row of rows) {
          expect(Date.parse(row.created_at as string), table).toBeLessThanOrEqual(now)
          expect(Date.parse(row.updated_at as string), table).toBeLessThanOrEqual(now)
        }
      }
    }
  })

  it('places rows in the two years before the reference time; almost nothing is deleted', () => {
    let deleted = 0
    let total = 0
    const earliest = nowMs - 735 * DAY_MS
    for (const [, rows] of tables) {
      for (const row of rows) {
        total++
        const created = Date.parse(row.created_at as string)
        const updated = Date.parse(row.updated_at as string)
        expect(created).toBeGreaterThanOrEqual(earliest)
        expect(created).toBeLessThanOrEqual(nowMs)
        expect(updated).toBeGreaterThanOrEqual(created)
        expect(updated).toBeLessThanOrEqual(nowMs)
        if (row.deleted_at !== null) {
          deleted++
          expect(row.deleted_by).not.toBeNull()
        }
      }
    }
    expect(deleted / total).toBeLessThan(0.01)
  })
})

describe('consistency between tables', () => {
  it('records stage history that ends in the opportunity’s stage', () => {
    const history = rowsOf('opportunity_stage_history')
    for (const opportunity of rowsOf('opportunities')) {
      const entries = history.filter((h) => h.opportunity_id === opportunity.id)
      expect(entries.length).toBeGreaterThan(0)
      expect(entries[0]!.from_stage).toBeNull()
      expect(entries[0]!.to_stage).toBe('QUALIFYING')
      expect(entries[entries.length - 1]!.to_stage).toBe(opportunity.stage)
      for (let i = 1; i < entries.length; i++) {
        expect(entries[i]!.from_stage).toBe(entries[i - 1]!.to_stage)
        expect(entries[i]!.changed_at! >= entries[i - 1]!.changed_at!).toBe(true)
      }
      const closed = opportunity.stage === 'CLOSED_WON' || opportunity.stage === 'CLOSED_LOST'
      expect(opportunity.actual_close_date !== null).toBe(closed)
    }
  })

  it('writes contracts for won deals (drafts only in negotiation) and projects for signed contracts', () => {
    const opportunities = byId('opportunities')
    for (const contract of rowsOf('contracts')) {
      const stage = opportunities.get(contract.opportunity_id as string)!.stage
      expect(contract.status === 'DRAFT' ? stage === 'NEGOTIATION' : stage === 'CLOSED_WON').toBe(true)
    }
    const won = rowsOf('opportunities').filter((o) => o.stage === 'CLOSED_WON')
    expect(rowsOf('contracts').filter((c) => c.status !== 'DRAFT')).toHaveLength(won.length)
    const contracts = byId('contracts')
    for (const project of rowsOf('projects')) {
      const contract = contracts.get(project.contract_id as string)!
      expect(contract.status).not.toBe('DRAFT')
      expect(project.company_id).toBe(contract.company_id)
    }
  })

  it('schedules classes inside their session, and attendance only for classes that took place', () => {
    const sessions = byId('training_sessions')
    const classes = byId('training_classes')
    for (const c of classes.values()) {
      const session = sessions.get(c.session_id as string)!
      expect(c.date! >= session.start_date! && c.date! <= session.end_date!).toBe(true)
      expect(c.start_time! < c.end_time!).toBe(true)
      if (c.date! > today) expect(['SCHEDULED', 'CANCELLED']).toContain(c.status)
    }
    const attended = new Set<string>()
    for (const record of rowsOf('attendance_records')) {
      const c = classes.get(record.class_id as string)!
      expect(c.date! <= today).toBe(true)
      attended.add(c.id as string)
    }
    // Every class that is over and had confirmed trainees has its attendance taken.
    const confirmed = new Set(
      rowsOf('enrollments')
        .filter((e) => e.status === 'CONFIRMED')
        .map((e) => e.class_id as string),
    )
    for (const c of classes.values()) {
      if (c.date! < today && c.status === 'COMPLETED' && confirmed.has(c.id as string)) expect(attended.has(c.id as string)).toBe(true)
      if (c.date! > today) expect(attended.has(c.id as string)).toBe(false)
    }
    expect(rowsOf('attendance_records').length).toBeGreaterThan(0)
  })

  it('qualifies leads consistently with BANT and links converted ones', () => {
    for (const lead of rowsOf('leads')) {
      const met = ['bant_budget', 'bant_authority', 'bant_need', 'bant_timeline'].filter((k) => lead[k] === true).length
      if (lead.status === 'CONVERTED' || lead.status === 'QUALIFIED') expect(met).toBeGreaterThanOrEqual(3)
      if (lead.status === 'UNQUALIFIED') expect(met).toBeLessThanOrEqual(1)
      expect(lead.converted_to_opportunity_id !== null).toBe(lead.status === 'CONVERTED')
      expect(lead.converted_at !== null).toBe(lead.status === 'CONVERTED')
    }
  })

  it('keeps meeting minutes to meetings that took place', () => {
    const meetings = byId('meetings')
    for (const minutes of rowsOf('meeting_minutes')) expect(meetings.get(minutes.meeting_id as string)!.status).toBe('COMPLETED')
    for (const meeting of meetings.values()) {
      if (meeting.date! > today) expect(meeting.status).toBe('SCHEDULED')
    }
  })
})
