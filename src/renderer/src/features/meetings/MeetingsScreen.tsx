import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { calendarRange } from '../../../../shared/domain/calendar'
import { addDays } from '../../../../shared/domain/dates'
import { dateShort } from '../../lib/dates'
import { type CalendarEntry } from '../../../../shared/ipc/meetings-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { useCan } from '../../lib/permissions'
import { useNavigationStore } from '../../app/navigation-store'
import { useAgendaStore } from '../attendance'
import { MeetingDialog } from './MeetingDialog'
import { MeetingsCalendar } from './MeetingsCalendar'
import { meetingExportColumns, meetingExportRows } from './meeting-export'
import { MeetingsList } from './MeetingsList'
import { MEETINGS_READS, useMeetingsStore, type MeetingsView } from './meetings-store'
import { useReloadOn } from '../../lib/live'

const VIEWS: readonly MeetingsView[] = ['list', 'week', 'month']

/** 미팅: the list of meetings or the week / month calendar (with training classes), and the meeting dialog. */
export function MeetingsScreen(): JSX.Element {
  const { t } = useTranslation()
  const store = useMeetingsStore.getState
  const view = useMeetingsStore((s) => s.view)
  const anchor = useMeetingsStore((s) => s.anchor)
  const mine = useMeetingsStore((s) => s.mine)
  const listFrom = useMeetingsStore((s) => s.listFrom)
  const listTo = useMeetingsStore((s) => s.listTo)
  const meetings = useMeetingsStore((s) => s.meetings)
  const entries = useMeetingsStore((s) => s.entries)
  const open = useMeetingsStore((s) => s.open)
  const error = useMeetingsStore((s) => s.error)
  const dialogKey = useMeetingsStore((s) => s.dialogKey)
  const canCreate = useCan('meetings', 'create')

  useReloadOn(MEETINGS_READS, () => store().reload())
  useEffect(() => {
    void store().screenOpened()
  }, [store])

  const openEntry = (entry: CalendarEntry): void => {
    if (entry.kind === 'meeting') {
      void store().meetingOpened(entry.id)
      return
    }
    // A class lives on the 교육 screen: open its roster there.
    useAgendaStore.getState().rosterOpened(entry.id)
    useNavigationStore.getState().screenOpened('training')
  }

  let rangeTitle = ''
  if (view !== 'list') {
    const { from, to } = calendarRange(view, anchor)
    rangeTitle =
      view === 'week'
        ? t('meetings.calendar.weekTitle', { from: dateShort(from), to: dateShort(addDays(to, -1)) })
        : t('meetings.calendar.monthTitle', { year: Number(anchor.slice(0, 4)), month: Number(anchor.slice(5, 7)) })
  }

  return (
    <div className="meetings-screen">
      {error && !open && <ErrorBanner error={error} onDismiss={() => store().errorDismissed()} />}
      <div className="meetings-toolbar">
        <div className="meetings-toolbar__views" role="group" aria-label={t('nav.meetings')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={view === v ? 'segment segment--active' : 'segment'}
              aria-pressed={view === v}
              onClick={() => void store().viewChosen(v)}
            >
              {t(`meetings.views.${v}`)}
            </button>
          ))}
        </div>
        {view === 'list' && (
          <div className="meetings-toolbar__range">
            <label>
              {t('meetings.toolbar.from')}{' '}
              <input type="date" value={listFrom} onChange={(e) => void store().listRangeChosen({ from: e.target.value, to: listTo })} />
            </label>
            <label>
              {t('meetings.toolbar.to')}{' '}
              <input type="date" value={listTo} onChange={(e) => void store().listRangeChosen({ from: listFrom, to: e.target.value })} />
            </label>
          </div>
        )}
        {view !== 'list' && (
          <div className="meetings-toolbar__range">
            <button type="button" className="button button--small button--ghost" onClick={() => void store().anchorMoved(-1)}>
              {t('meetings.toolbar.previous')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => void store().todayChosen()}>
              {t('meetings.toolbar.today')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => void store().anchorMoved(1)}>
              {t('meetings.toolbar.next')}
            </button>
            <strong data-testid="calendar-title">{rangeTitle}</strong>
          </div>
        )}
        <label className="meetings-toolbar__mine">
          <input type="checkbox" checked={mine} onChange={(e) => void store().mineToggled(e.target.checked)} />
          {t('meetings.toolbar.mine')}
        </label>
        <span className="meetings-toolbar__spacer" />
        {view === 'list' && (
          <ExportButton
            fileName={t('transfer.export.meetingsFile')}
            columns={meetingExportColumns(t)}
            rows={meetingExportRows(t, meetings ?? [])}
            disabled={!meetings?.length}
          />
        )}
        {canCreate ? (
          <button type="button" className="button button--primary" onClick={() => void store().newMeetingOpened(view === 'list' ? undefined : anchor)}>
            {t('meetings.toolbar.newMeeting')}
          </button>
        ) : (
          <span className="muted small">{t('meetings.toolbar.readOnly')}</span>
        )}
      </div>
      {view === 'list' ? (
        <MeetingsList meetings={meetings} onOpen={(id) => void store().meetingOpened(id)} />
      ) : (
        <MeetingsCalendar
          view={view}
          anchor={anchor}
          entries={entries ?? []}
          onOpen={openEntry}
          onDayOpened={(date) => {
            useMeetingsStore.setState({ anchor: date })
            void store().viewChosen('week')
          }}
        />
      )}
      {open && <MeetingDialog key={dialogKey} detail={open.detail} date={open.detail ? open.detail.date : open.date} />}
    </div>
  )
}
