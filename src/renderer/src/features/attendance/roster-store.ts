/**
 * The roster screen's state. Marks are shown at once (the coordinator types faster than a round trip) and written in
 * order through one queue, so the replica sees them in the order they were typed; the roster main answers with
 * replaces the local one only when the queue is empty, so a late answer never flickers an older state back.
 */
import { create } from 'zustand'
import { classAttendanceCounts } from '../../../../shared/domain/attendance'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type ClassRoster } from '../../../../shared/ipc/training-types'
import { type AttendanceStatus } from '../../../../shared/model/enums'
import { type WalkInInput } from '../../../../shared/model/validation/training'
import { api, toIpcError } from '../../lib/api'

interface RosterState {
  readonly classId: string | null
  readonly roster: ClassRoster | null
  readonly cursor: number
  readonly editingRemarks: boolean
  readonly walkInOpen: boolean
  /** An administrator chose to mark this class before it starts (each mark then says so on the record). */
  readonly override: boolean
  readonly error: IpcError | null
}

/**
 * What the roster reads: a mark, an enrolment, a trainee, the class or its project, or a conflict on a mark changes it
 * (lib/live.ts reloads it when one of these changes, e.g. a colleague's marks pulled from the server).
 */
export const ROSTER_READS = ['attendance_records', 'enrollments', 'trainees', 'training_classes', 'training_sessions', 'projects', 'sync_conflicts'] as const

interface RosterActions {
  opened(classId: string): Promise<void>
  /** Re-read the open roster (a change arrived); skipped while this screen's own marks are still being written. */
  reload(): Promise<void>
  cursorMoved(index: number): void
  marked(status: AttendanceStatus): void
  remarksOpened(): void
  remarksClosed(): void
  remarksSaved(remarks: string): void
  restPresent(): void
  overrideChanged(on: boolean): void
  walkInOpened(): void
  walkInClosed(): void
  walkInAdded(input: Omit<WalkInInput, 'classId'>): Promise<boolean>
  errorDismissed(): void
}

export type RosterStore = RosterState & RosterActions

export const initialRosterState: RosterState = {
  classId: null,
  roster: null,
  cursor: 0,
  editingRemarks: false,
  walkInOpen: false,
  override: false,
  error: null,
}

export const useRosterStore = create<RosterStore>()((set, get) => {
  let queue: Promise<void> = Promise.resolve()
  let inFlight = 0

  /** Runs writes one after another; the last answer of a burst becomes the roster. */
  const enqueue = (write: () => Promise<ClassRoster>): Promise<void> => {
    inFlight += 1
    queue = queue.then(async () => {
      try {
        const roster = await write()
        if (inFlight === 1 && get().classId === roster.classId) set({ roster })
      } catch (error) {
        set({ error: toIpcError(error) })
        const classId = get().classId
        // Show what is really stored after a refusal.
        if (classId) set({ roster: await api.classes.roster({ classId }) })
      } finally {
        inFlight -= 1
      }
    })
    return queue
  }

  /** The optimistic roster: the mark applied locally, counts re-derived the same way main derives them. */
  const withMarks = (roster: ClassRoster, marks: ReadonlyMap<string, { status: AttendanceStatus; remarks?: string }>): ClassRoster => {
    const entries = roster.entries.map((entry) => {
      const mark = marks.get(entry.traineeId)
      return mark ? { ...entry, attendance: mark.status, ...(mark.remarks === undefined ? {} : { remarks: mark.remarks || null }) } : entry
    })
    const counts = classAttendanceCounts(entries.map((e) => ({ enrollmentStatus: e.enrollmentStatus, attendance: e.attendance })))
    // The rate needs the policy's weights; it is refreshed from main's answer a moment later.
    return { ...roster, entries, counts: { ...counts, rate: roster.counts.rate } }
  }

  const current = (): { roster: ClassRoster; entry: ClassRoster['entries'][number] } | null => {
    const { roster, cursor } = get()
    const entry = roster?.entries[cursor]
    return roster && entry ? { roster, entry } : null
  }

  return {
    ...initialRosterState,

    opened: async (classId) => {
      set({ ...initialRosterState, classId })
      try {
        const roster = await api.classes.roster({ classId })
        if (get().classId === classId) set({ roster })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },

    reload: async () => {
      const classId = get().classId
      // A mark typed a moment ago is still in the queue: its answer brings the fresh roster anyway, and a read now would
      // flicker the optimistic mark back.
      if (!classId || inFlight > 0) return
      try {
        const roster = await api.classes.roster({ classId })
        if (get().classId === classId && inFlight === 0) set({ roster })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },

    cursorMoved: (index) => set({ cursor: index }),

    marked: (status) => {
      const here = current()
      if (!here) return
      const { roster, entry } = here
      set({
        roster: withMarks(roster, new Map([[entry.traineeId, { status }]])),
        cursor: Math.min(get().cursor + 1, roster.entries.length - 1),
      })
      const override = get().override
      void enqueue(() => api.attendance.mark({ classId: roster.classId, traineeId: entry.traineeId, status, override }))
    },

    remarksOpened: () => {
      // Remarks belong to a mark: an unmarked row gets its status first.
      if (current()?.entry.attendance) set({ editingRemarks: true })
    },
    remarksClosed: () => set({ editingRemarks: false }),
    remarksSaved: (remarks) => {
      const here = current()
      set({ editingRemarks: false })
      if (!here?.entry.attendance) return
      const { roster, entry } = here
      const status = entry.attendance as AttendanceStatus
      set({ roster: withMarks(roster, new Map([[entry.traineeId, { status, remarks }]])) })
      const override = get().override
      void enqueue(() => api.attendance.mark({ classId: roster.classId, traineeId: entry.traineeId, status, remarks, override }))
    },

    restPresent: () => {
      const roster = get().roster
      if (!roster) return
      const marks = new Map(roster.entries.filter((e) => e.attendance === null).map((e) => [e.traineeId, { status: 'PRESENT' as const }]))
      if (marks.size === 0) return
      set({ roster: withMarks(roster, marks) })
      void enqueue(() => api.attendance.markRestPresent({ classId: roster.classId }))
    },

    overrideChanged: (on) => set({ override: on, error: null }),
    walkInOpened: () => set({ walkInOpen: true }),
    walkInClosed: () => set({ walkInOpen: false }),
    walkInAdded: async (input) => {
      const classId = get().classId
      if (!classId) return false
      try {
        const roster = await api.attendance.walkIn({ ...input, classId })
        set({ roster, walkInOpen: false, error: null })
        return true
      } catch (error) {
        set({ error: toIpcError(error) })
        return false
      }
    },

    errorDismissed: () => set({ error: null }),
  }
})
