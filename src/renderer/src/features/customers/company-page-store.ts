/** The open company page: its data from the local replica, reloaded after every edit made from the page. */
import { create } from 'zustand'
import { type CompanyDetail } from '../../../../shared/model/customer-views'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'

interface CompanyPageState {
  readonly companyId: string | null
  readonly detail: CompanyDetail | null
  readonly error: IpcError | null
}

interface CompanyPageActions {
  pageOpened(companyId: string): Promise<void>
  /** Re-read after a write (contact added, activity logged, company edited). */
  changed(): Promise<void>
  errorDismissed(): void
}

export const initialCompanyPageState: CompanyPageState = { companyId: null, detail: null, error: null }

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
      set({ companyId, detail: get().detail?.company.id === companyId ? get().detail : null, error: null })
      await load(companyId)
    },
    changed: async () => {
      const { companyId } = get()
      if (companyId) await load(companyId)
    },
    errorDismissed: () => set({ error: null }),
  }
})
