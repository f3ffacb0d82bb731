/** The meetings list as an export: the rows of the current range and filter, with the list's Korean headers. */
import { type TFunction } from 'i18next'
import { type MeetingSummary } from '../../../../shared/ipc/meetings-types'
import { type ExportColumn, type ExportRow } from '../../components/ExportButton'

const COLUMNS = ['date', 'time', 'title', 'company', 'type', 'status', 'organizer', 'participants', 'minutes', 'openActions'] as const

export function meetingExportColumns(t: TFunction): readonly ExportColumn[] {
  return COLUMNS.map((key) => ({
    key,
    header: t(`meetings.columns.${key}`),
    ...(key === 'participants' || key === 'openActions' ? { kind: 'number' as const } : {}),
  }))
}

export function meetingExportRows(t: TFunction, meetings: readonly MeetingSummary[]): ExportRow[] {
  return meetings.map((m) => ({
    date: m.date,
    time: `${m.startTime}–${m.endTime}`,
    title: m.title,
    company: m.companyName,
    type: t(`meetings.types.${m.type}`),
    status: t(`meetings.statuses.${m.status}`),
    organizer: m.organizerName,
    participants: m.participantCount,
    minutes: m.hasMinutes ? '✓' : '',
    openActions: m.openActionItems,
  }))
}
