/**
 * The writer checks the signed-in user's permission for every write, by table and operation, before anything is
 * written (issue 14): a refused write leaves nothing in the replica and nothing in the outbox, whichever repository
 * (or none) made it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type UserTier } from '../../../shared/model/enums'
import { createDeviceClock } from '../clock'
import { replicaRegistry } from '../replica/registry'
import { type Sqlite } from '../sqlite'
import { createDeviceState, type DeviceState } from '../state'
import { countRows, createTempDir, openTestReplica, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createOutboxStore, type OutboxStore } from './outbox-store'
import { WriteForbiddenError, operationsOf, type WritePermission } from './write-permission'
import { createWriter, type Writer } from './writer'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'
const ME = '0190a000-0000-7000-8000-0000000000a1'
const ROLE = testId(90)

describe('writer: permission by table and operation', () => {
  let dir: TempDir
  let sqlite: Sqlite
  let state: DeviceState
  let outbox: OutboxStore
  let writer: Writer

  /** Sign in as the server would: the profile carries the tier. */
  const signInAs = (tier: UserTier): void => {
    state.set('user_id', ME)
    state.set('user_profile', JSON.stringify({ id: ME, email: 'me@augu.kr', tier }))
    state.set('signed_in', '1')
  }
  const grant = (resource: string, action: string): void => {
    const permission = testId(100 + countRows(sqlite, 'permissions'))
    sqlite.prepare('INSERT INTO permissions (id, resource, action) VALUES (?, ?, ?)').run(permission, resource, action)
    sqlite
      .prepare('INSERT INTO role_permissions (id, role_id, permission_id) VALUES (?, ?, ?)')
      .run(testId(200 + countRows(sqlite, 'role_permissions')), ROLE, permission)
  }
  const nothingWritten = (table: string): void => {
    expect(countRows(sqlite, table)).toBe(0)
    expect(outbox.pendingCount()).toBe(0)
  }

  beforeEach(() => {
    dir = createTempDir()
    sqlite = openTestReplica(dir.file('p.sqlite')).sqlite
    state = createDeviceState(sqlite)
    state.set('device_id', DEVICE)
    sqlite.pragma('foreign_keys = OFF')
    sqlite
      .prepare(`INSERT INTO users (id, email, first_name, last_name, role_id, user_tier) VALUES (?, 'me@augu.kr', '길동', '홍', ?, 'OPERATOR')`)
      .run(ME, ROLE)
    outbox = createOutboxStore(sqlite, state)
    writer = createWriter(sqlite, createDeviceClock(state, { deviceId: DEVICE }), state, { registry: replicaRegistry(), outbox })
  })
  afterEach(() => {
    sqlite.close()
    dir.remove()
  })

  it('refuses an operator creating a catalogue row, before anything is written', () => {
    signInAs('OPERATOR')
    expect(() => writer.upsert('products', testId(1), { code: 'P-1', name: '리더십' })).toThrow(WriteForbiddenError)
    expect(() => writer.upsert('products', testId(1), { code: 'P-1', name: '리더십' })).toThrow(
      expect.objectContaining({ table: 'products', operation: 'create' }),
    )
    nothingWritten('products')
    // Their own domain rows are theirs to write.
    expect(writer.upsert('companies', testId(2), { code: 'C-1', name: '삼성전자' })).not.toBeNull()
  })

  it('lets a manager write the catalogue (tier defaults)', () => {
    signInAs('MANAGER')
    expect(writer.upsert('products', testId(1), { code: 'P-1', name: '리더십' })).not.toBeNull()
  })

  it("follows the role's grants per operation: update allowed, delete and restore refused", () => {
    grant('companies', 'CREATE')
    grant('companies', 'UPDATE')
    signInAs('OPERATOR')
    const id = testId(3)
    expect(writer.upsert('companies', id, { code: 'C-3', name: '현대' })).not.toBeNull()
    expect(writer.upsert('companies', id, { description: '메모' })).not.toBeNull()
    const pending = outbox.pendingCount()
    expect(() => writer.remove('companies', id)).toThrow(expect.objectContaining({ table: 'companies', operation: 'delete' }))
    expect(sqlite.prepare('SELECT deleted_at FROM companies WHERE id = ?').get(id)).toEqual({ deleted_at: null })
    expect(outbox.pendingCount()).toBe(pending)
    // A role without a contacts grant writes no contacts at all.
    expect(() => writer.upsert('contacts', testId(4), { branch_id: testId(11), last_name: '김', first_name: '민준' })).toThrow(WriteForbiddenError)
    expect(countRows(sqlite, 'contacts')).toBe(0)
  })

  it('judges the fields that change, as the server sees them: a write that repeats deleted_at: null on a live row is an update', () => {
    // The attendance roster writes every mark with deleted_at: null (a pair row a colleague deleted comes back); a
    // coordinator whose role may update but not delete training records must still change a mark's remark.
    grant('companies', 'CREATE')
    grant('companies', 'UPDATE')
    signInAs('OPERATOR')
    const id = testId(12)
    expect(writer.upsert('companies', id, { code: 'C-12', name: '두산', deleted_at: null })).not.toBeNull()
    expect(writer.upsert('companies', id, { description: '메모', deleted_at: null })).toEqual(expect.objectContaining({ fields: { description: '메모' } }))
    // Nothing changes: nothing to judge, nothing written.
    expect(writer.upsert('companies', id, { description: '메모', deleted_at: null })).toBeNull()
  })

  it('rolls back the allowed writes of a transaction one refused write ends', () => {
    signInAs('OPERATOR')
    expect(() =>
      writer.transaction(() => {
        writer.upsert('companies', testId(5), { code: 'C-5', name: '엘지' })
        writer.upsert('kpi_targets', testId(6), { kpi_definition_id: testId(7), target_value: 10 })
      }),
    ).toThrow(WriteForbiddenError)
    nothingWritten('companies')
    nothingWritten('kpi_targets')
  })

  it('does not check sync_conflicts: resolving a conflict one is party to is always allowed (the server rule)', () => {
    signInAs('OPERATOR')
    sqlite
      .prepare(`INSERT INTO sync_conflicts (id, table_name, row_id, field, winning_hlc, losing_hlc) VALUES (?, 'companies', ?, 'name', 'a', 'b')`)
      .run(testId(8), testId(9))
    expect(writer.upsert('sync_conflicts', testId(8), { status: 'RESOLVED' })).not.toBeNull()
  })

  it('uses the check it is given, with the operation of each write', () => {
    signInAs('EXECUTIVE')
    const asked: string[] = []
    const onlyCreate: WritePermission = (table, operation) => {
      asked.push(`${table}:${operation}`)
      return operation === 'create'
    }
    const checked = createWriter(sqlite, createDeviceClock(state, { deviceId: DEVICE }), state, {
      registry: replicaRegistry(),
      outbox,
      writePermission: onlyCreate,
    })
    checked.upsert('companies', testId(10), { code: 'C-10', name: '기아' })
    expect(() => checked.upsert('companies', testId(10), { name: '기아자동차' })).toThrow(WriteForbiddenError)
    expect(asked).toEqual(['companies:create', 'companies:update'])
  })

  it('classifies operations as the server does', () => {
    expect(operationsOf(false, ['name'])).toEqual(['create'])
    expect(operationsOf(true, ['deleted_at'])).toEqual(['delete'])
    expect(operationsOf(true, ['deleted_at', 'name'])).toEqual(['delete', 'update'])
    expect(operationsOf(true, [])).toEqual([])
  })
})
