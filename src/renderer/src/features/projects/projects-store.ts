/** The projects screen: the filtered list, the open project page, and which class's roster is open. */
import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import {
  type DoubleBooking,
  type InstructorOption,
  type ProjectDetail,
  type ProjectSummary,
} from '../../../../shared/ipc/training-types'
import { type ProjectHealth, type ProjectPhase, type ProjectPriority, type ProjectStatus } from '../../../../shared/model/enums'
import { type ClassCreateInput, type SessionCreateInput } from '../../../../shared/model/validation/training'
import { api, toIpcError } from '../../lib/api'
import { announceLocalChange } from '../../lib/local-change'

export interface ProjectFilters {
  readonly status?: ProjectStatus
  readonly phase?: ProjectPhase
  readonly health?: ProjectHealth
  readonly priority?: ProjectPriority
}

export type ProjectsView =
  | { readonly kind: 'list' }
  | { readonly kind: 'project'; readonly id: string }
  | { readonly kind: 'roster'; readonly projectId: string; readonly classId: string }

interface ProjectsState {
  readonly projects: readonly ProjectSummary[]
  readonly filters: ProjectFilters
  readonly loaded: boolean
  readonly view: ProjectsView
  readonly detail: ProjectDetail | null
  readonly instructors: readonly InstructorOption[]
  /** The session the new-class dialog is open for; null when closed. */
  readonly classDialogSession: string | null
  readonly sessionDialogOpen: boolean
  /** Double bookings the last class attempt ran into; the dialog shows them and offers "book anyway". */
  readonly doubleBookings: readonly DoubleBooking[]
  readonly error: IpcError | null
}

interface ProjectsActions {
  screenOpened(): Promise<void>
  filterChosen(filters: ProjectFilters): Promise<void>
  projectOpened(id: string): Promise<void>
  backToList(): Promise<void>
  rosterOpened(classId: string): void
  backToProject(): Promise<void>
  sessionDialogToggled(open: boolean): void
  sessionCreated(input: SessionCreateInput): Promise<boolean>
  classDialogOpened(sessionId: string | null): Promise<void>
  classCreated(input: ClassCreateInput): Promise<boolean>
  errorDismissed(): void
}

export type ProjectsStore = ProjectsState & ProjectsActions

export const initialProjectsState: ProjectsState = {
  projects: [],
  filters: {},
  loaded: false,
  view: { kind: 'list' },
  detail: null,
  instructors: [],
  classDialogSession: null,
  sessionDialogOpen: false,
  doubleBookings: [],
  error: null,
}

export const useProjectsStore = create<ProjectsStore>()((set, get) => {
  const guard = async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn()
      return true
    } catch (error) {
      set({ error: toIpcError(error) })
      return false
    }
  }
  const reloadList = async (): Promise<void> => {
    const projects = await api.projects.list(get().filters)
    set({ projects, loaded: true })
  }
  const reloadDetail = async (id: string): Promise<void> => {
    set({ detail: await api.projects.get({ id }) })
  }

  return {
    ...initialProjectsState,
    screenOpened: async () => {
      const view = get().view
      await guard(async () => {
        await reloadList()
        // Coming back to the screen shows fresh counts on an open project page.
        if (view.kind !== 'list') await reloadDetail(view.kind === 'project' ? view.id : view.projectId)
      })
    },
    filterChosen: async (filters) => {
      set({ filters })
      await guard(reloadList)
    },
    projectOpened: async (id) => {
      set({ view: { kind: 'project', id }, detail: null, error: null })
      await guard(() => reloadDetail(id))
    },
    backToList: async () => {
      set({ view: { kind: 'list' }, detail: null })
      await guard(reloadList)
    },
    rosterOpened: (classId) => {
      const detail = get().detail
      if (detail) set({ view: { kind: 'roster', projectId: detail.id, classId } })
    },
    backToProject: async () => {
      const view = get().view
      if (view.kind !== 'roster') return
      set({ view: { kind: 'project', id: view.projectId } })
      await guard(() => reloadDetail(view.projectId))
    },
    sessionDialogToggled: (open) => set({ sessionDialogOpen: open }),
    sessionCreated: async (input) =>
      guard(async () => {
        set({ detail: await api.sessions.create(input), sessionDialogOpen: false, error: null })
        announceLocalChange()
      }),
    classDialogOpened: async (sessionId) => {
      set({ classDialogSession: sessionId, doubleBookings: [] })
      if (sessionId && get().instructors.length === 0) await guard(async () => set({ instructors: await api.instructors.list() }))
    },
    classCreated: async (input) => {
      let created = false
      await guard(async () => {
        const result = await api.classes.create(input)
        if (result.status === 'doubleBooked') {
          set({ doubleBookings: result.conflicts })
          return
        }
        announceLocalChange()
        created = true
        set({ detail: result.project, classDialogSession: null, doubleBookings: [], error: null })
      })
      return created
    },
    errorDismissed: () => set({ error: null }),
  }
})
