/** The projects screen: the filtered list, the open project page, and which class's roster is open. */
import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import {
  type ClassEnrollments,
  type ClassView,
  type CompletionList,
  type DeletedProject,
  type DoubleBooking,
  type EnrollResult,
  type ProjectFormOptions,
  type InstructorOption,
  type ProjectDetail,
  type ProjectSummary,
  type SessionView,
} from '../../../../shared/ipc/training-types'
import { type ProjectHealth, type ProjectPhase, type ProjectPriority, type ProjectStatus } from '../../../../shared/model/enums'
import {
  type ClassCreateInput,
  type ClassUpdateInput,
  type CompletionRuleInput,
  type FeedbackRecordInput,
  type TeamMemberSaveInput,
  type SessionCreateInput,
  type SessionUpdateInput,
} from '../../../../shared/model/validation/training'
import { type EnrollmentStatus } from '../../../../shared/model/enums'
import { type ProjectSaveInput } from '../../../../shared/model/validation/projects'
import { type EnrolInput } from '../../../../shared/model/validation/training'
import { api, toIpcError } from '../../lib/api'
import { showNotice } from '../../lib/notices'
import { i18n } from '../../i18n'
import { onOpenRecord } from '../../lib/record-links'

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
  /** The session / class whose edit dialog is open. */
  readonly editingSession: SessionView | null
  readonly editingClass: ClassView | null
  /** A delete waiting for the user's yes; `marks` once main said the class has attendance marks. */
  readonly pendingDelete:
    { readonly kind: 'session'; readonly session: SessionView } | { readonly kind: 'class'; readonly klass: ClassView; readonly marks: number | null } | null
  /** The class whose enrolments dialog is open, with its enrolments. */
  readonly enrollments: ClassEnrollments | null
  /** Where the satisfaction dialog records answers: a session, or one of its classes. */
  readonly feedbackTarget: { readonly sessionId: string; readonly classId: string | null; readonly label: string } | null
  /** The team dialog: a new member (null) or the member being edited. */
  readonly teamDialog: { readonly member: ProjectDetail['team'][number] | null } | null
  readonly teamCandidates: readonly InstructorOption[]
  /** The project form: a new project (null) or the project being edited. */
  readonly projectDialog: { readonly project: ProjectDetail | null } | null
  readonly formOptions: ProjectFormOptions | null
  /** The project waiting for the user's yes to delete it. */
  readonly pendingProjectDelete: ProjectDetail | null
  /** The trash (deleted projects) when open. */
  readonly trash: readonly DeletedProject[] | null
  /** What the last enrolment did (shown in the enrolment dialog). */
  readonly enrolResult: EnrollResult | null
  /** The completion list (수료 명단) when open. */
  readonly completion: CompletionList | null
  readonly error: IpcError | null
}

interface ProjectsActions {
  screenOpened(): Promise<void>
  /**
   * A change arrived (lib/live.ts): the list and the open project again. A project that left the user's scope (removed
   * from the team) or was deleted goes back to the list with a notice.
   */
  reload(): Promise<void>
  filterChosen(filters: ProjectFilters): Promise<void>
  projectOpened(id: string): Promise<void>
  backToList(): Promise<void>
  rosterOpened(classId: string): void
  backToProject(): Promise<void>
  sessionDialogToggled(open: boolean): void
  sessionCreated(input: SessionCreateInput): Promise<boolean>
  classDialogOpened(sessionId: string | null): Promise<void>
  classCreated(input: ClassCreateInput): Promise<boolean>
  sessionEditOpened(session: SessionView | null): void
  sessionEdited(input: SessionUpdateInput): Promise<boolean>
  classEditOpened(klass: ClassView | null): Promise<void>
  classEdited(input: ClassUpdateInput): Promise<boolean>
  deleteRequested(target: { kind: 'session'; session: SessionView } | { kind: 'class'; klass: ClassView } | null): void
  deleteConfirmed(): Promise<void>
  enrollmentsOpened(classId: string | null): Promise<void>
  enrollmentStatusChosen(enrollmentId: string, status: EnrollmentStatus): Promise<void>
  feedbackOpened(target: ProjectsState['feedbackTarget']): void
  feedbackRecorded(input: FeedbackRecordInput): Promise<boolean>
  teamDialogOpened(dialog: ProjectsState['teamDialog']): Promise<void>
  teamMemberSaved(input: TeamMemberSaveInput): Promise<boolean>
  teamMemberRemoved(projectId: string, userId: string): Promise<void>
  completionRuleSaved(input: CompletionRuleInput): Promise<boolean>
  projectDialogOpened(dialog: ProjectsState['projectDialog']): Promise<void>
  projectSaved(input: ProjectSaveInput): Promise<boolean>
  projectFromOpportunity(opportunityId: string): Promise<boolean>
  projectDeleteRequested(project: ProjectDetail | null): void
  projectDeleteConfirmed(): Promise<void>
  trashOpened(open: boolean): Promise<void>
  projectRestored(id: string): Promise<void>
  enrolled(input: EnrolInput): Promise<boolean>
  enrollmentRemoved(enrollmentId: string): Promise<void>
  completionOpened(projectId: string | null, sessionId?: string): Promise<void>
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
  editingSession: null,
  editingClass: null,
  pendingDelete: null,
  enrollments: null,
  feedbackTarget: null,
  teamDialog: null,
  teamCandidates: [],
  projectDialog: null,
  formOptions: null,
  pendingProjectDelete: null,
  trash: null,
  enrolResult: null,
  completion: null,
  error: null,
}

/** What the projects screen reads (lib/live.ts reloads it when one of these changes). */
export const PROJECTS_READS = [
  'projects',
  'project_team_members',
  'training_sessions',
  'training_classes',
  'enrollments',
  'attendance_records',
  'companies',
  'instructors',
  'users',
  'activities',
  'training_feedback',
  'instructor_clashes',
] as const

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
    reload: async () => {
      const view = get().view
      const id = view.kind === 'list' ? null : view.kind === 'project' ? view.id : view.projectId
      if (id) {
        const edit = await api.sync.lastEdit({ table: 'projects', id }).catch(() => null)
        if (edit && !edit.exists) {
          if (get().view === view) {
            set({ view: { kind: 'list' }, detail: null })
            showNotice(i18n.t('live.gone.title'), i18n.t('live.gone.body'))
          }
          await guard(reloadList)
          return
        }
      }
      await guard(async () => {
        await reloadList()
        // The roster view reloads itself (roster-store); the project page behind it is read on the way back.
        if (view.kind === 'project' && get().view === view) await reloadDetail(view.id)
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
        created = true
        set({ detail: result.project, classDialogSession: null, doubleBookings: [], error: null })
      })
      return created
    },
    sessionEditOpened: (session) => set({ editingSession: session }),
    sessionEdited: async (input) =>
      guard(async () => {
        set({ detail: await api.sessions.update(input), editingSession: null, error: null })
      }),
    classEditOpened: async (klass) => {
      set({ editingClass: klass, doubleBookings: [] })
      if (klass && get().instructors.length === 0) await guard(async () => set({ instructors: await api.instructors.list() }))
    },
    classEdited: async (input) => {
      let saved = false
      await guard(async () => {
        const result = await api.classes.update(input)
        if (result.status === 'doubleBooked') {
          set({ doubleBookings: result.conflicts })
          return
        }
        saved = true
        set({ detail: result.project, editingClass: null, doubleBookings: [], error: null })
      })
      return saved
    },
    deleteRequested: (target) => set({ pendingDelete: target === null ? null : target.kind === 'session' ? target : { ...target, marks: null } }),
    deleteConfirmed: async () => {
      const target = get().pendingDelete
      if (!target) return
      const ok = await guard(async () => {
        if (target.kind === 'session') {
          set({ detail: await api.sessions.delete({ id: target.session.id }), pendingDelete: null, error: null })
          return
        }
        // The first yes deletes a class without marks; with marks main asks again, and the second yes confirms.
        const result = await api.classes.delete({ id: target.klass.id, confirmAttendance: target.marks !== null })
        if (result.status === 'hasAttendance') {
          set({ pendingDelete: { ...target, marks: result.marks } })
          return
        }
        set({ detail: result.project, pendingDelete: null, error: null })
      })
      // A refusal (e.g. a session that still has classes) closes the question; the banner says why.
      if (!ok) set({ pendingDelete: null })
    },
    enrollmentsOpened: async (classId) => {
      if (classId === null) {
        set({ enrollments: null })
        const view = get().view
        if (view.kind === 'project') await guard(() => reloadDetail(view.id))
        return
      }
      await guard(async () => set({ enrollments: await api.enrollments.list({ classId }), enrolResult: null, error: null }))
    },
    enrollmentStatusChosen: async (enrollmentId, status) => {
      await guard(async () => {
        set({ enrollments: await api.enrollments.setStatus({ enrollmentId, status }), error: null })
      })
    },
    feedbackOpened: (feedbackTarget) => set({ feedbackTarget }),
    feedbackRecorded: async (input) =>
      guard(async () => {
        // The dialog stays open for the next answer (a coordinator types in a stack of paper forms).
        set({ detail: await api.feedback.record(input), error: null })
      }),
    teamDialogOpened: async (teamDialog) => {
      set({ teamDialog })
      if (teamDialog && get().teamCandidates.length === 0) await guard(async () => set({ teamCandidates: await api.projects.teamCandidates() }))
    },
    teamMemberSaved: async (input) =>
      guard(async () => {
        set({ detail: await api.projects.teamSave(input), teamDialog: null, error: null })
      }),
    teamMemberRemoved: async (projectId, userId) => {
      await guard(async () => {
        set({ detail: await api.projects.teamRemove({ projectId, userId }), error: null })
      })
    },
    completionRuleSaved: async (input) =>
      guard(async () => {
        set({ detail: await api.projects.setCompletionRule(input), error: null })
      }),
    projectDialogOpened: async (projectDialog) => {
      set({ projectDialog, error: null })
      if (projectDialog) await guard(async () => set({ formOptions: await api.projects.formOptions() }))
    },
    projectSaved: async (input) =>
      guard(async () => {
        const detail = await api.projects.save(input)
        set({ detail, view: { kind: 'project', id: detail.id }, projectDialog: null, error: null })
        await reloadList()
      }),
    projectFromOpportunity: async (opportunityId) =>
      guard(async () => {
        const detail = await api.projects.fromOpportunity({ opportunityId })
        set({ detail, view: { kind: 'project', id: detail.id }, error: null })
        await reloadList()
      }),
    projectDeleteRequested: (pendingProjectDelete) => set({ pendingProjectDelete }),
    projectDeleteConfirmed: async () => {
      const project = get().pendingProjectDelete
      if (!project) return
      await guard(async () => {
        await api.projects.remove({ id: project.id })
        set({ view: { kind: 'list' }, detail: null, error: null })
        await reloadList()
      })
      set({ pendingProjectDelete: null })
    },
    trashOpened: async (open) => {
      if (!open) return set({ trash: null })
      await guard(async () => set({ trash: await api.projects.deleted() }))
    },
    projectRestored: async (id) => {
      await guard(async () => {
        const detail = await api.projects.restore({ id })
        set({ trash: null, detail, view: { kind: 'project', id: detail.id }, error: null })
        await reloadList()
      })
    },
    enrolled: async (input) =>
      guard(async () => {
        const { result, enrollments } = await api.enrollments.add(input)
        // A whole-session enrolment answers no class list: the open dialog's class is read again.
        const open = get().enrollments
        const fresh = enrollments ?? (open ? await api.enrollments.list({ classId: open.classId }) : null)
        set({ enrolResult: result, error: null, ...(fresh ? { enrollments: fresh } : {}) })
        const view = get().view
        if (view.kind === 'project') await reloadDetail(view.id)
      }),
    enrollmentRemoved: async (enrollmentId) => {
      await guard(async () => {
        set({ enrollments: await api.enrollments.remove({ enrollmentId }), error: null })
      })
    },
    completionOpened: async (projectId, sessionId) => {
      if (projectId === null) return set({ completion: null })
      await guard(async () => set({ completion: await api.projects.completion({ projectId, sessionId }), error: null }))
    },
    errorDismissed: () => set({ error: null }),
  }
})

/** The tables the projects screen reads (for the live-refresh wiring, CONTRACTS.md §4). */
export const projectsReadsTables = [
  'projects',
  'project_team_members',
  'training_sessions',
  'training_classes',
  'enrollments',
  'attendance_records',
  'trainees',
  'training_feedback',
  'instructors',
  'opportunities',
  'meetings',
  'meeting_products',
  'contracts',
] as const

// Links from other screens (the dashboard's training chart) open a project page here.
if (typeof window !== 'undefined') {
  onOpenRecord((link) => {
    if (link.screen === 'projects' && link.projectId) void useProjectsStore.getState().projectOpened(link.projectId)
  })
}
