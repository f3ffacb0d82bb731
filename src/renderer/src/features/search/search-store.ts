/** The header's global search: the query, the latest answer, and which hit the keyboard is on. */
import { create } from 'zustand'
import { type SearchHit, type SearchResult } from '../../../../shared/model/customer-views'
import { api } from '../../lib/api'

interface SearchState {
  readonly query: string
  readonly result: SearchResult | null
  readonly open: boolean
  /** Index into the flattened hits (group order), -1 for none. */
  readonly active: number
}

interface SearchActions {
  queryTyped(query: string): Promise<void>
  opened(): void
  closed(): void
  /** A hit was opened: the box empties for the next search. */
  hitChosen(): void
  activeMoved(delta: 1 | -1): void
}

export const initialSearchState: SearchState = { query: '', result: null, open: false, active: -1 }

export function flatHits(result: SearchResult | null): SearchHit[] {
  return result ? result.groups.flatMap((group) => group.hits) : []
}

export const useSearchStore = create<SearchState & SearchActions>()((set, get) => ({
  ...initialSearchState,
  queryTyped: async (query) => {
    set({ query, open: true })
    if (!query.trim()) return set({ result: null, active: -1 })
    try {
      const result = await api.search.global({ query, limit: 6 })
      // Typing is faster than answers: only the answer for what the box still shows counts.
      if (get().query === query) set({ result, active: flatHits(result).length > 0 ? 0 : -1 })
    } catch {
      if (get().query === query) set({ result: { query, mode: 'substring', groups: [] }, active: -1 })
    }
  },
  opened: () => set({ open: true }),
  closed: () => set({ open: false }),
  hitChosen: () => set({ ...initialSearchState }),
  activeMoved: (delta) => {
    const count = flatHits(get().result).length
    if (count === 0) return
    set((s) => ({ active: (s.active + delta + count) % count }))
  },
}))
