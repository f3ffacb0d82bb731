import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type ConflictView, type RejectedChangeView, type RenamedCodeView, type SyncReview } from '../../../../shared/ipc/sales-types'
import { api, toIpcError } from '../../lib/api'

/** The panel lists conflicts (pulled) and rejected outbox entries (any local write or push can change them). */
export const SYNC_REVIEW_READS = ['sync_conflicts', 'users'] as const

interface SyncReviewState {
  readonly open: boolean
  /** Rows the server kept under a new code (their code was taken on the server). */
  readonly renamed: readonly RenamedCodeView[]
  readonly rejected: readonly RejectedChangeView[]
  readonly conflicts: readonly ConflictView[]
  readonly loaded: boolean
  readonly done: boolean
  readonly error: IpcError | null
}

interface SyncReviewActions {
  panelOpened(): Promise<void>
  /** A change arrived while the panel is open (a conflict pulled, a rejection): re-read both lists. */
  reload(): Promise<void>
  panelClosed(): void
  rejectedReapplied(seq: number): Promise<void>
  rejectedDismissed(seq: number): Promise<void>
  renamedDismissed(rowId: string): Promise<void>
  mineApplied(conflictId: string): Promise<void>
  theirsKept(conflictId: string): Promise<void>
  errorDismissed(): void
}

export type SyncReviewStore = SyncReviewState & SyncReviewActions

export const initialSyncReviewState: SyncReviewState = {
  open: false,
  renamed: [],
  rejected: [],
  conflicts: [],
  loaded: false,
  done: false,
  error: null,
}

export const useSyncReviewStore = create<SyncReviewStore>()((set) => {
  const act = async (fn: () => Promise<SyncReview>): Promise<void> => {
    set({ error: null, done: false })
    try {
      const review = await fn()
      set({ renamed: review.renamed, rejected: review.rejected, conflicts: review.conflicts, done: true })
      // Counts in the status bar (pending, rejected, conflicts) change with every resolution.
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  }
  return {
    ...initialSyncReviewState,
    panelOpened: async () => {
      set({ open: true, done: false, error: null })
      try {
        const [renamed, rejected, conflicts] = await Promise.all([api.sync.renamed(), api.sync.rejected(), api.sync.conflicts()])
        set({ renamed, rejected, conflicts, loaded: true })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },
    reload: async () => {
      try {
        const [rejected, conflicts] = await Promise.all([api.sync.rejected(), api.sync.conflicts()])
        set({ rejected, conflicts, loaded: true })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },
    panelClosed: () => set({ open: false, done: false }),
    rejectedReapplied: (seq) => act(() => api.sync.applyMineAgain({ seq })),
    rejectedDismissed: (seq) => act(() => api.sync.dismissRejected({ seq })),
    renamedDismissed: (rowId) => act(() => api.sync.dismissRenamed({ rowId })),
    mineApplied: (conflictId) => act(() => api.sync.applyMine({ conflictId })),
    theirsKept: (conflictId) => act(() => api.sync.keepTheirs({ conflictId })),
    errorDismissed: () => set({ error: null }),
  }
})
