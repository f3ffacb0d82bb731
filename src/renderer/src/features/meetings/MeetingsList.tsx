import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { formatKoreanDateShort } from '../../../../shared/domain/dates'
import { type MeetingSummary } from '../../../../shared/ipc/meetings-types'

/** The meetings, latest first: date, time, title, company, type, status, organizer and follow-up counts. */
export function MeetingsList({
  meetings,
  onOpen,
}: {
  readonly meetings: readonly MeetingSummary[] | null
  readonly onOpen: (id: string) => void
}): JSX.Element {
  const { t } = useTranslation()
  if (meetings === null) return <p className="muted">…</p>
  if (meetings.length === 0) return <p className="empty-state">{t('meetings.empty')}</p>
  return (
    <>
      <p className="muted small">{t('meetings.count', { count: meetings.length })}</p>
      <table className="meeting-table meeting-table--list card" data-testid="meetings-list">
        <thead>
          <tr>
            <th>{t('meetings.columns.date')}</th>
            <th>{t('meetings.columns.time')}</th>
            <th>{t('meetings.columns.title')}</th>
            <th>{t('meetings.columns.company')}</th>
            <th>{t('meetings.columns.type')}</th>
            <th>{t('meetings.columns.status')}</th>
            <th>{t('meetings.columns.organizer')}</th>
            <th className="num">{t('meetings.columns.participants')}</th>
            <th>{t('meetings.columns.minutes')}</th>
            <th className="num">{t('meetings.columns.openActions')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id} data-testid="meeting-row" className={m.status === 'CANCELLED' ? 'meeting-row--cancelled' : undefined}>
              <td className="tabular">{formatKoreanDateShort(m.date)}</td>
              <td className="tabular">
                {m.startTime}–{m.endTime}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => onOpen(m.id)}>
                  {m.title}
                </button>
              </td>
              <td>{m.companyName ?? '—'}</td>
              <td>{t(`meetings.types.${m.type}`)}</td>
              <td>
                <span className={`meeting-status meeting-status--${m.status.toLowerCase()}`}>{t(`meetings.statuses.${m.status}`)}</span>
              </td>
              <td>{m.organizerName ?? '—'}</td>
              <td className="num tabular">{m.participantCount}</td>
              <td>{m.hasMinutes ? '✓' : ''}</td>
              <td className="num tabular">{m.openActionItems || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
