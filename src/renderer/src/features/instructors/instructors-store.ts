/** The instructor directory (강사): the list and the open add/edit dialog. */
import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type InstructorView } from '../../../../shared/ipc/training-types'
import { type InstructorSaveInput } from '../../../../shared/model/validation/training'
import { api, toIpcError } from '../../lib/api'

/** What the instructor directory reads (lib/live.ts reloads it when one of these changes). */
export const INSTRUCTORS_READS = ['instructors', 'training_classes'] as const

interface InstructorsState {
  readonly instructors: readonly InstructorView[] | null
  /** The dialog: a new instructor (null) or the one being edited; undefined when closed. */
  readonly editing: InstructorView | null | undefined
  readonly error: IpcError | null
  opened(): Promise<void>
  dialogOpened(editing: InstructorView | null | undefined): void
  saved(input: InstructorSaveInput): Promise<boolean>
  errorDismissed(): void
}

export const useInstructorsStore = create<InstructorsState>()((set) => ({
  instructors: null,
  editing: undefined,
  error: null,
  opened: async () => {
    try {
      set({ instructors: await api.instructors.directory() })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  },
  dialogOpened: (editing) => set({ editing, error: null }),
  saved: async (input) => {
    try {
      set({ instructors: await api.instructors.save(input), editing: undefined, error: null })
      return true
    } catch (error) {
      set({ error: toIpcError(error) })
      return false
    }
  },
  errorDismissed: () => set({ error: null }),
}))
