import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateTime } from '../../lib/dates'
import { type TimelineEntry } from '../../../../shared/model/customer-views'
import { AttachmentsPanel } from '../files'
import { DeleteButton } from '../../components/DeleteButton'
import { ActivityEditDialog } from './ActivityEditDialog'
import { useCan } from '../../lib/permissions'

/** Activities and record history, newest first: what was done, about which record, by whom, when. */
export function Timeline({
  entries,
  onChanged,
}: {
  readonly entries: readonly TimelineEntry[]
  /** Given: activities get a delete button, and this re-reads the timeline after a delete or its undo. */
  readonly onChanged?: () => void
}): JSX.Element {
  const { t } = useTranslation()
  // One activity's files at a time, opened from its "files" link.
  const [filesOf, setFilesOf] = useState<string | null>(null)
  const [editing, setEditing] = useState<TimelineEntry | null>(null)
  // Editing an activity needs activities × UPDATE (DeleteButton checks DELETE itself).
  const canEdit = useCan('activities', 'update')
  if (entries.length === 0) return <p className="empty-state">{t('activities.timeline.empty')}</p>
  return (
    <>
      {editing && onChanged && <ActivityEditDialog entry={editing} onSaved={onChanged} onClose={() => setEditing(null)} />}
      <ol className="timeline" data-testid="timeline">
        {entries.map((entry) => {
          const entity = `${t(`activities.entityTypes.${entry.entityType}`)} ${entry.entityLabel}`
          return (
            <li key={entry.key} className={`timeline__item timeline__item--${entry.kind}`}>
              <span className="timeline__dot" aria-hidden="true" />
              <div className="timeline__body">
                <div className="timeline__title">
                  {entry.kind === 'activity' && entry.activityType ? (
                    <>
                      <span className="chip">{t(`activities.types.${entry.activityType}`)}</span>
                      <strong>{entry.subject}</strong>
                    </>
                  ) : (
                    <span>{t(entry.kind === 'created' ? 'activities.timeline.created' : 'activities.timeline.updated', { entity })}</span>
                  )}
                </div>
                {entry.description && <p className="timeline__text">{entry.description}</p>}
                <div className="timeline__meta">
                  {entry.kind === 'activity' && <span>{entity}</span>}
                  <span>{entry.actorName ?? t('activities.timeline.unknownUser')}</span>
                  <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                  {entry.kind === 'activity' && (
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={filesOf === entry.key}
                      onClick={() => setFilesOf(filesOf === entry.key ? null : entry.key)}
                    >
                      {t('files.activityFiles')}
                    </button>
                  )}
                  {onChanged && canEdit && entry.kind === 'activity' && (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('editing.activity.editLabel', { subject: entry.subject ?? '' })}
                      onClick={() => setEditing(entry)}
                    >
                      {t('editing.activity.edit')}
                    </button>
                  )}
                  {onChanged && entry.kind === 'activity' && (
                    <DeleteButton
                      kind="activity"
                      id={entry.key}
                      className="link-button link-button--danger"
                      ariaLabel={`${entry.subject ?? (entry.activityType ? t(`activities.types.${entry.activityType}`) : '')} ${t('everyday.delete.action')}`}
                      onChanged={onChanged}
                    />
                  )}
                </div>
                {entry.kind === 'activity' && filesOf === entry.key && <AttachmentsPanel entityType="ACTIVITY" entityId={entry.key} />}
              </div>
            </li>
          )
        })}
      </ol>
    </>
  )
}
