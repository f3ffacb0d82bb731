import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type ReplicaCheckResult, type ReplicaHealth } from '../../../../shared/ipc/replica-types'
import { api, toIpcError } from '../../lib/api'

/** This store reads no synced table (only the replica's own health): nothing to reload on a change stream. */
export const readsTables = [] as const

interface ReplicaState {
  readonly open: boolean
  readonly health: ReplicaHealth | null
  readonly checking: boolean
  readonly check: ReplicaCheckResult | null
  /** After "rebuild": restarting now, or waiting for the next start (web harness). */
  readonly rebuild: 'restarting' | 'scheduled' | null
  readonly error: IpcError | null
}

interface ReplicaActions {
  reload(): Promise<void>
  dialogOpened(): Promise<void>
  dialogClosed(): void
  checkRequested(): Promise<void>
  rebuildConfirmed(): Promise<void>
  noticeDismissed(): Promise<void>
  errorDismissed(): void
}

export type ReplicaStore = ReplicaState & ReplicaActions

export const initialReplicaState: ReplicaState = { open: false, health: null, checking: false, check: null, rebuild: null, error: null }

export const useReplicaStore = create<ReplicaStore>()((set) => ({
  ...initialReplicaState,
  reload: async () => {
    try {
      set({ health: await api.replica.health() })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  dialogOpened: async () => {
    set({ open: true, check: null, error: null })
    try {
      set({ health: await api.replica.health() })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  dialogClosed: () => set({ open: false }),
  checkRequested: async () => {
    set({ checking: true, check: null, error: null })
    try {
      set({ check: await api.replica.check() })
    } catch (error) {
      set({ error: toIpcError(error) })
    } finally {
      set({ checking: false })
    }
  },
  rebuildConfirmed: async () => {
    try {
      const result = await api.replica.rebuild()
      set({ rebuild: result.restarting ? 'restarting' : 'scheduled' })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  noticeDismissed: async () => {
    try {
      set({ health: await api.replica.dismissNotice() })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  errorDismissed: () => set({ error: null }),
}))
