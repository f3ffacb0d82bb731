/**
 * Issue 6 proof: an administrator moves a team manager to another team on their own device, through the admin
 * repository (the same code the 관리 screen calls). After sync, the manager's device holds the new team's customers
 * and no longer the old team's — nobody touched those rows; the server recomputed the manager's scope from the
 * membership change (left_at on the old team, a new membership on the new one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAdminRepo } from '../../src/main/core/admin/admin'
import { repoContextOf } from '../../src/main/core/common/context'
import type { TestDevice } from '../support/device/test-device'
import { teamSaveSchema, userSaveSchema } from '../../src/shared/model/validation/admin'
import type { TestUser } from '../../sync-server/test/support'
import { localIds, localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let exec: TestUser
let manager: TestUser
let opA: TestUser
let opB: TestUser
let admin: TestDevice

const companyA = newId()
const companyB = newId()

beforeAll(async () => {
  h = await startHarness()
  exec = await h.user('EXECUTIVE', '최대표')
  manager = await h.user('MANAGER', '정팀장')
  opA = await h.user('OPERATOR', '한사원')
  opB = await h.user('OPERATOR', '윤사원')
  admin = await h.signedInDevice(exec, { name: 'admin' })
  await h.catchUp(admin)
})
afterAll(async () => {
  await h?.close()
})

describe('an administrator changes a team on the admin screen', () => {
  it("moving a manager to another team brings the new team's records to their device and takes the old team's away", async () => {
    const repo = createAdminRepo(repoContextOf(admin, () => new Date()))
    // The organisation, built through the admin repository as an administrator would.
    repo.saveTeam(teamSaveSchema.parse({ code: uniqueCode('T'), name: '기업영업1팀', departmentId: null, leadId: null }))
    repo.saveTeam(teamSaveSchema.parse({ code: uniqueCode('T'), name: '기업영업2팀', departmentId: null, leadId: null }))
    const teamA = repo.teams().find((t) => t.name === '기업영업1팀')!.id
    const teamB = repo.teams().find((t) => t.name === '기업영업2팀')!.id
    repo.saveUser(userSaveSchema.parse({ id: manager.id, teamIds: [teamA] }))
    repo.saveUser(userSaveSchema.parse({ id: opA.id, teamIds: [teamA] }))
    repo.saveUser(userSaveSchema.parse({ id: opB.id, teamIds: [teamB] }))
    admin.writer.transaction(() => {
      admin.writer.upsert('companies', companyA, { code: uniqueCode('C'), name: '한빛교육', account_manager_id: opA.id })
      admin.writer.upsert('companies', companyB, { code: uniqueCode('C'), name: '윤슬컨설팅', account_manager_id: opB.id })
    })
    await admin.syncNow()
    expect(admin.writer.listRejected().map((r) => `${r.table}: ${r.rejectReason}`)).toEqual([])

    const managerDevice = await h.signedInDevice(manager, { name: 'manager' })
    await h.catchUp(managerDevice)
    expect(localIds(managerDevice, 'companies')).toContain(companyA)
    expect(localIds(managerDevice, 'companies')).not.toContain(companyB)

    // The move: one save on the admin device (leave team A, join team B), synced like any edit.
    const moved = repo.saveUser(userSaveSchema.parse({ id: manager.id, teamIds: [teamB] }))
    expect(moved.teams.map((t) => t.teamId)).toEqual([teamB])
    expect(admin.writer.pendingCount()).toBeGreaterThan(0)
    await h.catchUp(admin)
    expect(admin.writer.listRejected()).toEqual([])
    expect(admin.writer.pendingCount()).toBe(0)

    await h.catchUp(managerDevice)
    expect(localIds(managerDevice, 'companies')).toContain(companyB)
    expect(localIds(managerDevice, 'companies')).not.toContain(companyA)
    expect(localRow(managerDevice, 'companies', companyB)).toMatchObject({ name: '윤슬컨설팅', account_manager_id: opB.id })
    // The history stays: the old membership is closed, not deleted, on the server and on the manager's device.
    const { rows } = await h.pool.query(`SELECT team_id, left_at, deleted_at FROM team_members WHERE user_id = $1 ORDER BY joined_at`, [manager.id])
    expect(rows.map((r: { team_id: string; left_at: Date | null; deleted_at: Date | null }) => [r.team_id, r.left_at !== null, r.deleted_at])).toEqual([
      [teamA, true, null],
      [teamB, false, null],
    ])
    await managerDevice.close()
  })
})
