/**
 * Meetings (미팅) on the device: the filtered list, one meeting with everything hung on it (participants, agenda,
 * minutes, action items, proposed products and their derived totals), saving a meeting with its lists in one writer
 * transaction, cancelling, minutes and action items. The calendar of meetings and training classes is calendar.ts,
 * the form's pickers pickers.ts.
 *
 * Child lists are saved as a whole: a row sent with its id is updated, a row without one is created, and a stored row
 * the form no longer lists is soft-deleted (removals first, so re-adding a participant never trips the unique index on
 * (meeting, user) / (meeting, contact)). A proposed product saved without a unit price takes the product's list price
 * at that moment, so a later price-list change does not rewrite a proposal already made.
 */
import { toIsoTimestamp } from '../../../shared/domain/dates'
import { displayName } from '../../../shared/domain/korean-name'
import { meetingDurationMinutes, meetingProposalTotals, proposalLineAmounts } from '../../../shared/domain/meetings'
import {
  type ActionItemPriority,
  type ActionItemStatus,
  type CustomerReaction,
  type MeetingImportance,
  type MeetingLocationType,
  type MeetingStatus,
  type MeetingTarget,
  type MeetingType,
  type ParticipantAttendance,
  type ParticipantRole,
  type ParticipantType,
} from '../../../shared/model/enums'
import { type CompetitorMention } from '../../../shared/model/json'
import { type ActionItemSave, type MeetingSave, type MinutesSave } from '../../../shared/model/validation/meetings'
import {
  type ActionItemView,
  type MeetingDetail,
  type MeetingSummary,
  type ParticipantView,
  type ProposedProductView,
} from '../../../shared/ipc/meetings-types'
import { minutesId } from '../../../shared/ids/pair-id'
import { newRecordCode } from '../../../shared/ids/record-code'
import { createUserNames, type RepoContext } from '../common/context'
import { MeetingRuleError } from './rules'
import { createMeetingCalendar, type MeetingCalendar } from './calendar'
import { createMeetingPickers, type MeetingPickers } from './pickers'
import { createStatementCache } from '../common/sql'

export interface MeetingFilter {
  readonly from?: string | undefined
  /** Exclusive. */
  readonly to?: string | undefined
  readonly companyId?: string | undefined
  readonly mine?: boolean | undefined
  readonly status?: MeetingStatus | undefined
}

/** The meeting records: the list, one meeting with everything hung on it, and its writes. */
export interface MeetingRecords {
  list(filter?: MeetingFilter): MeetingSummary[]
  get(id: string): MeetingDetail
  save(input: MeetingSave): MeetingDetail
  cancel(id: string): MeetingDetail
  saveMinutes(input: MinutesSave): MeetingDetail
  saveActionItem(input: ActionItemSave): MeetingDetail
}

export type MeetingsRepo = MeetingRecords & MeetingCalendar & MeetingPickers

interface MeetingRow {
  id: string
  code: string
  title: string
  description: string | null
  target: MeetingTarget
  type: MeetingType
  company_id: string | null
  company_name: string | null
  opportunity_id: string | null
  project_id: string | null
  date: string
  start_time: string
  end_time: string
  location_type: MeetingLocationType | null
  location_address: string | null
  location_room: string | null
  online_link: string | null
  organizer_id: string
  status: MeetingStatus
  importance: MeetingImportance
  has_follow_up: number
  follow_up_date: string | null
  participant_count: number
  has_minutes: number
  open_action_items: number
}

interface ParticipantRow {
  id: string
  participant_type: ParticipantType
  user_id: string | null
  contact_id: string | null
  name: string | null
  company: string | null
  position: string | null
  role: ParticipantRole | null
  attendance: ParticipantAttendance
  contact_last: string | null
  contact_first: string | null
  contact_position: string | null
  contact_company: string | null
}

interface ProductLineRow {
  id: string
  product_id: string
  product_code: string | null
  product_name: string | null
  list_price: number | null
  quantity: number
  unit_price: number | null
  discount_percent: number
  notes: string | null
}

interface MinutesRow {
  id: string
  summary: string
  key_points: string
  decisions: string
  next_steps: string | null
  customer_reaction: CustomerReaction | null
  customer_concerns: string
  customer_interests: string
  competitors_mentioned: string
}

interface ActionItemRow {
  id: string
  meeting_id: string
  task: string
  assignee_id: string | null
  due_date: string | null
  priority: ActionItemPriority
  status: ActionItemStatus
  completed_at: string | null
  notes: string | null
}

const MEETING_COLUMNS = `m.id, m.code, m.title, m.description, m.target, m.type, m.company_id, c.name AS company_name,
  m.opportunity_id, m.project_id, m.date, m.start_time, m.end_time, m.location_type, m.location_address, m.location_room,
  m.online_link, m.organizer_id, m.status, m.importance, m.has_follow_up, m.follow_up_date,
  (SELECT COUNT(*) FROM meeting_participants x WHERE x.meeting_id = m.id AND x.deleted_at IS NULL) AS participant_count,
  EXISTS (SELECT 1 FROM meeting_minutes x WHERE x.meeting_id = m.id AND x.deleted_at IS NULL) AS has_minutes,
  (SELECT COUNT(*) FROM meeting_action_items x WHERE x.meeting_id = m.id AND x.deleted_at IS NULL AND x.status <> 'COMPLETED')
    AS open_action_items`
const MEETING_FROM = 'meetings m LEFT JOIN companies c ON c.id = m.company_id'

/** A JSON list column as stored (text); a malformed value reads as empty rather than breaking the page. */
function jsonList<T>(text: string | null): T[] {
  if (!text) return []
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? (value as T[]) : []
  } catch {
    return []
  }
}

export function createMeetingRecords(ctx: RepoContext): MeetingRecords {
  const { sqlite, writer } = ctx
  const names = createUserNames(sqlite)
  const cached = createStatementCache(sqlite)
  const meetingById = sqlite.prepare<[string], MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.id = ? AND m.deleted_at IS NULL`)
  const participantsOf = sqlite.prepare<[string], ParticipantRow>(
    `SELECT p.id, p.participant_type, p.user_id, p.contact_id, p.name, p.company, p.position, p.role, p.attendance,
            k.last_name AS contact_last, k.first_name AS contact_first, k.position AS contact_position, c.name AS contact_company
       FROM meeting_participants p
       LEFT JOIN contacts k ON k.id = p.contact_id
       LEFT JOIN branches b ON b.id = k.branch_id
       LEFT JOIN companies c ON c.id = b.company_id
      WHERE p.meeting_id = ? AND p.deleted_at IS NULL
      ORDER BY p.participant_type DESC, p.created_at, p.id`,
  )
  const agendaOf = sqlite.prepare<
    [string],
    { id: string; sequence: number; topic: string; duration: number | null; presenter: string | null; notes: string | null }
  >(
    `SELECT id, sequence, topic, duration, presenter, notes FROM meeting_agenda
      WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sequence, created_at, id`,
  )
  const minutesOf = sqlite.prepare<[string], MinutesRow>(
    `SELECT id, summary, key_points, decisions, next_steps, customer_reaction, customer_concerns, customer_interests,
            competitors_mentioned
       FROM meeting_minutes WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`,
  )
  const actionItemsOf = sqlite.prepare<[string], ActionItemRow>(
    `SELECT id, meeting_id, task, assignee_id, due_date, priority, status, completed_at, notes FROM meeting_action_items
      WHERE meeting_id = ? AND deleted_at IS NULL
      ORDER BY (status = 'COMPLETED'), due_date IS NULL, due_date, created_at, id`,
  )
  const actionItemById = sqlite.prepare<[string], ActionItemRow>(
    `SELECT id, meeting_id, task, assignee_id, due_date, priority, status, completed_at, notes FROM meeting_action_items
      WHERE id = ? AND deleted_at IS NULL`,
  )
  const productsOf = sqlite.prepare<[string], ProductLineRow>(
    `SELECT l.id, l.product_id, p.code AS product_code, p.name AS product_name, p.list_price, l.quantity, l.unit_price,
            l.discount_percent, l.notes
       FROM meeting_products l LEFT JOIN products p ON p.id = l.product_id
      WHERE l.meeting_id = ? AND l.deleted_at IS NULL ORDER BY l.created_at, l.id`,
  )
  const childIds = (table: string) => sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE meeting_id = ? AND deleted_at IS NULL`)
  const liveChildren = {
    meeting_participants: childIds('meeting_participants'),
    meeting_agenda: childIds('meeting_agenda'),
    meeting_products: childIds('meeting_products'),
  }
  const exists = (table: string) => sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE id = ? AND deleted_at IS NULL`)
  const companyExists = exists('companies')
  const contactExists = exists('contacts')
  const userExists = sqlite.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?')
  const productById = sqlite.prepare<[string], { id: string; list_price: number | null }>(
    'SELECT id, list_price FROM products WHERE id = ? AND deleted_at IS NULL',
  )

  const requireActor = (): string => {
    const actor = ctx.actor()
    if (!actor) throw new MeetingRuleError('signInToEdit', 'Nobody is signed in')
    return actor.id
  }
  const requireMeeting = (id: string): MeetingRow => {
    const row = meetingById.get(id)
    if (!row) throw new MeetingRuleError('notFound', `No meeting ${id} on this device`)
    return row
  }
  const requireOpen = (row: MeetingRow): void => {
    if (row.status === 'CANCELLED') throw new MeetingRuleError('cancelled', `Meeting ${row.id} is cancelled`)
  }
  const requireRow = (found: unknown, what: string): void => {
    if (!found) throw new MeetingRuleError('notFound', `No ${what} on this device`)
  }

  const summaryOf = (row: MeetingRow, organizerName: string | null): MeetingSummary => ({
    id: row.id,
    code: row.code,
    title: row.title,
    target: row.target,
    type: row.type,
    status: row.status,
    importance: row.importance,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    durationMinutes: meetingDurationMinutes(row.start_time, row.end_time),
    companyId: row.company_id,
    companyName: row.company_name,
    organizerId: row.organizer_id,
    organizerName,
    locationType: row.location_type,
    participantCount: row.participant_count,
    hasMinutes: row.has_minutes === 1,
    openActionItems: row.open_action_items,
  })

  const get = (id: string): MeetingDetail => {
    const row = requireMeeting(id)
    const participants = participantsOf.all(id)
    const actionItems = actionItemsOf.all(id)
    const userNames = names([row.organizer_id, ...participants.map((p) => p.user_id), ...actionItems.map((a) => a.assignee_id)])
    const products: ProposedProductView[] = productsOf.all(id).map((l) => {
      const amounts = proposalLineAmounts({ quantity: l.quantity, unitPrice: l.unit_price, discountPercent: l.discount_percent })
      return {
        id: l.id,
        productId: l.product_id,
        productCode: l.product_code,
        productName: l.product_name,
        listPrice: l.list_price,
        quantity: l.quantity,
        unitPrice: l.unit_price,
        discountPercent: l.discount_percent,
        notes: l.notes,
        gross: amounts?.gross ?? null,
        discount: amounts?.discount ?? null,
        total: amounts?.total ?? null,
      }
    })
    const minutes = minutesOf.get(id)
    return {
      ...summaryOf(row, userNames.get(row.organizer_id) ?? null),
      description: row.description,
      opportunityId: row.opportunity_id,
      projectId: row.project_id,
      locationAddress: row.location_address,
      locationRoom: row.location_room,
      onlineLink: row.online_link,
      hasFollowUp: row.has_follow_up === 1,
      followUpDate: row.follow_up_date,
      participants: participants.map((p): ParticipantView => {
        const contactName = p.contact_last !== null && p.contact_first !== null ? displayName({ lastName: p.contact_last, firstName: p.contact_first }) : null
        return {
          id: p.id,
          participantType: p.participant_type,
          userId: p.user_id,
          contactId: p.contact_id,
          displayName: (p.user_id ? userNames.get(p.user_id) : null) ?? contactName ?? p.name ?? '—',
          name: p.name,
          company: p.company ?? p.contact_company,
          position: p.position ?? p.contact_position,
          role: p.role,
          attendance: p.attendance,
        }
      }),
      agenda: agendaOf.all(id).map((a) => ({ ...a })),
      minutes: minutes
        ? {
            id: minutes.id,
            summary: minutes.summary,
            keyPoints: jsonList<string>(minutes.key_points),
            decisions: jsonList<string>(minutes.decisions),
            nextSteps: minutes.next_steps,
            customerReaction: minutes.customer_reaction,
            customerConcerns: jsonList<string>(minutes.customer_concerns),
            customerInterests: jsonList<string>(minutes.customer_interests),
            competitorsMentioned: jsonList<CompetitorMention>(minutes.competitors_mentioned),
          }
        : null,
      actionItems: actionItems.map((a): ActionItemView => ({
        id: a.id,
        task: a.task,
        assigneeId: a.assignee_id,
        assigneeName: a.assignee_id ? (userNames.get(a.assignee_id) ?? null) : null,
        dueDate: a.due_date,
        priority: a.priority,
        status: a.status,
        completedAt: a.completed_at,
        notes: a.notes,
      })),
      products,
      proposal: meetingProposalTotals(products),
    }
  }

  /** Saves one child list: updates rows sent with their id, creates the rest, soft-deletes rows no longer listed. */
  const saveChildren = <T extends { readonly id?: string | undefined }>(
    table: keyof typeof liveChildren,
    meetingId: string,
    rows: readonly T[],
    fieldsOf: (row: T, index: number) => Record<string, unknown>,
  ): void => {
    const stored = new Set(liveChildren[table].all(meetingId).map((r) => r.id))
    const kept = new Set(rows.map((r) => r.id).filter((id): id is string => id !== undefined))
    for (const id of kept) requireRow(stored.has(id), `${table} ${id} in meeting ${meetingId}`)
    for (const id of stored) if (!kept.has(id)) writer.remove(table, id)
    for (const [index, row] of rows.entries()) {
      writer.upsert(table, row.id ?? ctx.newId(), { meeting_id: meetingId, ...fieldsOf(row, index) })
    }
  }

  const list = (filter: MeetingFilter = {}): MeetingSummary[] => {
    const parts = ['m.deleted_at IS NULL']
    const params: string[] = []
    if (filter.from) {
      parts.push('m.date >= ?')
      params.push(filter.from)
    }
    if (filter.to) {
      parts.push('m.date < ?')
      params.push(filter.to)
    }
    if (filter.companyId) {
      parts.push('m.company_id = ?')
      params.push(filter.companyId)
    }
    if (filter.status) {
      parts.push('m.status = ?')
      params.push(filter.status)
    }
    if (filter.mine) {
      const me = ctx.actor()?.id
      if (!me) return []
      parts.push(`(m.organizer_id = ? OR EXISTS (SELECT 1 FROM meeting_participants x
        WHERE x.meeting_id = m.id AND x.deleted_at IS NULL AND x.user_id = ?))`)
      params.push(me, me)
    }
    const sql = `SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE ${parts.join(' AND ')}
      ORDER BY m.date DESC, m.start_time DESC, m.id DESC LIMIT 500`
    const rows = cached(sql).all(...params) as MeetingRow[]
    const userNames = names(rows.map((r) => r.organizer_id))
    return rows.map((r) => summaryOf(r, userNames.get(r.organizer_id) ?? null))
  }

  return {
    list,

    get,

    save(input) {
      const actorId = requireActor()
      // The schema checked this; a caller that skipped it must not store a meeting that ends before it starts.
      if (input.endTime <= input.startTime) throw new MeetingRuleError('invalidTime', 'end not after start')
      const existing = input.id ? requireMeeting(input.id) : null
      if (existing) requireOpen(existing)
      if (input.companyId) requireRow(companyExists.get(input.companyId), `company ${input.companyId}`)
      for (const p of input.participants) {
        if (p.userId) requireRow(userExists.get(p.userId), `user ${p.userId}`)
        if (p.contactId) requireRow(contactExists.get(p.contactId), `contact ${p.contactId}`)
      }
      const listPrices = new Map<string, number | null>()
      for (const line of input.products) {
        const product = productById.get(line.productId)
        requireRow(product, `product ${line.productId}`)
        listPrices.set(line.productId, product!.list_price)
      }
      const id = existing?.id ?? ctx.newId()
      writer.transaction(() => {
        writer.upsert('meetings', id, {
          ...(existing ? {} : { code: newRecordCode('meetings'), organizer_id: actorId }),
          title: input.title,
          description: input.description,
          target: input.target,
          type: input.type,
          company_id: input.companyId,
          opportunity_id: input.opportunityId,
          project_id: input.projectId,
          date: input.date,
          start_time: input.startTime,
          end_time: input.endTime,
          location_type: input.locationType,
          location_address: input.locationAddress,
          location_room: input.locationRoom,
          online_link: input.onlineLink,
          status: input.status,
          importance: input.importance,
          has_follow_up: input.hasFollowUp,
          follow_up_date: input.followUpDate,
        })
        saveChildren('meeting_participants', id, input.participants, (p) => ({
          participant_type: p.participantType,
          user_id: p.participantType === 'INTERNAL' ? p.userId : null,
          contact_id: p.participantType === 'EXTERNAL' ? p.contactId : null,
          name: p.participantType === 'EXTERNAL' ? p.name : null,
          company: p.participantType === 'EXTERNAL' ? p.company : null,
          position: p.position,
          role: p.role,
          attendance: p.attendance,
        }))
        saveChildren('meeting_agenda', id, input.agenda, (a, index) => ({
          sequence: index + 1,
          topic: a.topic,
          duration: a.duration,
          presenter: a.presenter,
          notes: a.notes,
        }))
        saveChildren('meeting_products', id, input.products, (l) => ({
          product_id: l.productId,
          quantity: l.quantity,
          unit_price: l.unitPrice ?? listPrices.get(l.productId) ?? null,
          discount_percent: l.discountPercent,
          notes: l.notes,
        }))
      })
      return get(id)
    },

    cancel(id) {
      requireActor()
      requireMeeting(id)
      writer.upsert('meetings', id, { status: 'CANCELLED' })
      return get(id)
    },

    saveMinutes(input) {
      requireActor()
      requireOpen(requireMeeting(input.meetingId))
      const current = minutesOf.get(input.meetingId)
      // Deterministic: the same row on every device (pair-id.ts); minutes deleted before are brought back, not duplicated.
      const id = current?.id ?? minutesId(input.meetingId)
      writer.upsert('meeting_minutes', id, {
        ...(current ? {} : { deleted_at: null }),
        meeting_id: input.meetingId,
        summary: input.summary,
        key_points: input.keyPoints,
        decisions: input.decisions,
        next_steps: input.nextSteps,
        customer_reaction: input.customerReaction,
        customer_concerns: input.customerConcerns,
        customer_interests: input.customerInterests,
        competitors_mentioned: input.competitorsMentioned.map((c) => (c.note ? { name: c.name, note: c.note } : { name: c.name })),
      })
      return get(input.meetingId)
    },

    saveActionItem(input) {
      requireActor()
      requireMeeting(input.meetingId)
      const current = input.id ? actionItemById.get(input.id) : undefined
      if (input.id) requireRow(current && current.meeting_id === input.meetingId, `action item ${input.id} in meeting ${input.meetingId}`)
      if (input.assigneeId) requireRow(userExists.get(input.assigneeId), `user ${input.assigneeId}`)
      // completed_at records when it was done: stamped on the move to COMPLETED, kept while it stays done.
      const completedAt = input.status !== 'COMPLETED' ? null : current?.status === 'COMPLETED' ? current.completed_at : toIsoTimestamp(ctx.now())
      writer.upsert('meeting_action_items', input.id ?? ctx.newId(), {
        meeting_id: input.meetingId,
        task: input.task,
        assignee_id: input.assigneeId,
        due_date: input.dueDate,
        priority: input.priority,
        status: input.status,
        completed_at: completedAt,
        notes: input.notes,
      })
      return get(input.meetingId)
    },
  }
}

/** Meetings with their calendar (meetings.ts, calendar.ts) and the form's pickers (pickers.ts). */
export function createMeetingsRepo(ctx: RepoContext): MeetingsRepo {
  const records = createMeetingRecords(ctx)
  return { ...records, ...createMeetingCalendar(ctx.sqlite, records.list), ...createMeetingPickers(ctx.sqlite) }
}
