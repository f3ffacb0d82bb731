import { create } from 'zustand'
import { type SyncStatus } from '../../../../shared/ipc/contract'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type CrmBridge } from '../../../../shared/ipc/api'
import { api, toIpcError } from '../../lib/api'

interface SyncStoreState {
  /** null until the first `sync.status` answer. */
  readonly status: SyncStatus | null
  readonly syncRequested: boolean
  readonly error: IpcError | null
}

interface SyncActions {
  /** Read the status once (start, session change); afterwards main pushes every change (statusPushed). */
  statusPolled(): Promise<void>
  /** Main pushed a new status (window.crm.onSyncStatus). */
  statusPushed(status: SyncStatus): void
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
  statusPushed: (status) => set({ status }),
  errorDismissed: () => set({ error: null }),
}))

/** Main pushes the status whenever it changes; subscribe once for the whole renderer. Returns the unsubscribe. */
export function listenToSyncStatus(): () => void {
  const onSyncStatus = (globalThis as { crm?: Partial<CrmBridge> }).crm?.onSyncStatus
  if (!onSyncStatus) return () => undefined
  return onSyncStatus((status) => useSyncStore.getState().statusPushed(status))
}
