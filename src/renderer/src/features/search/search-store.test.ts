import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type SearchResult } from '../../../../shared/model/customer-views'
import { initialSearchState, useSearchStore } from './search-store'

/** Answers each search after the delay given for its query, so a test can make an older answer arrive last. */
let delays: Record<string, number>

const resultFor = (query: string): SearchResult => ({
  query,
  mode: 'substring',
  groups: [
    {
      type: 'companies',
      hits: [
        { type: 'companies', id: `${query}-1`, title: `${query}전자`, subtitle: null, companyId: `${query}-1` },
        { type: 'companies', id: `${query}-2`, title: `${query}물산`, subtitle: null, companyId: `${query}-2` },
      ],
    },
  ],
})

beforeEach(() => {
  delays = {}
  const crm = createCrmApi(async (_channel, input) => {
    const { query } = input as { query: string }
    await new Promise((resolve) => setTimeout(resolve, delays[query] ?? 0))
    return { ok: true, value: resultFor(query) }
  })
  Object.assign(globalThis, { crm })
  useSearchStore.setState(initialSearchState)
})

afterEach(() => {
  delete (globalThis as { crm?: unknown }).crm
})

describe('search store', () => {
  it('keeps the answer for what the box shows when an older answer arrives last', async () => {
    delays = { 삼: 30, 삼성: 0 }
    const first = useSearchStore.getState().queryTyped('삼')
    const second = useSearchStore.getState().queryTyped('삼성')
    await Promise.all([first, second])
    expect(useSearchStore.getState().result?.query).toBe('삼성')
    expect(useSearchStore.getState().active).toBe(0)
  })

  it('moves through hits and wraps around', async () => {
    await useSearchStore.getState().queryTyped('한빛')
    useSearchStore.getState().activeMoved(1)
    expect(useSearchStore.getState().active).toBe(1)
    useSearchStore.getState().activeMoved(1)
    expect(useSearchStore.getState().active).toBe(0)
    useSearchStore.getState().activeMoved(-1)
    expect(useSearchStore.getState().active).toBe(1)
  })

  it('empties the box after a hit is opened', async () => {
    await useSearchStore.getState().queryTyped('한빛')
    useSearchStore.getState().hitChosen()
    expect(useSearchStore.getState()).toMatchObject({ query: '', result: null, open: false, active: -1 })
  })
})
