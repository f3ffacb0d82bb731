import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { hasSeat } from '../../../../shared/domain/enrollment'
import { type EnrollmentStatus } from '../../../../shared/model/enums'
import { type ClassEnrollments } from '../../../../shared/ipc/training-types'
import { ModalDialog } from '../../components/ModalDialog'
import { DialogError } from './DialogError'
import { EnrolPanel } from './EnrolPanel'
import { useCan } from '../../lib/permissions'
import { useProjectsStore } from './projects-store'

/** What each status can be changed to from this dialog. */
const NEXT: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  APPLIED: ['CONFIRMED', 'WAITLISTED', 'CANCELLED'],
  WAITLISTED: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['WAITLISTED', 'CANCELLED'],
  CANCELLED: ['APPLIED'],
}

/**
 * A class's enrolments (수강 신청): confirm, waitlist or cancel each. Confirmation needs a free seat; at capacity the
 * confirm buttons are disabled with the reason, and main refuses it too (another device may have filled the seat).
 */
export function EnrollmentDialog({ enrollments }: { readonly enrollments: ClassEnrollments }): JSX.Element {
  const { t } = useTranslation()
  const opened = useProjectsStore((s) => s.enrollmentsOpened)
  const chosen = useProjectsStore((s) => s.enrollmentStatusChosen)
  const removed = useProjectsStore((s) => s.enrollmentRemoved)
  const canChange = useCan('enrollments', 'update')
  const canRemove = useCan('enrollments', 'delete')
  const sessionId = useProjectsStore((s) => s.detail?.sessions.find((x) => x.classes.some((k) => k.id === enrollments.classId))?.id ?? null)
  const waitlisted = enrollments.entries.filter((e) => e.status === 'WAITLISTED').length
  const seat = hasSeat(enrollments.confirmed, enrollments.maxParticipants)
  const title = `${t('projects.page.session', { number: enrollments.sessionNumber })} ${t('projects.page.class', { number: enrollments.classNumber })} ${t('projects.enrollments.title')}`
  return (
    <ModalDialog title={title} onClose={() => void opened(null)} wide>
      <DialogError />
      <p data-testid="enrollment-capacity">
        {enrollments.maxParticipants === null
          ? t('projects.enrollments.capacityOpen', { confirmed: enrollments.confirmed })
          : t('projects.enrollments.capacity', { confirmed: enrollments.confirmed, max: enrollments.maxParticipants })}
        {!seat && <strong className="enrollment-full"> · {t('projects.enrollments.full')}</strong>}
        {waitlisted > 0 && <span data-testid="enrollment-waitlist"> · {t('trainingOps.enrol.waitlist', { count: waitlisted })}</span>}
      </p>
      {sessionId && <EnrolPanel classId={enrollments.classId} sessionId={sessionId} />}
      {enrollments.entries.length === 0 && <p className="muted">{t('projects.enrollments.empty')}</p>}
      <table className="class-table">
        <tbody>
          {enrollments.entries.map((e) => (
            <tr key={e.enrollmentId} data-testid="enrollment-row" data-status={e.status}>
              <td>{e.name}</td>
              <td className="muted">{[e.department, e.position].filter(Boolean).join(' · ')}</td>
              <td>
                <span className={`enrollment-status enrollment-status--${e.status}`}>{t(`projects.enrollmentStatuses.${e.status}`)}</span>
              </td>
              <td className="enrollment-actions">
                {canChange &&
                  NEXT[e.status].map((next) => (
                    <button
                      key={next}
                      type="button"
                      className="button button--small"
                      disabled={next === 'CONFIRMED' && !seat}
                      title={next === 'CONFIRMED' && !seat ? t('projects.enrollments.full') : undefined}
                      aria-label={`${e.name} ${t(`projects.enrollments.to.${next}`)}`}
                      onClick={() => void chosen(e.enrollmentId, next)}
                    >
                      {t(`projects.enrollments.to.${next}`)}
                    </button>
                  ))}
                {canRemove && (
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={`${e.name} ${t('trainingOps.enrol.remove')}`}
                    onClick={() => void removed(e.enrollmentId)}
                  >
                    {t('trainingOps.enrol.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void opened(null)}>
          {t('projects.enrollments.close')}
        </button>
      </div>
    </ModalDialog>
  )
}
