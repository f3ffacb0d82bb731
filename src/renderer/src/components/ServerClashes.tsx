/**
 * Instructor double bookings the sync server recorded against every project (`ServerClashReport`), shown beside the
 * device's own warning on the project page, in the class dialog and on the coordinator's home. Every view says when
 * the server last checked, or that it has not yet (never synced, or the class changed since the last sync). The other
 * project's name shows only when this device holds that project; otherwise "another project" and its coordinator.
 */
import { type JSX } from 'react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type ClashSide, type ServerClash, type ServerClashReport } from '../../../shared/ipc/clash-types'
import { dateShort, dateTime } from '../lib/dates'

/** One class of the pair; whom to call is said for the other side only (the reader's side is their own). */
function sideText(t: TFunction, side: ClashSide, withCoordinator: boolean): string {
  const text = t('serverClashes.side', {
    project: side.projectName ?? t('serverClashes.otherProject'),
    label: t('trainingOps.sessionClass', { session: side.sessionNumber, class: side.classNumber }),
    time: `${side.startTime}–${side.endTime}`,
  })
  return withCoordinator && side.coordinatorName ? `${text} · ${t('serverClashes.coordinator', { name: side.coordinatorName })}` : text
}

export function serverClashText(t: TFunction, clash: ServerClash): string {
  return t('serverClashes.item', {
    instructor: clash.instructorName ?? '—',
    date: dateShort(clash.date),
    time: `${clash.overlapStart}–${clash.overlapEnd}`,
    mine: sideText(t, clash.mine, false),
    other: sideText(t, clash.other, true),
  })
}

/** "서버 확인: 12월 7일 14:02", or not yet (for the whole report, or for one class changed since the last sync). */
export function ServerCheckLine({ report, classId }: { readonly report: ServerClashReport; readonly classId?: string }): JSX.Element {
  const { t } = useTranslation()
  const classUnchecked = classId !== undefined && report.uncheckedClassIds.includes(classId)
  const text =
    report.lastCheckedAt === null
      ? t('serverClashes.notChecked')
      : classUnchecked
        ? t('serverClashes.classNotChecked')
        : t('serverClashes.checkedAt', { time: dateTime(report.lastCheckedAt) })
  const others = classId === undefined && report.lastCheckedAt !== null ? report.uncheckedClassIds.length : 0
  return (
    <p className="server-check muted" data-testid="server-check">
      {text}
      {others > 0 ? ` · ${t('serverClashes.unchecked', { count: others })}` : ''}
    </p>
  )
}

/** The recorded clashes (of one class when `classId` is given). Nothing when there are none. */
export function ServerClashList({ report, classId }: { readonly report: ServerClashReport; readonly classId?: string }): JSX.Element | null {
  const { t } = useTranslation()
  const clashes = classId === undefined ? report.clashes : report.clashes.filter((c) => c.mine.classId === classId || c.other.classId === classId)
  if (clashes.length === 0) return null
  return (
    <ul className="server-clashes__list">
      {clashes.map((c) => (
        <li key={c.id} role="alert" className="server-clash" data-testid="server-clash">
          <span className="server-clash__tag">{t('serverClashes.serverTag')}</span> {serverClashText(t, c)}
        </li>
      ))}
    </ul>
  )
}

/** The project page's card: every recorded clash of the project's classes and when the server checked. */
export function ServerClashesCard({ report }: { readonly report: ServerClashReport }): JSX.Element {
  const { t } = useTranslation()
  const hidden = report.clashes.some((c) => c.other.projectName === null)
  return (
    <section
      className={`server-clashes${report.clashes.length > 0 ? ' server-clashes--found' : ''}`}
      data-testid="server-clashes"
      aria-label={t('serverClashes.title')}
    >
      <h4>{t('serverClashes.title')}</h4>
      {report.clashes.length === 0 && report.lastCheckedAt !== null ? <p className="muted">{t('serverClashes.none')}</p> : null}
      <ServerClashList report={report} />
      {hidden ? <p className="muted">{t('serverClashes.otherHidden')}</p> : null}
      <ServerCheckLine report={report} />
    </section>
  )
}

/** A class row's flag when the server recorded a clash of it. */
export function ClassClashBadge({ report, classId }: { readonly report: ServerClashReport; readonly classId: string }): JSX.Element | null {
  const { t } = useTranslation()
  const mine = report.clashes.filter((c) => c.mine.classId === classId || c.other.classId === classId)
  if (mine.length === 0) return null
  return (
    <span className="server-clash-badge" role="status" data-testid="class-server-clash" title={mine.map((c) => serverClashText(t, c)).join('\n')}>
      {t('serverClashes.badge')}
    </span>
  )
}
