/** 수강생 directory: the search, the groups the identity rule calls duplicates, and the merge being confirmed. */
import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type TraineeView } from '../../../../shared/ipc/training-types'
import { api, toIpcError } from '../../lib/api'
import { keptByDefault } from './trainee-merge'

export const TRAINEES_READS = ['trainees', 'enrollments', 'companies'] as const

interface TraineesState {
  readonly query: string
  readonly found: readonly TraineeView[]
  readonly duplicates: ReadonlyArray<readonly TraineeView[]>
  readonly selected: readonly string[]
  /** The people about to be merged and the one kept; null when no merge is being confirmed. */
  readonly merging: { readonly people: readonly TraineeView[]; readonly keepId: string } | null
  /** The last merge: who was kept and how many rows went into it. */
  readonly merged: { readonly name: string; readonly count: number } | null
  readonly error: IpcError | null
}

interface TraineesActions {
  opened(): Promise<void>
  searched(query: string): Promise<void>
  toggled(id: string): void
  mergeOpened(people: readonly TraineeView[]): void
  keepChosen(id: string): void
  mergeClosed(): void
  mergeConfirmed(): Promise<void>
  errorDismissed(): void
}

export const useTraineesStore = create<TraineesState & TraineesActions>()((set, get) => {
  const load = async (query: string): Promise<void> => {
    try {
      const [found, duplicates] = await Promise.all([api.trainees.search({ query }), api.trainees.duplicates()])
      if (get().query !== query) return
      const live = new Set(found.map((t) => t.id))
      set({ found, duplicates, selected: get().selected.filter((id) => live.has(id)) })
    } catch (e) {
      set({ error: toIpcError(e) })
    }
  }
  return {
    query: '',
    found: [],
    duplicates: [],
    selected: [],
    merging: null,
    merged: null,
    error: null,
    opened: () => load(get().query),
    async searched(query) {
      set({ query })
      await load(query)
    },
    toggled(id) {
      const selected = get().selected
      set({ selected: selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id] })
    },
    mergeOpened(people) {
      set({ merging: { people, keepId: keptByDefault(people) }, error: null })
    },
    keepChosen(keepId) {
      const merging = get().merging
      if (merging) set({ merging: { ...merging, keepId } })
    },
    mergeClosed() {
      set({ merging: null })
    },
    async mergeConfirmed() {
      const merging = get().merging
      if (!merging) return
      try {
        const kept = await api.trainees.merge({ keepId: merging.keepId, mergeIds: merging.people.map((p) => p.id).filter((id) => id !== merging.keepId) })
        set({ merging: null, selected: [], merged: { name: kept.name, count: merging.people.length } })
        await load(get().query)
      } catch (e) {
        set({ error: toIpcError(e) })
      }
    },
    errorDismissed() {
      set({ error: null })
    },
  }
})
