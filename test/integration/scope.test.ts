/**
 * Scopes as devices experience them (docs/architecture.md §7), with real devices and a real server:
 * - an OPERATOR's device holds only the companies they manage (+ branches and contacts) and the reference data;
 * - reassigning a company (account_manager_id) to another operator removes the company AND its branches and contacts
 *   from the first operator's device and delivers them to the second's — rows that did not themselves change;
 *   a pending local edit of the row that left is rejected with a reason, never silently dropped;
 * - a MANAGER's device holds their team members' rows, and loses them when they leave the team's scope.
 * Setup (team, members, reference data, companies) is written through an EXECUTIVE's device, not SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDevice } from '../support/device/test-device'
import type { TestUser } from '../../sync-server/test/support'
import { localIds, localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let exec: TestUser
let manager: TestUser
let op1: TestUser
let op2: TestUser
let admin: TestDevice

interface Tree {
  readonly company: string
  readonly branch: string
  readonly contact: string
}

const trees: Record<'op1' | 'op2' | 'exec', Tree> = {} as Record<'op1' | 'op2' | 'exec', Tree>
let team: string
let industry: string

function writeTree(device: TestDevice, accountManager: string, name: string): Tree {
  const tree = { company: newId(), branch: newId(), contact: newId() }
  device.writer.transaction(() => {
    device.writer.upsert('companies', tree.company, { code: uniqueCode('C'), name, account_manager_id: accountManager, industry_id: industry })
    device.writer.upsert('branches', tree.branch, { company_id: tree.company, code: uniqueCode('B'), name: '본사' })
    device.writer.upsert('contacts', tree.contact, { branch_id: tree.branch, first_name: '민수', last_name: '김' })
  })
  return tree
}

beforeAll(async () => {
  h = await startHarness()
  exec = await h.user('EXECUTIVE', '최대표')
  manager = await h.user('MANAGER', '정팀장')
  op1 = await h.user('OPERATOR', '한사원')
  op2 = await h.user('OPERATOR', '윤사원')
  admin = await h.signedInDevice(exec, { name: 'exec' })
  await h.catchUp(admin)
  team = newId()
  industry = newId()
  admin.writer.transaction(() => {
    admin.writer.upsert('industries', industry, { code: uniqueCode('IND'), name: '교육서비스업' })
    admin.writer.upsert('teams', team, { code: uniqueCode('T'), name: '영업1팀', team_lead_id: manager.id })
    admin.writer.upsert('team_members', newId(), { team_id: team, user_id: manager.id, role: 'LEAD' })
    admin.writer.upsert('team_members', newId(), { team_id: team, user_id: op1.id })
  })
  trees.op1 = writeTree(admin, op1.id, '한빛교육')
  trees.op2 = writeTree(admin, op2.id, '윤슬컨설팅')
  trees.exec = writeTree(admin, exec.id, '본사직영')
  await admin.syncNow()
  expect(admin.writer.listRejected().map((r) => `${r.table}: ${r.rejectReason}`)).toEqual([])
  expect(admin.writer.pendingCount()).toBe(0)
})
afterAll(async () => {
  await h?.close()
})

const customerIds = (device: TestDevice) => ({
  companies: localIds(device, 'companies'),
  branches: localIds(device, 'branches'),
  contacts: localIds(device, 'contacts'),
})
const idsOf = (...list: Tree[]) => ({
  companies: list.map((t) => t.company).sort(),
  branches: list.map((t) => t.branch).sort(),
  contacts: list.map((t) => t.contact).sort(),
})

describe('scopes on real devices', () => {
  it("an operator's device receives only their companies (+ branches, contacts) and all reference data", async () => {
    const device = await h.signedInDevice(op1, { name: 'op1-first' })
    await h.catchUp(device)
    expect(customerIds(device)).toEqual(idsOf(trees.op1))
    expect(localIds(device, 'users')).toEqual(expect.arrayContaining([exec.id, manager.id, op1.id, op2.id]))
    expect(localIds(device, 'teams')).toContain(team)
    expect(localIds(device, 'industries')).toContain(industry)
    expect(localIds(device, 'team_members')).toHaveLength(2)
    // The user directory never carries secrets (there is no such column on the device; nothing extra arrived).
    expect(Object.keys(localRow(device, 'users', exec.id)!)).not.toContain('password_hash')
    await device.close()
  })

  it("a manager's device holds the team members' rows and their own, not other operators'", async () => {
    const device = await h.signedInDevice(manager, { name: 'manager-first' })
    await h.catchUp(device)
    expect(customerIds(device)).toEqual(idsOf(trees.op1))
    await device.close()
  })

  it('reassigning a company moves it, with its branches and contacts, from one operator’s device to the other’s', async () => {
    // A fresh tree so this test does not depend on the order of the others.
    const tree = writeTree(admin, op1.id, '이전대상')
    await admin.syncNow()
    const first = await h.signedInDevice(op1, { name: 'op1' })
    const second = await h.signedInDevice(op2, { name: 'op2' })
    const boss = await h.signedInDevice(manager, { name: 'manager' })
    for (const device of [first, second, boss]) await h.catchUp(device)
    expect(customerIds(first)).toEqual(idsOf(trees.op1, tree))
    expect(customerIds(second)).toEqual(idsOf(trees.op2))
    expect(customerIds(boss)).toEqual(idsOf(trees.op1, tree))

    // op1 edits the contact offline while the executive reassigns the company to op2.
    first.writer.upsert('contacts', tree.contact, { notes: '이관 전 메모' })
    await h.catchUp(admin)
    admin.writer.upsert('companies', tree.company, { account_manager_id: op2.id })
    await admin.syncNow()
    expect(admin.writer.rejectedCount()).toBe(0)

    await h.catchUp(first)
    expect(customerIds(first)).toEqual(idsOf(trees.op1))
    expect(localRow(first, 'branches', tree.branch)).toBeUndefined()
    // The edit that could not reach the server is kept and shown, not silently lost.
    const rejected = first.writer.listRejected()
    expect(rejected.map((r) => r.rowId)).toEqual([tree.contact])
    expect(rejected[0]!.rejectReason).toMatch(/scope/)
    expect(first.writer.pendingCount()).toBe(0)

    await h.catchUp(second)
    expect(customerIds(second)).toEqual(idsOf(trees.op2, tree))
    expect(localRow(second, 'companies', tree.company)).toMatchObject({ account_manager_id: op2.id, name: '이전대상' })
    expect(localRow(second, 'contacts', tree.contact)?.notes).toBeNull()

    // op2 is not in the manager's team: the rows leave the manager's device too.
    await h.catchUp(boss)
    expect(customerIds(boss)).toEqual(idsOf(trees.op1))

    // op2 can now work on it; the server agrees.
    second.writer.upsert('contacts', tree.contact, { notes: '인수 후 메모' })
    await second.syncNow()
    expect(second.writer.rejectedCount()).toBe(0)
    const { rows } = await h.pool.query(`SELECT notes FROM contacts WHERE id = $1`, [tree.contact])
    expect(rows[0].notes).toBe('인수 후 메모')

    // And back: the first operator's device receives the whole tree again, with op2's edit.
    admin.writer.upsert('companies', tree.company, { account_manager_id: op1.id })
    await h.catchUp(admin)
    await h.catchUp(first)
    expect(customerIds(first)).toEqual(idsOf(trees.op1, tree))
    expect(localRow(first, 'contacts', tree.contact)?.notes).toBe('인수 후 메모')
    await h.catchUp(second)
    expect(customerIds(second)).toEqual(idsOf(trees.op2))
    for (const device of [first, second, boss]) await device.close()
  })

  it('a new team member brings their rows to the manager’s device; removing them takes the rows away', async () => {
    const boss = await h.signedInDevice(manager, { name: 'manager-team' })
    await h.catchUp(boss)
    expect(localIds(boss, 'companies')).not.toContain(trees.op2.company)
    const membership = newId()
    admin.writer.upsert('team_members', membership, { team_id: team, user_id: op2.id })
    await h.catchUp(admin)
    await h.catchUp(boss)
    expect(localIds(boss, 'companies')).toContain(trees.op2.company)
    expect(localIds(boss, 'contacts')).toContain(trees.op2.contact)

    admin.writer.remove('team_members', membership)
    await h.catchUp(admin)
    await h.catchUp(boss)
    expect(localIds(boss, 'companies')).not.toContain(trees.op2.company)
    expect(localIds(boss, 'contacts')).not.toContain(trees.op2.contact)
    await boss.close()
  })
})
