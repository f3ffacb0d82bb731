import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type LeadDetail, type LeadPipelineStep, type LeadSummary, type UserOption } from '../../../../shared/ipc/sales-types'
import { type LeadStatus } from '../../../../shared/model/enums'
import { type LeadAssignmentRequestInput, type LeadConversionInput, type LeadCreateInput, type LeadEditInput } from '../../../../shared/model/validation/sales'
import { api, toIpcError } from '../../lib/api'
import { onOpenRecord } from '../../lib/record-links'

interface LeadsState {
  readonly leads: readonly LeadSummary[]
  readonly pipeline: readonly LeadPipelineStep[]
  /** null: every status. */
  readonly statusFilter: LeadStatus | null
  readonly loaded: boolean
  readonly detail: LeadDetail | null
  readonly creating: boolean
  readonly users: readonly UserOption[]
  readonly notice: 'saved' | 'requested' | 'converted' | null
  readonly error: IpcError | null
}

interface LeadsActions {
  screenOpened(): Promise<void>
  /** A change arrived (lib/live.ts): the list and the open lead again, nothing else reset. */
  reload(): Promise<void>
  statusFilterChosen(status: LeadStatus | null): Promise<void>
  leadOpened(id: string): Promise<void>
  detailClosed(): void
  newLeadClicked(): void
  leadCreated(input: LeadCreateInput): Promise<boolean>
  leadSaved(input: LeadEditInput): Promise<boolean>
  assignmentRequested(input: LeadAssignmentRequestInput): Promise<boolean>
  assignmentDecided(assignmentId: string, approve: boolean, rejectionReason?: string): Promise<boolean>
  leadConverted(input: LeadConversionInput): Promise<boolean>
  errorDismissed(): void
}

export type LeadsStore = LeadsState & LeadsActions

export const initialLeadsState: LeadsState = {
  leads: [],
  pipeline: [],
  statusFilter: null,
  loaded: false,
  detail: null,
  creating: false,
  users: [],
  notice: null,
  error: null,
}

/** What the leads screen reads (lib/live.ts reloads it when one of these changes). */
export const LEADS_READS = ['leads', 'lead_assignments', 'companies', 'users'] as const

export const useLeadsStore = create<LeadsStore>()((set, get) => {
  const reload = async (): Promise<void> => {
    const status = get().statusFilter
    const result = await api.leads.list(status ? { status } : undefined)
    set({ leads: result.leads, pipeline: result.pipeline, loaded: true })
  }

  /** A write, then the list again; failures become the screen's error banner. An open lead shows its new state. */
  const write = async (fn: () => Promise<LeadDetail>, notice: LeadsState['notice']): Promise<boolean> => {
    set({ error: null, notice: null })
    try {
      const detail = await fn()
      set({ notice, ...(get().detail?.id === detail.id ? { detail } : {}) })
      await reload()
      return true
    } catch (error) {
      set({ error: toIpcError(error) })
      return false
    }
  }

  return {
    ...initialLeadsState,
    reload: async () => {
      try {
        await reload()
        const open = get().detail
        if (open) {
          const detail = await api.leads.get({ id: open.id }).catch(() => null)
          if (get().detail?.id === open.id) set({ detail })
        }
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },
    screenOpened: async () => {
      try {
        const [, users] = await Promise.all([reload(), api.leads.assignableUsers()])
        set({ users })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },
    statusFilterChosen: async (statusFilter) => {
      set({ statusFilter })
      try {
        await reload()
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },
    leadOpened: async (id) => {
      try {
        set({ detail: await api.leads.get({ id }), creating: false, notice: null, error: null })
      } catch (error) {
        set({ error: toIpcError(error) })
      }
    },
    detailClosed: () => set({ detail: null, creating: false, notice: null }),
    newLeadClicked: () => set({ creating: true, detail: null, notice: null, error: null }),
    leadCreated: async (input) => {
      const ok = await write(() => api.leads.create(input), 'saved')
      if (ok) set({ creating: false })
      return ok
    },
    leadSaved: (input) => write(() => api.leads.update(input), 'saved'),
    assignmentRequested: (input) => write(() => api.leads.requestAssignment(input), 'requested'),
    assignmentDecided: (assignmentId, approve, rejectionReason) =>
      write(() => api.leads.decideAssignment({ assignmentId, approve, rejectionReason: rejectionReason ?? null }), 'saved'),
    leadConverted: async (input) =>
      write(async () => {
        const result = await api.leads.convert(input)
        return api.leads.get({ id: result.leadId })
      }, 'converted'),
    errorDismissed: () => set({ error: null }),
  }
})

// Search hits and links from other screens open a lead's detail here.
if (typeof window !== 'undefined') {
  onOpenRecord((link) => {
    if (link.screen === 'leads' && link.leadId) void useLeadsStore.getState().leadOpened(link.leadId)
  })
}
