import { create } from 'zustand'
import { type SyncStatus } from '../../../../shared/ipc/contract'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'

interface SyncStoreState {
  /** null until the first `sync.status` answer. */
  readonly status: SyncStatus | null
  readonly syncRequested: boolean
  readonly error: IpcError | null
}

interface SyncActions {
  /** A periodic or event-driven check (timer, window focus, network change, session change). */
  statusPolled(): Promise<void>
  syncNowClicked(): Promise<void>
  errorDismissed(): void
}

export type SyncStore = SyncStoreState & SyncActions

export const initialSyncState: SyncStoreState = { status: null, syncRequested: false, error: null }

export const useSyncStore = create<SyncStore>()((set) => ({
  ...initialSyncState,
  statusPolled: async () => {
    try {
      set({ status: await api.sync.status() })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  syncNowClicked: async () => {
    set({ syncRequested: true, error: null })
    try {
      set({ status: await api.sync.now(), syncRequested: false })
    } catch (error) {
      set({ syncRequested: false, error: toIpcError(error) })
    }
  },
  errorDismissed: () => set({ error: null }),
}))
