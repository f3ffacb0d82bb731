import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openInterimDevice } from './interim-device'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('interim device', () => {
  it('keeps the first-run choice in the SQLite file across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-interim-'))
    dirs.push(dir)
    const file = path.join(dir, 'crm.sqlite')
    const first = openInterimDevice(file)
    expect(await first.sessionState()).toEqual({ status: 'none' })
    expect(await first.startDemo()).toMatchObject({ status: 'demo', user: { name: '김민준' } })
    await expect(first.startDemo()).rejects.toMatchObject({ code: 'session.alreadyStarted' })
    first.close()

    const again = openInterimDevice(file)
    expect(await again.sessionState()).toMatchObject({ status: 'demo' })
    expect(await again.syncStatus()).toEqual({ connection: 'local-only', syncing: false, pending: 0, rejected: 0, lastSyncedAt: null })
    await expect(again.syncNow()).rejects.toMatchObject({ code: 'sync.notSignedIn' })
    expect(await again.logout({ discardUnsynced: false })).toEqual({ status: 'none' })
    again.close()
  })
})
