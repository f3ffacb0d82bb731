import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type IpcChannel } from '../../../../shared/ipc/channels'
import { type CompanyListItem } from '../../../../shared/model/customer-views'
import { initialCompaniesState, PAGE_SIZE, rowAt, useCompaniesStore } from './companies-store'

const TOTAL = 250
let listCalls: Array<{ offset: number; tiers?: string[] }>

const item = (i: number, tag: string): CompanyListItem => ({
  id: `${tag}-${i}`,
  code: `C-${i}`,
  name: `${tag} ${i}`,
  businessNumber: null,
  representative: null,
  tier: 'BRONZE',
  status: 'ACTIVE',
  industryName: null,
  accountManagerName: null,
  phone: null,
  updatedAt: '2026-11-25T00:00:00.000Z',
})

beforeEach(() => {
  listCalls = []
  const crm = createCrmApi(async (channel: IpcChannel, input) => {
    if (channel !== 'customers.list') return { ok: true, value: [] }
    const { offset, limit, filters } = input as { offset: number; limit: number; filters: { tiers?: string[] } }
    listCalls.push({ offset, tiers: filters.tiers })
    const tag = filters.tiers?.[0] ?? 'all'
    // The unfiltered answer is slow, so a filter chosen meanwhile answers first.
    if (tag === 'all') await new Promise((resolve) => setTimeout(resolve, 20))
    const items = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => item(offset + k, tag))
    return { ok: true, value: { total: tag === 'all' ? TOTAL : 3, offset, items } }
  })
  Object.assign(globalThis, { crm })
  useCompaniesStore.setState(initialCompaniesState)
})

afterEach(() => {
  delete (globalThis as { crm?: unknown }).crm
})

describe('companies store', () => {
  it('reads only the pages the list shows, once each', async () => {
    await useCompaniesStore.getState().changed()
    await useCompaniesStore.getState().rowsVisible(90, 130)
    await useCompaniesStore.getState().rowsVisible(95, 140)
    expect(listCalls.map((c) => c.offset)).toEqual([0, PAGE_SIZE])
    expect(useCompaniesStore.getState().total).toBe(TOTAL)
    expect(rowAt(useCompaniesStore.getState(), 130)?.name).toBe('all 130')
    expect(rowAt(useCompaniesStore.getState(), 230)).toBeUndefined()
  })

  it('drops an answer for filters the user has already changed', async () => {
    const slow = useCompaniesStore.getState().changed()
    await useCompaniesStore.getState().filtersChanged({ tiers: ['VIP'] })
    await slow
    expect(useCompaniesStore.getState().total).toBe(3)
    expect(rowAt(useCompaniesStore.getState(), 0)?.name).toBe('VIP 0')
  })
})
