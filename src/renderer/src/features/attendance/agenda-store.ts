/** The 교육 screen's agenda: classes from a day for two weeks, and which class's roster is open. */
import { create } from 'zustand'
import { todayIsoDate } from '../../../../shared/domain/dates'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type AgendaClass } from '../../../../shared/ipc/training-types'
import { api, toIpcError } from '../../lib/api'
import { onOpenRecord } from '../../lib/record-links'

interface AgendaState {
  readonly from: string
  readonly classes: readonly AgendaClass[] | null
  readonly openClassId: string | null
  readonly error: IpcError | null
}

/** What the 교육 agenda reads (lib/live.ts reloads it when one of these changes). */
export const AGENDA_READS = ['training_classes', 'training_sessions', 'projects', 'enrollments', 'attendance_records', 'instructors', 'companies'] as const

interface AgendaActions {
  screenOpened(): Promise<void>
  fromChosen(from: string): Promise<void>
  rosterOpened(classId: string): void
  rosterClosed(): Promise<void>
  errorDismissed(): void
}

export const useAgendaStore = create<AgendaState & AgendaActions>()((set, get) => {
  const load = async (): Promise<void> => {
    try {
      set({ classes: await api.classes.agenda({ from: get().from, days: 14 }) })
    } catch (error) {
      set({ error: toIpcError(error) })
    }
  }
  return {
    from: todayIsoDate(),
    classes: null,
    openClassId: null,
    error: null,
    screenOpened: load,
    fromChosen: async (from) => {
      set({ from })
      await load()
    },
    rosterOpened: (classId) => set({ openClassId: classId }),
    // Back from a roster: the agenda's counts include the marks just made.
    rosterClosed: async () => {
      set({ openClassId: null })
      await load()
    },
    errorDismissed: () => set({ error: null }),
  }
})

// Links from other screens (the dashboard's classes of the day) open a class roster here.
if (typeof window !== 'undefined') {
  onOpenRecord((link) => {
    if (link.screen === 'training' && link.classId) useAgendaStore.getState().rosterOpened(link.classId)
  })
}
