import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesText } from '../../../../shared/domain/korean-text'
import { ListFilter } from '../../components/ListFilter'
import { dateShort } from '../../lib/dates'
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
  const [query, setQuery] = useState('')
  if (meetings === null) return <p className="muted">…</p>
  if (meetings.length === 0)
    return (
      <p className="empty-state" data-testid="meetings-empty">
        {t('editing.empty.meetings')}
      </p>
    )
  const shown = meetings.filter((m) => matchesText([m.title, m.companyName, m.organizerName], query))
  return (
    <>
      <div className="list-filter-row">
        <ListFilter value={query} onChange={setQuery} label={t('everyday.listFilter.meetings')} />
        <p className="muted small">{t('meetings.count', { count: shown.length })}</p>
      </div>
      {shown.length === 0 && <p className="empty-state">{t('everyday.listFilter.noMatch', { query })}</p>}
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
          {shown.map((m) => (
            <tr key={m.id} data-testid="meeting-row" className={m.status === 'CANCELLED' ? 'meeting-row--cancelled' : undefined}>
              <td className="tabular">{dateShort(m.date)}</td>
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
