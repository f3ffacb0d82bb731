/**
 * The meetings screen: list or calendar (week / month), the range shown, "mine only", and the meeting open in the
 * dialog. Every change is saved through main at once; the dialog keeps its own draft until Save.
 */
import { create } from 'zustand'
import { calendarRange, shiftAnchor, type CalendarView } from '../../../../shared/domain/calendar'
import { addDays, todayIsoDate } from '../../../../shared/domain/dates'
import { type InputOf } from '../../../../shared/ipc/contract'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type CalendarEntry, type ContactOption, type MeetingDetail, type MeetingOptions, type MeetingSummary } from '../../../../shared/ipc/meetings-types'
import { api, toIpcError } from '../../lib/api'
import { showNotice } from '../../lib/notices'
import { i18n } from '../../i18n'
import { onOpenRecord } from '../../lib/record-links'

export type MeetingsView = 'list' | CalendarView

/** The dialog: a stored meeting (detail) or a new one (detail null, with the date it was started from). */
export type OpenMeeting = { readonly detail: MeetingDetail } | { readonly detail: null; readonly date: string }

interface MeetingsState {
  readonly view: MeetingsView
  readonly anchor: string
  readonly mine: boolean
  /** The list's date range, both ends inclusive; '' leaves that end open. */
  readonly listFrom: string
  readonly listTo: string
  readonly meetings: readonly MeetingSummary[] | null
  readonly entries: readonly CalendarEntry[] | null
  readonly open: OpenMeeting | null
  /** Changes each time a dialog is opened (not when its meeting is saved), so a saved new meeting keeps its dialog. */
  readonly dialogKey: number
  readonly options: MeetingOptions | null
  readonly contacts: Readonly<Record<string, readonly ContactOption[]>>
  readonly saving: boolean
  readonly error: IpcError | null
}

interface MeetingsActions {
  screenOpened(): Promise<void>
  /**
   * A change arrived (lib/live.ts): the list or calendar again, and the open meeting again; an open meeting that is
   * gone closes with a notice.
   */
  reload(): Promise<void>
  viewChosen(view: MeetingsView): Promise<void>
  anchorMoved(step: -1 | 1): Promise<void>
  todayChosen(): Promise<void>
  mineToggled(mine: boolean): Promise<void>
  listRangeChosen(range: { readonly from: string; readonly to: string }): Promise<void>
  meetingOpened(id: string): Promise<void>
  newMeetingOpened(date?: string): Promise<void>
  dialogClosed(): Promise<void>
  contactsNeeded(companyId: string): Promise<void>
  /** Each resolves to the saved meeting, or null when main refused (the error is shown). */
  meetingSaved(input: InputOf<'meetings.save'>): Promise<MeetingDetail | null>
  meetingCancelled(id: string): Promise<MeetingDetail | null>
  minutesSaved(input: InputOf<'meetings.saveMinutes'>): Promise<MeetingDetail | null>
  actionItemSaved(input: InputOf<'meetings.saveActionItem'>): Promise<MeetingDetail | null>
  errorDismissed(): void
}

/** What the meetings screen reads (lib/live.ts reloads it when one of these changes). */
export const MEETINGS_READS = [
  'meetings',
  'meeting_participants',
  'meeting_agenda',
  'meeting_minutes',
  'meeting_action_items',
  'meeting_products',
  'training_classes',
  'training_sessions',
  'projects',
  'companies',
  'contacts',
  'users',
] as const

export const useMeetingsStore = create<MeetingsState & MeetingsActions>()((set, get) => {
  const guard = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn()
    } catch (error) {
      set({ error: toIpcError(error) })
      return null
    }
  }
  const load = async (): Promise<void> => {
    const { view, anchor, mine, listFrom, listTo } = get()
    await guard(async () => {
      if (view === 'list') {
        const range = { ...(listFrom ? { from: listFrom } : {}), ...(listTo ? { to: addDays(listTo, 1) } : {}) }
        set({ meetings: await api.meetings.list({ mine, ...range }) })
      } else set({ entries: await api.meetings.calendar({ ...calendarRange(view, anchor), mine }) })
    })
  }
  const loadOptions = async (): Promise<void> => {
    if (get().options) return
    await guard(async () => set({ options: await api.meetings.options() }))
  }
  const saved = async (fn: () => Promise<MeetingDetail>): Promise<MeetingDetail | null> => {
    set({ saving: true, error: null })
    const detail = await guard(fn)
    set({ saving: false, ...(detail ? { open: { detail } } : {}) })
    if (detail) await load()
    return detail
  }
  return {
    view: 'list',
    anchor: todayIsoDate(),
    mine: false,
    listFrom: '',
    listTo: '',
    meetings: null,
    entries: null,
    open: null,
    dialogKey: 0,
    options: null,
    contacts: {},
    saving: false,
    error: null,
    screenOpened: load,
    reload: async () => {
      await load()
      const open = get().open
      const id = open && 'detail' in open && open.detail ? open.detail.id : null
      if (!id) return
      const edit = await api.sync.lastEdit({ table: 'meetings', id }).catch(() => null)
      if (edit && !edit.exists && get().open === open) {
        set({ open: null })
        showNotice(i18n.t('live.gone.title'), i18n.t('live.gone.body'))
        return
      }
      // The open meeting as it is now: its action items, minutes and header follow a colleague's edits (the dialog's
      // own form values merge on their own — MeetingDialog, MinutesForm — and are not reset by this).
      const detail = await api.meetings.get({ id }).catch(() => null)
      if (detail && get().open === open) set({ open: { detail } })
    },
    viewChosen: async (view) => {
      set({ view })
      await load()
    },
    anchorMoved: async (step) => {
      const { view, anchor } = get()
      if (view === 'list') return
      set({ anchor: shiftAnchor(view, anchor, step) })
      await load()
    },
    todayChosen: async () => {
      set({ anchor: todayIsoDate() })
      await load()
    },
    mineToggled: async (mine) => {
      set({ mine })
      await load()
    },
    listRangeChosen: async ({ from, to }) => {
      set({ listFrom: from, listTo: to })
      await load()
    },
    meetingOpened: async (id) => {
      await loadOptions()
      await guard(async () => set({ open: { detail: await api.meetings.get({ id }) }, dialogKey: get().dialogKey + 1 }))
    },
    newMeetingOpened: async (date) => {
      await loadOptions()
      set({ open: { detail: null, date: date ?? todayIsoDate() }, dialogKey: get().dialogKey + 1 })
    },
    dialogClosed: async () => {
      set({ open: null })
      await load()
    },
    contactsNeeded: async (companyId) => {
      if (get().contacts[companyId]) return
      await guard(async () => {
        const list = await api.meetings.contacts({ companyId })
        set({ contacts: { ...get().contacts, [companyId]: list } })
      })
    },
    meetingSaved: (input) => saved(() => api.meetings.save(input)),
    meetingCancelled: (id) => saved(() => api.meetings.cancel({ id })),
    minutesSaved: (input) => saved(() => api.meetings.saveMinutes(input)),
    actionItemSaved: (input) => saved(() => api.meetings.saveActionItem(input)),
    errorDismissed: () => set({ error: null }),
  }
})

// A company page (or search) links to a meeting: the shell switches screens, this store opens it.
if (typeof window !== 'undefined') {
  onOpenRecord((link) => {
    if (link.screen === 'meetings' && link.meetingId) void useMeetingsStore.getState().meetingOpened(link.meetingId)
  })
}
