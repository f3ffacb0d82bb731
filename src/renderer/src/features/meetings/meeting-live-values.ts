/**
 * The meeting dialog's whole draft — the meeting row and its attendee, agenda and product rows — as one flat map of
 * text values, the shape lib/concurrent-edit.ts merges field by field. Flattening the sub-rows lets the one shared
 * mechanism handle them too: a colleague's new agenda item is a set of keys the user never touched (so it appears), a
 * row they removed loses its presence key, an attendance they changed is one field, and saving lays only this user's
 * changed keys over the meeting as it is now, so the colleague's rows and fields survive.
 *
 * Keys: the meeting's own fields as in `overviewOf` (title, date, …); per row `section:key` = '1' while the row is
 * there ('' once removed), `section:key:#` its position, `section:key:field` each field. A stored row's key is its id;
 * a row not saved yet has a `new-…` key (meeting-draft.ts), never an id.
 */
import { wonText } from '../../components/WonInput'
import { type SyncedTable } from '../../../../shared/model/tables'
import { newMeetingDraft, overviewOf, withOverview, type AgendaDraft, type MeetingDraft, type ParticipantDraft, type ProductDraft } from './meeting-draft'

export type MeetingLiveValues = Readonly<Record<string, string>>

export const ROW_SECTIONS = ['participants', 'agenda', 'products'] as const
export type RowSection = (typeof ROW_SECTIONS)[number]

export const SECTION_TABLES: Readonly<Record<RowSection, SyncedTable>> = {
  participants: 'meeting_participants',
  agenda: 'meeting_agenda',
  products: 'meeting_products',
}

/** A participant's identity (type, colleague or contact, the name shown) is one field: they change together. */
interface Who {
  readonly participantType: ParticipantDraft['participantType']
  readonly userId: string | null
  readonly contactId: string | null
  readonly label: string
}

const rowFields = {
  participants: (p: ParticipantDraft): Record<string, string> => ({
    who: JSON.stringify({ participantType: p.participantType, userId: p.userId, contactId: p.contactId, label: p.label } satisfies Who),
    name: p.name ?? '',
    company: p.company ?? '',
    position: p.position ?? '',
    role: p.role ?? '',
    attendance: p.attendance,
  }),
  agenda: (a: AgendaDraft): Record<string, string> => ({ topic: a.topic, duration: a.duration, presenter: a.presenter }),
  products: (l: ProductDraft): Record<string, string> => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice.text, discount: l.discount }),
}

/** Who a participant's `who` value names (null when it is not one). */
export function whoOf(value: string | undefined): Who | null {
  if (!value) return null
  try {
    return JSON.parse(value) as Who
  } catch {
    return null
  }
}

export function meetingValuesOf(draft: MeetingDraft): MeetingLiveValues {
  const out: Record<string, string> = { ...overviewOf(draft) }
  const put = <R extends { readonly key: string }>(section: RowSection, rows: readonly R[], fields: (row: R) => Record<string, string>): void => {
    rows.forEach((row, index) => {
      out[`${section}:${row.key}`] = '1'
      out[`${section}:${row.key}:#`] = String(index)
      for (const [field, value] of Object.entries(fields(row))) out[`${section}:${row.key}:${field}`] = value
    })
  }
  put('participants', draft.participants, rowFields.participants)
  put('agenda', draft.agenda, rowFields.agenda)
  put('products', draft.products, rowFields.products)
  return out
}

/** The rows of one section present in `values`, in their positions, as field maps keyed by row key. */
function rowsOf(values: MeetingLiveValues, section: RowSection): { key: string; get: (field: string) => string }[] {
  const keys: string[] = []
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split(':')
    if (parts.length === 2 && parts[0] === section && value === '1') keys.push(parts[1]!)
  }
  const position = (key: string): number => Number(values[`${section}:${key}:#`] ?? Number.MAX_SAFE_INTEGER)
  // Two rows at the same position (each device added one): stored rows first, then by key — the same order on the
  // screen and in what is saved, whichever side of the merge a row came from.
  const isNew = (key: string): number => (key.startsWith('new-') ? 1 : 0)
  return keys
    .sort((a, b) => position(a) - position(b) || isNew(a) - isNew(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, get: (field: string) => values[`${section}:${key}:${field}`] ?? '' }))
}

const storedId = (key: string): { id?: string } => (key.startsWith('new-') ? {} : { id: key })
const orNull = (text: string): string | null => (text === '' ? null : text)

/** The draft the values describe (`id`: the meeting's, when it is stored). */
export function meetingDraftOf(values: MeetingLiveValues, id: string | undefined): MeetingDraft {
  const skeleton: MeetingDraft = { ...newMeetingDraft('', null), ...(id ? { id } : {}) }
  const overview = Object.fromEntries(Object.keys(overviewOf(skeleton)).map((k) => [k, values[k] ?? ''])) as ReturnType<typeof overviewOf>
  return {
    ...withOverview(skeleton, overview),
    participants: rowsOf(values, 'participants').map(({ key, get }): ParticipantDraft => {
      const who = whoOf(get('who')) ?? { participantType: 'EXTERNAL', userId: null, contactId: null, label: get('name') }
      return {
        key,
        ...storedId(key),
        ...who,
        name: orNull(get('name')),
        company: orNull(get('company')),
        position: orNull(get('position')),
        role: orNull(get('role')) as ParticipantDraft['role'],
        attendance: (get('attendance') || 'PENDING') as ParticipantDraft['attendance'],
      }
    }),
    agenda: rowsOf(values, 'agenda').map(({ key, get }): AgendaDraft => ({
      key,
      ...storedId(key),
      topic: get('topic'),
      duration: get('duration'),
      presenter: get('presenter'),
    })),
    products: rowsOf(values, 'products').map(({ key, get }): ProductDraft => ({
      key,
      ...storedId(key),
      productId: get('productId'),
      quantity: get('quantity'),
      unitPrice: wonText(get('unitPrice')),
      discount: get('discount'),
    })),
  }
}

/** Which section, row and field a key names; null for the meeting's own fields. */
export function rowKeyOf(name: string): { section: RowSection; key: string; field: string | null } | null {
  const parts = name.split(':')
  if (parts.length < 2 || !(ROW_SECTIONS as readonly string[]).includes(parts[0]!)) return null
  return { section: parts[0] as RowSection, key: parts[1]!, field: parts[2] ?? null }
}

/** The stored row a key belongs to, for "who changed it and when" (rows not saved yet have none). */
export function storedRowOf(name: string): { table: SyncedTable; id: string } | null {
  const row = rowKeyOf(name)
  if (!row || row.key.startsWith('new-')) return null
  return { table: SECTION_TABLES[row.section], id: row.key }
}
