import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type UserRole } from '../../../../shared/ipc/contract'
import { type LeadDetail, type UserOption } from '../../../../shared/ipc/sales-types'
import { useLeadsStore } from './leads-store'
import { useSessionStore } from '../session'

/**
 * Anyone can ask for a lead to be assigned, offline; the request waits as PENDING. Managers and executives see
 * approve/reject on pending requests (the server checks the same rule when the decision syncs).
 */
export function AssignmentSection({
  lead,
  users,
  role,
}: {
  readonly lead: LeadDetail
  readonly users: readonly UserOption[]
  readonly role: UserRole
}): JSX.Element {
  const { t, i18n } = useTranslation()
  const assignmentRequested = useLeadsStore((s) => s.assignmentRequested)
  const assignmentDecided = useLeadsStore((s) => s.assignmentDecided)
  const me = useSessionStore((s) => (s.session && s.session.status !== 'none' ? s.session.user.id : null))
  // The lead's current assignee, else the user: never whoever sorts first in 가나다 order.
  const [assignee, setAssignee] = useState(() => [lead.assignedTo, me].find((id) => id && users.some((u) => u.id === id)) ?? users[0]?.id ?? '')
  const [reason, setReason] = useState('')
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [rejection, setRejection] = useState('')
  const canDecide = role === 'MANAGER' || role === 'EXECUTIVE'
  const converted = lead.status === 'CONVERTED'
  const date = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <section className="lead-section" aria-labelledby="lead-assignment-title">
      <h3 id="lead-assignment-title">{t('leads.assignment.title')}</h3>
      <p>
        {lead.assignedToName ?? t('leads.unassigned')}
        {lead.assignmentPending && <span className="badge badge--warn">{t('leads.pendingAssignment')}</span>}
      </p>
      {!converted &&
        (users.length === 0 ? (
          <p className="muted">{t('leads.assignment.noUsers')}</p>
        ) : (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault()
              void assignmentRequested({ leadId: lead.id, assignedTo: assignee, reason }).then((ok) => ok && setReason(''))
            }}
          >
            <label>
              <span>{t('leads.assignment.assignee')}</span>
              <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                {users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('leads.assignment.reason')}</span>
              <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="button button--small">
              {t('leads.assignment.submit')}
            </button>
          </form>
        ))}
      {lead.assignments.length > 0 && (
        <ul className="assignment-list" aria-label={t('leads.assignment.history')}>
          {lead.assignments.map((a) => (
            <li key={a.id} data-status={a.status}>
              <span className={`badge badge--${a.status.toLowerCase()}`}>{t(`leads.assignment.statuses.${a.status}`)}</span>{' '}
              <strong>{a.assignedToName ?? '—'}</strong>
              {a.requestedByName && <span className="muted"> · {t('leads.assignment.requestedBy', { name: a.requestedByName })}</span>}
              <span className="muted"> · {date.format(Date.parse(a.createdAt))}</span>
              {a.reason && <div className="muted">{a.reason}</div>}
              {a.rejectionReason && <div className="muted">{a.rejectionReason}</div>}
              {a.status === 'PENDING' && canDecide && rejecting !== a.id && (
                <div className="row-actions">
                  <button type="button" className="button button--small" onClick={() => void assignmentDecided(a.id, true)}>
                    {t('leads.assignment.approve')}
                  </button>
                  <button type="button" className="button button--small button--ghost" onClick={() => setRejecting(a.id)}>
                    {t('leads.assignment.reject')}
                  </button>
                </div>
              )}
              {rejecting === a.id && (
                <form
                  className="inline-form"
                  onSubmit={(event) => {
                    event.preventDefault()
                    void assignmentDecided(a.id, false, rejection).then((ok) => ok && setRejecting(null))
                  }}
                >
                  <label>
                    <span>{t('leads.assignment.rejectionReason')}</span>
                    <input required value={rejection} onChange={(e) => setRejection(e.target.value)} />
                  </label>
                  <button type="submit" className="button button--small">
                    {t('leads.assignment.reject')}
                  </button>
                </form>
              )}
              {a.status === 'PENDING' && !canDecide && <div className="muted">{t('leads.assignment.managerOnly')}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
