/**
 * The device refuses, before writing anything, the owner changes the server would refuse (issue 12): the same rule
 * (src/shared/domain/assignment.ts) over the replica's copy of the directory.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceClock } from '../clock'
import { replicaRegistry } from '../replica/registry'
import { type Sqlite } from '../sqlite'
import { createDeviceState } from '../state'
import { createTempDir, openTestReplica, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { AssignmentRefusedError } from './assignment-guard'
import { createOutboxStore, type OutboxStore } from './outbox-store'
import { createWriter, type Writer } from './writer'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'
const ME = '0190a000-0000-7000-8000-0000000000a1'
const OWNER = '0190a000-0000-7000-8000-0000000000a2'

describe('writer: owner columns are an assign action on the device too', () => {
  let dir: TempDir
  let sqlite: Sqlite
  let writer: Writer
  let outbox: OutboxStore
  beforeEach(() => {
    dir = createTempDir()
    sqlite = openTestReplica(dir.file('g.sqlite')).sqlite
    const state = createDeviceState(sqlite)
    state.set('device_id', DEVICE)
    signInLocally(state, { id: ME, email: 'me@augu.kr' })
    sqlite.pragma('foreign_keys = OFF')
    const user = sqlite.prepare(`INSERT INTO users (id, email, first_name, last_name, role_id, user_tier) VALUES (?, ?, '길동', '홍', ?, ?)`)
    user.run(ME, 'me@augu.kr', testId(90), 'OPERATOR')
    user.run(OWNER, 'owner@augu.kr', testId(90), 'OPERATOR')
    outbox = createOutboxStore(sqlite, state)
    writer = createWriter(sqlite, createDeviceClock(state, { deviceId: DEVICE }), state, { registry: replicaRegistry(), outbox })
  })
  afterEach(() => {
    sqlite.close()
    dir.remove()
  })

  it('refuses taking a company another operator owns, and writes nothing', () => {
    const company = testId(1)
    sqlite.prepare(`INSERT INTO companies (id, code, name, account_manager_id) VALUES (?, 'C-1', '삼성전자', ?)`).run(company, OWNER)
    expect(() => writer.upsert('companies', company, { account_manager_id: ME })).toThrow(AssignmentRefusedError)
    expect(outbox.pendingCount()).toBe(0)
    expect(sqlite.prepare(`SELECT account_manager_id AS v FROM companies WHERE id = ?`).get(company)).toEqual({ v: OWNER })
    // Other edits of the same record go through.
    expect(writer.upsert('companies', company, { description: '메모' })).not.toBeNull()
  })

  it('lets the writer create a record of their own and hand their own record over', () => {
    const company = testId(2)
    expect(writer.upsert('companies', company, { code: 'C-2', name: '엘지', account_manager_id: ME })).not.toBeNull()
    expect(writer.upsert('companies', company, { account_manager_id: OWNER })).not.toBeNull()
    expect(() => writer.upsert('companies', testId(3), { code: 'C-3', name: '현대', account_manager_id: OWNER })).toThrow(AssignmentRefusedError)
  })
})
