import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRepoHarness, type RepoHarness } from '../../../../test/support/device/repos'

let h: RepoHarness
beforeEach(() => {
  h = openRepoHarness()
})
afterEach(() => h.close())

describe('saved filters', () => {
  it('keeps saved filters per user in device-local settings', () => {
    const saved = h.records.savedFilters.save('companies', 'VIP 거래 중', { tiers: ['VIP'], statuses: ['ACTIVE'] }, 'name')
    h.records.savedFilters.save('companies', 'VIP 거래 중', { tiers: ['VIP'] }, 'updated')
    expect(h.records.savedFilters.list('companies')).toEqual([{ ...saved, filters: { tiers: ['VIP'] }, sort: 'updated' }])
    // A damaged entry is skipped, not fatal.
    const key = `saved_filters:${h.state.get('user_id')}:companies`
    const stored = JSON.parse((h.sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string }).value) as unknown[]
    h.sqlite.prepare('UPDATE app_settings SET value = ? WHERE key = ?').run(JSON.stringify([...stored, { id: 'x', name: 'broken' }]), key)
    expect(h.records.savedFilters.list('companies').map((f) => f.name)).toEqual(['VIP 거래 중'])
    h.state.set('user_id', '0190a000-0000-7000-8000-0000000000b2')
    expect(h.records.savedFilters.list('companies')).toEqual([])
    expect(h.writer.pendingCount()).toBe(0)
  })
})
