/**
 * What the concurrent-edit notice says about a meeting's sub-rows (components/ConcurrentEditNotice.tsx takes a label
 * per field and a way to show a value): "안건 ‘예산’ 추가" for a row a colleague added, "참석자 ‘이서연’ · 참석 여부"
 * for one field of a row. A row added or removed is named once, not once per field.
 */
import { type TFunction } from 'i18next'
import { type MeetingOptions } from '../../../../shared/ipc/meetings-types'
import { type ParticipantAttendance, type ParticipantRole } from '../../../../shared/model/enums'
import { type ConcurrentEdit } from '../../lib/concurrent-edit'
import { rowKeyOf, whoOf, type MeetingLiveValues, type RowSection } from './meeting-live-values'

const FIELD_LABELS: Readonly<Record<RowSection, Readonly<Record<string, (t: TFunction) => string>>>> = {
  participants: {
    who: (t) => t('meetings.participants.name'),
    name: (t) => t('meetings.participants.name'),
    company: (t) => t('meetings.participants.company'),
    position: (t) => t('meetings.participants.position'),
    role: (t) => t('meetings.participants.role'),
    attendance: (t) => t('meetings.participants.attendance'),
  },
  agenda: { topic: (t) => t('meetings.agenda.topic'), duration: (t) => t('meetings.agenda.duration'), presenter: (t) => t('meetings.agenda.presenter') },
  products: {
    productId: (t) => t('meetings.products.product'),
    quantity: (t) => t('meetings.products.quantity'),
    unitPrice: (t) => t('meetings.products.unitPrice'),
    discount: (t) => t('meetings.products.discount'),
  },
}

export function meetingNoticeText(
  edit: ConcurrentEdit<MeetingLiveValues>,
  overviewLabels: Readonly<Record<string, string>>,
  options: MeetingOptions | null,
  t: TFunction,
): { labels: Record<string, string>; display: (field: string, value: string) => string | null } {
  const remote = edit.remote
  const productName = (productId: string): string => options?.products.find((p) => p.id === productId)?.name ?? productId
  // A row's name from whichever side still has it (a removed row lives on only in "theirs" or the user's values).
  const valueOf = (name: string): string => edit.values[name] || edit.base[name] || remote?.theirs[name] || ''
  const rowName = (section: RowSection, key: string): string => {
    const at = (field: string): string => valueOf(`${section}:${key}:${field}`)
    const name = section === 'participants' ? (whoOf(at('who'))?.label ?? at('name')) : section === 'agenda' ? at('topic') : productName(at('productId'))
    return name || t('live.rows.unnamed')
  }

  const labels: Record<string, string> = { ...overviewLabels }
  for (const name of new Set([...(remote?.fields ?? []), ...Object.keys(edit.values)])) {
    const row = rowKeyOf(name)
    if (!row) continue
    const section = t(`meetings.dialog.tabs.${row.section}`)
    const marker = `${row.section}:${row.key}`
    const what = { section, name: rowName(row.section, row.key) }
    if (row.field === null || remote?.fields.includes(marker)) {
      // Added or removed as a whole: one label for the row and every field in it.
      labels[name] = t(remote?.theirs[marker] === '1' ? 'live.rows.added' : 'live.rows.removed', what)
    } else {
      const label = FIELD_LABELS[row.section][row.field]
      const field = row.field === '#' ? t('live.rows.position') : label ? label(t) : row.field
      labels[name] = t('live.rows.field', { ...what, field })
    }
  }

  const display = (name: string, value: string): string | null => {
    const row = rowKeyOf(name)
    if (!row) return null
    if (row.field === null) return t('live.rows.present')
    if (row.field === '#') return String(Number(value) + 1)
    if (row.field === 'who') return whoOf(value)?.label ?? value
    if (row.field === 'role') return t(`meetings.roles.${value as ParticipantRole}`)
    if (row.field === 'attendance') return t(`meetings.attendance.${value as ParticipantAttendance}`)
    if (row.field === 'productId') return productName(value)
    return value
  }
  return { labels, display }
}
