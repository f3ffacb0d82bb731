import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type BoardColumn, type OpportunityDetail } from '../../../../shared/ipc/sales-types'
import { type OpportunityStage } from '../../../../shared/model/enums'
import { type OpportunityCloseInput, type OpportunityCreateInput, type OpportunityEditInput } from '../../../../shared/model/validation/sales'
import { api, toIpcError } from '../../lib/api'
import { onOpenRecord } from '../../lib/record-links'

export type CloseOutcome = 'WON' | 'LOST'

interface OpportunitiesState {
  readonly columns: readonly BoardColumn[]
  readonly loaded: boolean
  readonly detail: OpportunityDetail | null
  readonly creating: boolean
  /** The won/lost dialog: which opportunity and which outcome. */
  readonly closing: { readonly id: string; readonly title: string; readonly outcome: CloseOutcome } | null
  readonly companies: readonly { id: string; name: string }[]
  /** The last move, announced to screen readers and shown as a notice. */
  readonly lastMove: { readonly id: string; readonly title: string; readonly stage: OpportunityStage } | null
  readonly error: IpcError | null
}

/** What the board and the open detail read (lib/live.ts reloads them when one of these changes). */
export const OPPORTUNITIES_READS = ['opportunities', 'opportunity_stage_history', 'companies', 'users'] as const

interface OpportunitiesActions {
  boardOpened(): Promise<void>
  /** A change arrived (a colleague's move, a pull): re-read the board and the open detail, keep everything else. */
  reload(): Promise<void>
  /** A drop on a column or a choice in the "move to stage" menu; closed stages open the won/lost dialog instead. */
  cardMoved(id: string, stage: OpportunityStage): Promise<void>
  closeRequested(id: string, outcome: CloseOutcome): void
  closeCancelled(): void
  closeConfirmed(input: OpportunityCloseInput): Promise<boolean>
  cardOpened(id: string): Promise<void>
  detailClosed(): void
  detailSaved(input: OpportunityEditInput): Promise<boolean>
  newClicked(): Promise<void>
  newCancelled(): void
  created(input: OpportunityCreateInput): Promise<boolean>
  errorDismissed(): void
}

export type OpportunitiesStore = OpportunitiesState & OpportunitiesActions

export const initialOpportunitiesState: OpportunitiesState = {
  columns: [],
  loaded: false,
  detail: null,
  creating: false,
  closing: null,
  companies: [],
  lastMove: null,
  error: null,
}

const findCard = (columns: readonly BoardColumn[], id: string) => columns.flatMap((c) => c.cards).find((card) => card.id === id)

export const useOpportunitiesStore = create<OpportunitiesStore>()((set, get) => {
  const reload = async (): Promise<void> => {
    set({ columns: await api.opportunities.board(), loaded: true })
  }
  const fail = (error: unknown): void => set({ error: toIpcError(error) })

  return {
    ...initialOpportunitiesState,
    boardOpened: async () => {
      try {
        await reload()
      } catch (error) {
        fail(error)
      }
    },
    reload: async () => {
      try {
        await reload()
        const open = get().detail
        if (open) {
          // Gone (deleted, out of scope): the detail dialog's own watch closes it with a notice.
          const detail = await api.opportunities.get({ id: open.id }).catch(() => null)
          if (detail && get().detail?.id === detail.id) set({ detail })
        }
      } catch (error) {
        fail(error)
      }
    },
    cardMoved: async (id, stage) => {
      const card = findCard(get().columns, id)
      if (!card || card.stage === stage) return
      if (stage === 'CLOSED_WON' || stage === 'CLOSED_LOST') {
        set({ closing: { id, title: card.title, outcome: stage === 'CLOSED_WON' ? 'WON' : 'LOST' } })
        return
      }
      set({ error: null })
      try {
        await api.opportunities.move({ id, stage })
        set({ lastMove: { id, title: card.title, stage } })
        await reload()
      } catch (error) {
        fail(error)
      }
    },
    closeRequested: (id, outcome) => {
      const card = findCard(get().columns, id)
      const title = card?.title ?? get().detail?.title ?? ''
      set({ closing: { id, title, outcome } })
    },
    closeCancelled: () => set({ closing: null }),
    closeConfirmed: async (input) => {
      try {
        const detail = await api.opportunities.close(input)
        set({ closing: null, lastMove: { id: detail.id, title: detail.title, stage: detail.stage }, detail: get().detail ? detail : null })
        await reload()
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    cardOpened: async (id) => {
      try {
        set({ detail: await api.opportunities.get({ id }), error: null })
      } catch (error) {
        fail(error)
      }
    },
    detailClosed: () => set({ detail: null }),
    detailSaved: async (input) => {
      try {
        set({ detail: await api.opportunities.update(input), error: null })
        await reload()
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    newClicked: async () => {
      try {
        set({ creating: true, companies: await api.opportunities.companies(), error: null })
      } catch (error) {
        fail(error)
      }
    },
    newCancelled: () => set({ creating: false }),
    created: async (input) => {
      try {
        await api.opportunities.create(input)
        set({ creating: false })
        await reload()
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    errorDismissed: () => set({ error: null }),
  }
})

// Links from other screens (the dashboard's follow-ups) open an opportunity's detail here.
if (typeof window !== 'undefined') {
  onOpenRecord((link) => {
    if (link.screen === 'opportunities' && link.opportunityId) void useOpportunitiesStore.getState().cardOpened(link.opportunityId)
  })
}
