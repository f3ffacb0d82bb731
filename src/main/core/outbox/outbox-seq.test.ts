/** A restored replica's outbox counter catches up with the server's last applied seq (issue 12). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Sqlite } from '../sqlite'
import { createDeviceState } from '../state'
import { createTempDir, openTestReplica, type TempDir } from '../../../../test/support/device/fixtures'
import { createOutboxStore, type OutboxStore } from './outbox-store'

describe('outbox catchUpSeq', () => {
  let dir: TempDir
  let sqlite: Sqlite
  let outbox: OutboxStore
  beforeEach(() => {
    dir = createTempDir()
    sqlite = openTestReplica(dir.file('o.sqlite')).sqlite
    outbox = createOutboxStore(sqlite, createDeviceState(sqlite))
  })
  afterEach(() => {
    sqlite.close()
    dir.remove()
  })

  const append = (hlc: string) =>
    outbox.append({
      table: 'companies',
      rowId: '0190a000-0000-7000-8000-000000000001',
      op: 'upsert',
      fields: { name: hlc },
      hlc,
      base: null,
      createdAt: '2026-11-25T07:00:00.000Z',
    })

  it('renumbers pending entries above the server seq, in order, keeping their stamps; later appends continue above', () => {
    append('a')
    append('b')
    outbox.reject(1, 'refused')
    append('c')
    expect(outbox.catchUpSeq(3)).toBe(0)
    expect(outbox.catchUpSeq(10)).toBe(2)
    expect(outbox.pendingBatch(10).map((e) => [e.seq, e.hlc])).toEqual([
      [11, 'b'],
      [12, 'c'],
    ])
    expect(outbox.listRejected().map((e) => e.seq)).toEqual([1])
    expect(append('d')).toBe(13)
    expect(outbox.lastSeq()).toBe(13)
  })
})
