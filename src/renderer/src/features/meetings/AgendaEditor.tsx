import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { draftKey, type AgendaDraft, type FieldErrors } from './meeting-draft'
import { RowError } from './RowError'
import { useCan } from '../../lib/permissions'

/** 안건: an ordered list; the order shown is the order saved (sequence 1, 2, 3…). */
export function AgendaEditor({
  rows,
  errors,
  readOnly,
  onChange,
}: {
  readonly rows: readonly AgendaDraft[]
  readonly errors: FieldErrors
  readonly readOnly: boolean
  readonly onChange: (rows: readonly AgendaDraft[]) => void
}): JSX.Element {
  const { t } = useTranslation()
  // A saved row taken out is deleted on save: offered only with the grant (a row not yet saved can always go).
  const canDelete = useCan('meeting_agenda', 'delete')
  const patch = (key: string, change: Partial<AgendaDraft>): void => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const move = (index: number, step: -1 | 1): void => {
    const next = [...rows]
    const [row] = next.splice(index, 1)
    next.splice(index + step, 0, row!)
    onChange(next)
  }
  // Only valid lengths count: a negative or non-integer entry is flagged on its row and left out of the total.
  const planned = rows.reduce((sum, r) => {
    const minutes = Number(r.duration)
    return sum + (Number.isInteger(minutes) && minutes > 0 ? minutes : 0)
  }, 0)
  // The row just added takes the focus, so typing goes into its topic (not into more blank rows).
  const [added, setAdded] = useState<string | null>(null)
  return (
    <div className="meeting-list-editor">
      {rows.length === 0 && <p className="muted">{t('meetings.agenda.empty')}</p>}
      <ol className="meeting-agenda" data-testid="agenda">
        {rows.map((r, index) => (
          <li key={r.key} className="meeting-agenda__row">
            <span className="meeting-agenda__seq">{index + 1}</span>
            <span className="meeting-agenda__topic">
              <input
                aria-label={t('meetings.agenda.topic')}
                placeholder={t('meetings.agenda.topic')}
                autoFocus={r.key === added}
                value={r.topic}
                maxLength={255}
                disabled={readOnly}
                aria-invalid={Boolean(errors[`agenda.${index}.topic`])}
                onChange={(e) => patch(r.key, { topic: e.target.value })}
              />
              <RowError error={errors[`agenda.${index}.topic`] ?? errors[`agenda.${index}.duration`]} />
            </span>
            <input
              className="meeting-agenda__minutes"
              aria-label={t('meetings.agenda.duration')}
              placeholder={t('meetings.agenda.duration')}
              inputMode="numeric"
              value={r.duration}
              disabled={readOnly}
              onChange={(e) => patch(r.key, { duration: e.target.value })}
            />
            <input
              aria-label={t('meetings.agenda.presenter')}
              placeholder={t('meetings.agenda.presenter')}
              value={r.presenter}
              maxLength={100}
              disabled={readOnly}
              onChange={(e) => patch(r.key, { presenter: e.target.value })}
            />
            {!readOnly && (
              <span className="meeting-agenda__actions">
                <button type="button" className="link-button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('meetings.dialog.moveUp')}>
                  ↑
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('meetings.dialog.moveDown')}
                >
                  ↓
                </button>
                {(r.id === undefined || canDelete) && (
                  <button type="button" className="link-button link-button--danger" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
                    {t('meetings.dialog.remove')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
      {planned > 0 && <p className="muted">{t('meetings.agenda.totalDuration', { minutes: planned })}</p>}
      {!readOnly && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const key = draftKey()
            setAdded(key)
            onChange([...rows, { key, topic: '', duration: '', presenter: '' }])
          }}
        >
          {t('meetings.agenda.add')}
        </button>
      )}
    </div>
  )
}
