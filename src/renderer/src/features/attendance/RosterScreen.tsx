import { AttachmentsPanel } from '../files'
import { ExportButton } from '../../components/ExportButton'
import { attendanceExportColumns, rosterExportRows } from '../export'
import { type JSX, type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toIsoDate, toIsoTime } from '../../../../shared/domain/dates'
import { dateLong, timeOfDay } from '../../lib/dates'
import { classTiming, isOverrideRemark, remarksWithoutOverride } from '../../../../shared/domain/class-marking'
import { type ClassRoster, type RosterEntry } from '../../../../shared/ipc/training-types'
import { type AttendanceStatus } from '../../../../shared/model/enums'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCan } from '../../lib/permissions'
import { ImportButton } from '../import'
import { nextRow, rosterCommand } from './roster-keys'
import { useReloadOn } from '../../lib/live'
import { ROSTER_READS, useRosterStore } from './roster-store'
import { WalkInDialog } from './WalkInDialog'

/** The live counts on top: derived from the marks (never stored). */
function RosterCounts({ roster }: { readonly roster: ClassRoster }): JSX.Element {
  const { t } = useTranslation()
  const { counts } = roster
  // 출석 / 지각 / 조퇴 / 결석 / 공결 each on their own: "attended" alone hid who came late or left early.
  const items = [
    ['enrolled', counts.enrolled],
    ['present', counts.present],
    ['late', counts.late],
    ['leftEarly', counts.leftEarly],
    ['absent', counts.absent],
    ['excused', counts.excused],
    ['unmarked', counts.unmarked],
  ] as const
  return (
    <dl className="roster-counts" data-testid="roster-counts" aria-live="polite">
      {items.map(([key, value]) => (
        <div key={key} className={`roster-counts__item roster-counts__item--${key}`}>
          <dt>{t(`trainingOps.counts.${key}`)}</dt>
          <dd data-testid={`count-${key}`}>{value}</dd>
        </div>
      ))}
      <div className="roster-counts__item roster-counts__item--rate">
        <dt>{t('attendance.counts.rate')}</dt>
        <dd data-testid="count-rate">{counts.rate === null ? '—' : `${counts.rate}%`}</dd>
      </div>
      {/* The project's completion rule the 수료 column is judged by (수료 기준). */}
      <div className="roster-counts__item roster-counts__item--rule">
        <dt>{t('projects.completion.label')}</dt>
        <dd data-testid="completion-rule">{t('projects.completion.rule', { percent: roster.completionPercent })}</dd>
      </div>
    </dl>
  )
}

function recordedLabel(entry: RosterEntry): string {
  if (!entry.recordedAt) return ''
  const time = timeOfDay(toIsoTime(new Date(entry.recordedAt)))
  return entry.recordedByName ? `${entry.recordedByName} · ${time}` : time
}

/** A mark an administrator entered before the class started: who and when, on the row itself. */
function OverrideBadge({ entry }: { readonly entry: RosterEntry }): JSX.Element {
  const { t } = useTranslation()
  const text = t('trainingOps.overrideBadgeTitle', {
    who: entry.recordedByName ?? '—',
    when: entry.recordedAt ? `${toIsoDate(new Date(entry.recordedAt))} ${toIsoTime(new Date(entry.recordedAt))}` : '—',
  })
  return (
    <span className="badge badge--warn roster__override" data-testid="mark-override" title={text} aria-label={text}>
      {t('trainingOps.overrideBadge')}
    </span>
  )
}

/** Two coordinators marked this trainee differently: the shown mark won; the other one waits in the sync panel. */
function MarkConflictBadge({ conflict }: { readonly conflict: NonNullable<RosterEntry['markConflict']> }): JSX.Element {
  const { t } = useTranslation()
  const status = (value: AttendanceStatus | null): string => (value ? t(`attendance.statuses.${value}`) : t('attendance.unmarked'))
  const text = t('live.roster.conflict', {
    winner: status(conflict.winner),
    winnerName: conflict.winnerName ?? t('live.someone'),
    loser: status(conflict.loser),
    loserName: conflict.loserName ?? t('live.someone'),
  })
  return (
    <span className="badge badge--warn roster__conflict" data-testid="mark-conflict" title={text} aria-label={text}>
      {t('live.roster.conflictBadge', { loser: status(conflict.loser), loserName: conflict.loserName ?? t('live.someone') })}
    </span>
  )
}

function RemarksInput({ entry }: { readonly entry: RosterEntry }): JSX.Element {
  const { t } = useTranslation()
  const remarksSaved = useRosterStore((s) => s.remarksSaved)
  const remarksClosed = useRosterStore((s) => s.remarksClosed)
  // The override statement is not the person's text: it stays on the record whatever is typed here.
  const [value, setValue] = useState(remarksWithoutOverride(entry.remarks) ?? '')
  return (
    <input
      className="roster__remarks-input"
      autoFocus
      aria-label={t('attendance.remarksLabel', { name: entry.name })}
      placeholder={t('attendance.remarksHint')}
      value={value}
      maxLength={500}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(event) => {
        // Keys typed here are text, not roster commands.
        event.stopPropagation()
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault()
          remarksSaved(value)
        } else if (event.key === 'Escape') {
          event.preventDefault()
          remarksClosed()
        }
      }}
    />
  )
}

/** What is printed: a sign-in sheet with a signature column (the screen's table is hidden in print). */
function SignInSheet({ roster }: { readonly roster: ClassRoster }): JSX.Element {
  const { t } = useTranslation()
  return (
    <section className="sign-in-sheet" aria-hidden="true">
      <h2>{t('attendance.printTitle')}</h2>
      <p>
        {roster.projectName} · {t('trainingOps.sessionClass', { session: roster.sessionNumber, class: roster.classNumber })} · {dateLong(roster.date)}{' '}
        {roster.startTime}–{roster.endTime}
        {roster.room ? ` · ${roster.room}` : ''}
        {roster.instructorName ? ` · ${roster.instructorName}` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('attendance.columns.no')}</th>
            <th>{t('attendance.columns.name')}</th>
            <th>{t('attendance.columns.department')}</th>
            <th>{t('attendance.columns.status')}</th>
            <th>{t('attendance.columns.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {roster.entries.map((entry, index) => (
            <tr key={entry.traineeId}>
              <td>{index + 1}</td>
              <td>{entry.name}</td>
              <td>{entry.department ?? ''}</td>
              <td>{entry.attendance ? t(`attendance.statuses.${entry.attendance}`) : ''}</td>
              <td className="sign-in-sheet__signature" />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/**
 * The coordinator's roster, marked entirely from the keyboard: the table holds the focus, arrows or J/K move, one key
 * sets a status and moves on, R adds remarks, Shift+P marks everyone still unmarked present, N adds a walk-in.
 */
export function RosterScreen({ classId, onBack }: { readonly classId: string; readonly onBack: () => void }): JSX.Element {
  const { t } = useTranslation()
  const roster = useRosterStore((s) => s.roster)
  const cursor = useRosterStore((s) => s.cursor)
  const editingRemarks = useRosterStore((s) => s.editingRemarks)
  const walkInOpen = useRosterStore((s) => s.walkInOpen)
  const error = useRosterStore((s) => s.error)
  const override = useRosterStore((s) => s.override)
  const canOverride = useCan('attendance_records', 'approve')
  const store = useRosterStore.getState
  const grid = useRef<HTMLDivElement>(null)
  const loaded = roster !== null

  useEffect(() => {
    void store().opened(classId)
  }, [classId, store])
  // A colleague marking the same class: their marks appear as soon as the pull brings them.
  useReloadOn(ROSTER_READS, () => store().reload())

  // The grid takes the focus as soon as the roster is there (the first key press already marks), and again when the
  // remarks input closes, so typing goes on without reaching for the mouse.
  useEffect(() => {
    // preventScroll: focusing scrolled the whole workspace, cutting the top bar off (the row's scrollIntoView below
    // brings the current row into view inside the roster only).
    if (loaded && !editingRemarks) grid.current?.focus({ preventScroll: true })
  }, [loaded, editingRemarks])

  useEffect(() => {
    grid.current?.querySelector<HTMLElement>(`[data-row="${cursor}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [cursor])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!roster || editingRemarks || walkInOpen) return
    const command = rosterCommand(event)
    if (!command) return
    event.preventDefault()
    const s = store()
    switch (command.kind) {
      case 'mark':
        s.marked(command.status)
        return
      case 'remarks':
        s.remarksOpened()
        return
      case 'restPresent':
        s.restPresent()
        return
      case 'walkIn':
        s.walkInOpened()
        return
      default:
        s.cursorMoved(nextRow(cursor, command, roster.entries.length))
    }
  }

  return (
    <section className="roster-screen" aria-label={t('attendance.title')}>
      <div className="roster-screen__top">
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('attendance.back')}
        </button>
        {roster && (
          <div className="roster-screen__title">
            <h2>
              {roster.projectName} · {t('trainingOps.sessionClass', { session: roster.sessionNumber, class: roster.classNumber })}
              {roster.className ? ` ${roster.className}` : ''}
            </h2>
            <p className="muted">
              {dateLong(roster.date)} {roster.startTime}–{roster.endTime}
              {roster.room ? ` · ${roster.room}` : ''}
              {roster.instructorName ? ` · ${roster.instructorName}` : ''}
              {roster.companyName ? ` · ${roster.companyName}` : ''}
            </p>
          </div>
        )}
        <div className="roster-screen__actions">
          <button type="button" className="button button--primary" onClick={() => store().restPresent()} aria-keyshortcuts="Shift+P">
            {t('attendance.restPresent')} <kbd>Shift+P</kbd>
          </button>
          <button type="button" className="button" onClick={() => store().walkInOpened()} aria-keyshortcuts="N">
            {t('attendance.walkIn')} <kbd>N</kbd>
          </button>
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            {t('attendance.print')}
          </button>
          {/* The client's HR list (성명, 부서, 사번, 휴대폰…) becomes this class's confirmed roster in one reviewed import. */}
          <ImportButton target="trainees" classId={classId} onImported={() => void store().opened(classId)} />
          {roster && (
            <ExportButton
              fileName={t('exports.attendanceFile', { name: `${roster.projectName} ${roster.sessionNumber}-${roster.classNumber}` })}
              testId="export-attendance"
              columns={attendanceExportColumns(t)}
              rows={rosterExportRows(t, roster)}
              disabled={roster.entries.length === 0}
            />
          )}
        </div>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => store().errorDismissed()} />}
      {roster && classTiming(roster, new Date()) === 'notStarted' && (
        <div className="roster-not-started" data-testid="roster-not-started">
          <p role="status">{t('trainingOps.notStarted', { date: dateLong(roster.date), time: roster.startTime })}</p>
          {/* Whoever may approve training records may mark early on purpose; each mark then says so (docs/hrd-training-rules.md). */}
          {canOverride && (
            <label className="roster-override">
              <input type="checkbox" checked={override} onChange={(e) => store().overrideChanged(e.target.checked)} />
              {t('trainingOps.adminOverride')}
              <span className="muted"> {t('trainingOps.adminOverrideHint')}</span>
            </label>
          )}
        </div>
      )}
      {roster && <RosterCounts roster={roster} />}
      <ul className="roster-legend" aria-label={t('attendance.legendLabel')}>
        {(['move', 'status', 'remarks', 'rest', 'walkIn'] as const).map((key) => (
          <li key={key}>{t(`attendance.legend.${key}`)}</li>
        ))}
      </ul>
      <div
        ref={grid}
        className="roster"
        role="grid"
        tabIndex={0}
        aria-label={t('attendance.title')}
        aria-rowcount={roster?.entries.length ?? 0}
        aria-activedescendant={roster ? `roster-row-${cursor}` : undefined}
        data-testid="roster"
        onKeyDown={onKeyDown}
      >
        <div className="roster__row roster__row--head" role="row">
          {(['no', 'name', 'department', 'status', 'remarks', 'recorded', 'completion'] as const).map((key) => (
            <span key={key} role="columnheader">
              {t(`attendance.columns.${key}`)}
            </span>
          ))}
        </div>
        {roster?.entries.length === 0 && <p className="muted roster__empty">{t('attendance.empty')}</p>}
        {roster?.entries.map((entry, index) => (
          <div
            key={entry.traineeId}
            id={`roster-row-${index}`}
            data-row={index}
            data-status={entry.attendance ?? 'UNMARKED'}
            data-enrollment={entry.enrollmentStatus}
            className={index === cursor ? 'roster__row roster__row--current' : 'roster__row'}
            role="row"
            aria-selected={index === cursor}
            onClick={() => store().cursorMoved(index)}
          >
            <span role="gridcell">{index + 1}</span>
            <span role="gridcell" className="roster__name">
              {entry.name}
              {entry.walkIn && <span className="badge roster__walk-in">{t('attendance.walkInBadge')}</span>}
            </span>
            <span role="gridcell" className="muted">
              {[entry.department, entry.position].filter(Boolean).join(' · ')}
            </span>
            <span role="gridcell">
              <span className={`attendance-status attendance-status--${entry.attendance ?? 'UNMARKED'}`}>
                {entry.attendance ? t(`attendance.statuses.${entry.attendance}`) : t('attendance.unmarked')}
              </span>
              {entry.markConflict && <MarkConflictBadge conflict={entry.markConflict} />}
            </span>
            <span role="gridcell" className="roster__remarks">
              {isOverrideRemark(entry.remarks) && <OverrideBadge entry={entry} />}
              {editingRemarks && index === cursor ? <RemarksInput entry={entry} /> : (remarksWithoutOverride(entry.remarks) ?? '')}
            </span>
            <span role="gridcell" className="muted roster__recorded">
              {recordedLabel(entry)}
            </span>
            <span role="gridcell" className="roster__completion">
              {entry.completionPercent === null ? '—' : `${entry.completionPercent}%`}
              {entry.completed && <span className="badge">{t('attendance.completed')}</span>}
            </span>
          </div>
        ))}
      </div>
      {roster && <SignInSheet roster={roster} />}
      {/* The signed sign-in sheet, photos of the room: files of the class. */}
      <AttachmentsPanel entityType="TRAINING_CLASS" entityId={classId} />
      {walkInOpen && <WalkInDialog />}
    </section>
  )
}
