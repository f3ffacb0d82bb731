/**
 * A restored laptop loses nothing (issue 12). A replica file restored from a backup (or copied to a new laptop) has an
 * outbox counter behind what the server has already applied for the device; before the fix every new edit got a seq
 * at or below the server's last applied one and was answered `duplicate` — dropped silently. Now the server says its
 * last applied seq (push and pull responses) and the device renumbers its unsent outbox above it.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestUser } from '../../sync-server/test/support'
import { newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let exec: TestUser

beforeAll(async () => {
  h = await startHarness()
  exec = await h.user('EXECUTIVE', '복원대표')
})
afterAll(async () => {
  await h?.close()
})

const company = (name: string) => ({ code: uniqueCode('R'), name, account_manager_id: exec.id })

describe('a replica restored from an older copy', () => {
  it('pushes every edit made after the restore (nothing answered duplicate and dropped)', async () => {
    let device = await h.signedInDevice(exec, { name: 'restored' })
    const before = [newId(), newId()]
    for (const id of before) device.writer.upsert('companies', id, company('백업 전'))
    await device.syncNow()
    expect(device.writer.pendingCount()).toBe(0)

    // The backup: a copy of the replica file while the app is closed.
    device = await device.reopen()
    await device.close()
    const backup = `${device.files.database}.backup`
    copyFileSync(device.files.database, backup)
    device = await device.reopen()

    // Life goes on after the backup: three more edits reach the server.
    const between = [newId(), newId(), newId()]
    for (const id of between) device.writer.upsert('companies', id, company('백업 후'))
    await device.syncNow()
    expect(device.writer.pendingCount()).toBe(0)

    // The laptop is restored from the backup (the sign-in tokens are the current ones: only the replica is old).
    await device.close()
    for (const suffix of ['-wal', '-shm']) if (existsSync(device.files.database + suffix)) rmSync(device.files.database + suffix)
    copyFileSync(backup, device.files.database)
    device = await device.reopen()

    // New edits on the restored copy, with the seqs the old counter gives them.
    const after = [newId(), newId()]
    for (const id of after) device.writer.upsert('companies', id, company('복원 후'))
    const renamed = before[0]!
    device.writer.upsert('companies', renamed, { name: '복원 후 수정' })
    await device.syncNow()
    expect(device.writer.pendingCount()).toBe(0)
    expect(device.writer.listRejected()).toEqual([])

    const { rows } = await h.pool.query<{ id: string; name: string }>(`SELECT id, name FROM companies WHERE id = ANY($1::uuid[])`, [
      [...before, ...between, ...after],
    ])
    const names = new Map(rows.map((r) => [r.id, r.name]))
    for (const id of [...before, ...between, ...after]) expect(names.has(id), id).toBe(true)
    expect(names.get(renamed)).toBe('복원 후 수정')
    for (const id of after) expect(names.get(id)).toBe('복원 후')
    // The restored device also received what it made between backup and restore.
    await h.catchUp(device)
    const local = device.replica.sqlite.prepare(`SELECT count(*) AS n FROM companies WHERE id IN (${between.map(() => '?').join(',')})`).get(...between) as {
      n: number
    }
    expect(local.n).toBe(3)
    await device.close()
  })
})
