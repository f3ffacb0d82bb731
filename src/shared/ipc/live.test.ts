import { describe, expect, it } from 'vitest'
import { CHANGE_IDS_LIMIT, createChangeCollector, createLiveApi, parseChangeNotice, parseSyncStatus, type LiveTopic } from './live'

const status = {
  connection: 'online',
  syncing: false,
  pending: 2,
  rejected: 0,
  conflicts: 1,
  lastSyncedAt: '2026-12-07T05:00:00.000Z',
  attention: null,
  diskFullNeededMb: null,
  nextRetryAt: null,
}

describe('change stream payloads', () => {
  it('accepts well-formed notices and drops anything else', () => {
    expect(parseChangeNotice({ source: 'pull', tables: ['companies'] })).toEqual({ source: 'pull', tables: ['companies'] })
    expect(parseChangeNotice({ source: 'local', tables: ['companies'], ids: { companies: ['a'] } })).toEqual({
      source: 'local',
      tables: ['companies'],
      ids: { companies: ['a'] },
    })
    for (const bad of [
      null,
      'companies',
      { source: 'server', tables: ['companies'] },
      { source: 'pull', tables: 'companies' },
      { source: 'pull', tables: ['Companies; DROP'] },
      { source: 'pull', tables: ['companies'], ids: { contacts: ['a'] } },
      { source: 'pull', tables: ['companies'], ids: { companies: [1] } },
      { source: 'pull', tables: ['companies'], ids: { companies: Array.from({ length: CHANGE_IDS_LIMIT + 1 }, (_, i) => `id-${i}`) } },
    ]) {
      expect(parseChangeNotice(bad)).toBeNull()
    }
  })

  it('accepts a well-formed sync status and drops a malformed one', () => {
    expect(parseSyncStatus(status)).toEqual(status)
    expect(parseSyncStatus({ ...status, pending: -1 })).toBeNull()
    expect(parseSyncStatus({ ...status, connection: 'maybe' })).toBeNull()
    expect(parseSyncStatus({ ...status, lastSyncedAt: 'yesterday' })).toBeNull()
  })

  it('onChanges / onSyncStatus hand callbacks only validated payloads, and unsubscribe', () => {
    const listeners = new Map<LiveTopic, (payload: unknown) => void>()
    const live = createLiveApi((topic, listener) => {
      listeners.set(topic, listener)
      return () => listeners.delete(topic)
    })
    const heard: unknown[] = []
    const stop = live.onChanges((notice) => heard.push(notice))
    live.onSyncStatus((s) => heard.push(s.pending))
    listeners.get('changes')!({ source: 'pull', tables: ['leads'] })
    listeners.get('changes')!({ source: 'evil' })
    listeners.get('syncStatus')!(status)
    expect(heard).toEqual([{ source: 'pull', tables: ['leads'] }, 2])
    stop()
    expect(listeners.has('changes')).toBe(false)
  })

  it('collects ids while few rows change, tables only beyond the limit', () => {
    const c = createChangeCollector()
    c.add('companies', 'a')
    c.add('companies', 'a')
    c.add('contacts', 'b')
    expect(c.notice('local')).toEqual({ source: 'local', tables: ['companies', 'contacts'], ids: { companies: ['a'], contacts: ['b'] } })
    for (let i = 0; i < CHANGE_IDS_LIMIT; i++) c.add('activities', `x-${i}`)
    expect(c.notice('pull')).toEqual({ source: 'pull', tables: ['companies', 'contacts', 'activities'] })
    c.clear()
    expect(c.notice('pull')).toBeNull()
  })
})
