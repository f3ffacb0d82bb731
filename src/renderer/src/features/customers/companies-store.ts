/**
 * The companies list: filters, sort, saved filters, and the rows of a virtualised list loaded a page at a time from
 * the local replica (the list may hold tens of thousands of companies; only the pages scrolled into view are read).
 */
import { create } from 'zustand'
import { type CompanyFilters, type CompanyListItem, type CompanySort, type CustomerLookups, type SavedFilter } from '../../../../shared/model/customer-views'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'
import { onOpenRecord } from '../../lib/record-links'

export const PAGE_SIZE = 100

/** What the list and its lookups read (lib/live.ts reloads them when one of these changes). */
export const COMPANIES_READS = ['companies', 'branches', 'contacts', 'industries', 'users', 'opportunities'] as const

interface CompaniesState {
  readonly filters: CompanyFilters
  readonly sort: CompanySort
  /** null until the first page answers. */
  readonly total: number | null
  /** Loaded pages by page number; a row is `pages[Math.floor(i / PAGE_SIZE)][i % PAGE_SIZE]`. */
  readonly pages: Readonly<Record<number, readonly CompanyListItem[]>>
  /** Bumped on every filter/sort change so answers for an older query are dropped. */
  readonly generation: number
  readonly lookups: CustomerLookups
  readonly savedFilters: readonly SavedFilter[]
  readonly activeSavedFilterId: string | null
  /** The company page open on the companies screen, null for the list. */
  readonly selectedCompanyId: string | null
  /** A contact to open on that page (a search hit for a person), until the page has opened it. */
  readonly focusContactId: string | null
  readonly error: IpcError | null
}

interface CompaniesActions {
  listOpened(): Promise<void>
  filtersChanged(filters: CompanyFilters): Promise<void>
  sortChanged(sort: CompanySort): Promise<void>
  /** The virtualised list shows rows first..last: load the pages they are on. */
  rowsVisible(first: number, last: number): Promise<void>
  /** Something was written: drop loaded pages and read again. */
  changed(): Promise<void>
  /**
   * A change arrived from elsewhere (lib/live.ts): re-read the pages already loaded in place (same query, no scroll
   * jump, no empty flash) and the lookups.
   */
  reload(): Promise<void>
  savedFilterApplied(id: string | null): Promise<void>
  filterSaved(name: string): Promise<void>
  savedFilterRemoved(id: string): Promise<void>
  companyOpened(id: string, contactId?: string): void
  /** The company page opened the focused contact. */
  contactFocused(): void
  companyClosed(): void
  errorDismissed(): void
}

export type CompaniesStore = CompaniesState & CompaniesActions

export const initialCompaniesState: CompaniesState = {
  filters: {},
  sort: 'name',
  total: null,
  pages: {},
  generation: 0,
  lookups: { industries: [], users: [] },
  savedFilters: [],
  activeSavedFilterId: null,
  selectedCompanyId: null,
  focusContactId: null,
  error: null,
}

/** The IPC input takes plain (mutable) arrays. */
function filterInput(filters: CompanyFilters) {
  return {
    ...filters,
    tiers: filters.tiers ? [...filters.tiers] : undefined,
    statuses: filters.statuses ? [...filters.statuses] : undefined,
  }
}

export function rowAt(state: Pick<CompaniesState, 'pages'>, index: number): CompanyListItem | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE]
}

export const useCompaniesStore = create<CompaniesStore>()((set, get) => {
  const inFlight = new Set<string>()

  const loadPage = async (page: number): Promise<void> => {
    const { filters, sort, generation } = get()
    const key = `${generation}:${page}`
    if (inFlight.has(key)) return
    inFlight.add(key)
    try {
      const result = await api.customers.list({ filters: filterInput(filters), sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      if (get().generation !== generation) return
      set((s) => ({ total: result.total, pages: { ...s.pages, [page]: result.items } }))
    } catch (error) {
      set({ error: toIpcError(error) })
    } finally {
      inFlight.delete(key)
    }
  }

  const restart = async (patch: Partial<CompaniesState>): Promise<void> => {
    set((s) => ({ ...patch, pages: {}, generation: s.generation + 1 }))
    await loadPage(0)
  }

  return {
    ...initialCompaniesState,

    listOpened: async () => {
      try {
        const [lookups, savedFilters] = await Promise.all([api.customers.lookups(), api.filters.list({ scope: 'companies' })])
        set({ lookups, savedFilters })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
      await restart({})
    },

    filtersChanged: (filters) => restart({ filters, activeSavedFilterId: null }),
    sortChanged: (sort) => restart({ sort }),

    rowsVisible: async (first, last) => {
      const wanted: number[] = []
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (!get().pages[page]) wanted.push(page)
      }
      await Promise.all(wanted.map(loadPage))
    },

    changed: () => restart({}),

    reload: async () => {
      const { filters, sort, generation, pages } = get()
      const loaded = Object.keys(pages).map(Number)
      try {
        const [lookups, ...results] = await Promise.all([
          api.customers.lookups(),
          ...(loaded.length > 0 ? loaded : [0]).map((page) =>
            api.customers.list({ filters: filterInput(filters), sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => [page, r] as const),
          ),
        ])
        if (get().generation !== generation) return
        const next: Record<number, readonly CompanyListItem[]> = {}
        let total = get().total
        for (const [page, result] of results) {
          next[page] = result.items
          total = result.total
        }
        set({ lookups, pages: next, total })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },

    savedFilterApplied: async (id) => {
      const saved = get().savedFilters.find((f) => f.id === id)
      if (!saved) return restart({ filters: {}, activeSavedFilterId: null })
      await restart({ filters: saved.filters, sort: saved.sort, activeSavedFilterId: saved.id })
    },

    filterSaved: async (name) => {
      try {
        const { filters, sort } = get()
        const saved = await api.filters.save({ scope: 'companies', name, filters: filterInput(filters), sort })
        const savedFilters = await api.filters.list({ scope: 'companies' })
        set({ savedFilters, activeSavedFilterId: saved.id })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },

    savedFilterRemoved: async (id) => {
      try {
        await api.filters.remove({ scope: 'companies', id })
        set({ savedFilters: await api.filters.list({ scope: 'companies' }), activeSavedFilterId: null })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },

    companyOpened: (id, contactId) => set({ selectedCompanyId: id, focusContactId: contactId ?? null }),
    contactFocused: () => set({ focusContactId: null }),
    companyClosed: () => set({ selectedCompanyId: null, focusContactId: null }),
    errorDismissed: () => set({ error: null }),
  }
})

// Search results and links from other screens open a company page here.
if (typeof window !== 'undefined') {
  onOpenRecord((link) => {
    if (link.screen === 'companies' && link.companyId) useCompaniesStore.getState().companyOpened(link.companyId, link.contactId)
  })
}
