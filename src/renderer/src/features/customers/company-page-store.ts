/** The open company page: its data from the local replica, reloaded after every edit made from the page. */
import { create } from 'zustand'
import { type CompanyDetail } from '../../../../shared/model/customer-views'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'

/**
 * What the company page reads: the company, its branches, contacts, opportunities, projects, meetings and the activity
 * timeline (lib/live.ts reloads it when one of these changes).
 */
export const COMPANY_PAGE_READS = [
  'companies',
  'branches',
  'contacts',
  'activities',
  'opportunities',
  'projects',
  'meetings',
  'meeting_participants',
  'industries',
  'users',
] as const

interface CompanyPageState {
  readonly companyId: string | null
  readonly detail: CompanyDetail | null
  /** The open company was deleted or left the user's scope: the page closes with a notice. */
  readonly gone: boolean
  readonly error: IpcError | null
}

interface CompanyPageActions {
  pageOpened(companyId: string): Promise<void>
  /**
   * The page left the screen. Forgets which company was open and whether it was gone: a `gone` left behind would close
   * the next company page the moment it opens (its first render still reads the old flag).
   */
  pageClosed(companyId: string): void
  /** Re-read after a write (contact added, activity logged, company edited). */
  changed(): Promise<void>
  /** A change arrived from elsewhere: re-read, or notice that the company is no longer here. */
  reload(): Promise<void>
  errorDismissed(): void
}

export const initialCompanyPageState: CompanyPageState = { companyId: null, detail: null, gone: false, error: null }

export const useCompanyPageStore = create<CompanyPageState & CompanyPageActions>()((set, get) => {
  const load = async (companyId: string): Promise<void> => {
    try {
      const detail = await api.customers.get({ id: companyId })
      if (get().companyId === companyId) set({ detail, error: null })
    } catch (error) {
      if (get().companyId === companyId) set({ error: toIpcError(error) })
    }
  }
  return {
    ...initialCompanyPageState,
    pageOpened: async (companyId) => {
      set({ companyId, detail: get().detail?.company.id === companyId ? get().detail : null, gone: false, error: null })
      await load(companyId)
    },
    pageClosed: (companyId) => {
      if (get().companyId === companyId) set({ companyId: null, gone: false, error: null })
    },
    changed: async () => {
      const { companyId } = get()
      if (companyId) await load(companyId)
    },
    reload: async () => {
      const { companyId } = get()
      if (!companyId || get().gone) return
      // One read per change (this runs on every change the page shows live): the page itself. A company deleted or out
      // of this user's scope is not in the replica any more, so the read answers record.notFound.
      try {
        const detail = await api.customers.get({ id: companyId })
        if (get().companyId === companyId) set({ detail, error: null })
      } catch (error) {
        if (get().companyId !== companyId) return
        const failure = toIpcError(error)
        if (failure.code === 'record.notFound') set({ gone: true })
        else set({ error: failure })
      }
    },
    errorDismissed: () => set({ error: null }),
  }
})
