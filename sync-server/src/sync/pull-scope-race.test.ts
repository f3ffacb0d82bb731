/**
 * A log page is judged with a scope at least as new as its ceiling (pull.ts). A rights change (here: a member leaves
 * a manager's team, so the manager's principals shrink) writes `leave` entries for the manager in its own
 * transaction. If it commits after the scope was read but before the ceiling, its entries are below the ceiling and
 * the page consumes them: judged by the principals from before the change, the rows it took away would be sent as
 * changes and the device would keep them for good. Both pull paths: the general one (scope after the ceiling) and the
 * one that starts from the empty-pull statement (scope from the rights cache at the authz epoch read with the page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse } from '../../../src/shared/sync/protocol'
import {
  branchFields,
  companyFields,
  contactFields,
  createTeam,
  newId,
  signedInDevice,
  pushApplied,
  startSyncTestEnv,
  type SyncTestEnv,
  type TestDevice,
} from '../../test/support/sync-kit'
import { pull } from './pull'
import { rightsAt, rightsCacheFor } from './rights-cache'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

/** A manager who sees, through their team, a member's company with a branch and a contact; and how to end that. */
async function managerSeeingMemberRows(): Promise<{ manager: TestDevice; company: string; contact: string; leave(): Promise<void> }> {
  const manager = await signedInDevice(env, 'MANAGER')
  const exec = await signedInDevice(env, 'EXECUTIVE')
  const member = await signedInDevice(env)
  const team = await createTeam(env.pool)
  const managerRow = newId()
  const memberRow = newId()
  await pushApplied(exec, [
    exec.mutation({ table: 'team_members', id: managerRow, fields: { team_id: team, user_id: manager.userId } }),
    exec.mutation({ table: 'team_members', id: memberRow, fields: { team_id: team, user_id: member.userId } }),
  ])
  const company = newId()
  const branch = newId()
  const contact = newId()
  await pushApplied(member, [
    member.mutation({ table: 'companies', id: company, fields: companyFields(member.userId) }),
    member.mutation({ table: 'branches', id: branch, fields: branchFields(company) }),
    member.mutation({ table: 'contacts', id: contact, fields: contactFields(branch) }),
  ])
  await manager.sync()
  expect(manager.replica.get('companies')?.has(company)).toBe(true)
  return { manager, company, contact, leave: () => pushApplied(exec, [exec.mutation({ table: 'team_members', id: memberRow, op: 'delete' })]) }
}

const ids = (page: PullResponse, table: string) => ({
  changed: page.changes.filter((c) => c.table === table).map((c) => c.id),
  removed: page.removed.filter((r) => r.table === table).map((r) => r.id),
})

describe('a rights change racing a pull', () => {
  it('general pull: committed before the ceiling, after the pull started — the rows it took away are removed', async () => {
    const { manager, company, contact, leave } = await managerSeeingMemberRows()
    const page = JSON.parse(
      await pull(env.pool, { userId: manager.userId, deviceId: manager.deviceId, cursor: manager.cursor, limit: 1_000 }, undefined, {
        beforeCeiling: leave,
      }),
    ) as PullResponse
    expect(ids(page, 'companies')).toEqual({ changed: [], removed: [company] })
    expect(ids(page, 'contacts')).toEqual({ changed: [], removed: [contact] })
  })

  it('from the empty-pull statement: rights cached before the change are not used after it (authz epoch)', async () => {
    const { manager, company, contact, leave } = await managerSeeingMemberRows()
    const { rows } = await env.pool.query<{ epoch: string }>('SELECT epoch::text AS epoch FROM authz_epoch WHERE id = 1')
    const cache = rightsCacheFor(env.pool)
    const before = await rightsAt(env.pool, cache, manager.userId, rows[0]!.epoch)
    expect(cache.get(manager.userId, rows[0]!.epoch)).toBe(before)
    await leave()
    const page = JSON.parse(await pull(env.pool, { userId: manager.userId, deviceId: manager.deviceId, cursor: manager.cursor, limit: 1_000 })) as PullResponse
    expect(ids(page, 'companies')).toEqual({ changed: [], removed: [company] })
    expect(ids(page, 'contacts')).toEqual({ changed: [], removed: [contact] })
  })
})
