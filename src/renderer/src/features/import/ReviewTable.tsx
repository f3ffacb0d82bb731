import { useVirtualizer } from '@tanstack/react-virtual'
import { type JSX, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ImportReviewRow } from '../../../../shared/ipc/transfer-types'

const ROW_HEIGHT = 64

/**
 * The rows of a file as they would be imported: one line per row (only those in view are rendered), each cell with its
 * Korean error under it; a cell with an error can be corrected in place, a row excluded.
 */
export function ReviewTable({
  rows,
  fields,
  onExclude,
  onCorrect,
}: {
  readonly rows: readonly ImportReviewRow[]
  /** Mapped field keys, in column order. */
  readonly fields: readonly string[]
  readonly onExclude: (rowNumber: number, excluded: boolean) => void
  readonly onCorrect: (rowNumber: number, field: string, value: string) => void
}): JSX.Element {
  const { t } = useTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  const [editing, setEditing] = useState<{ row: number; field: string } | null>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read only during render here
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const columns = `3.5rem 3.5rem 9rem repeat(${fields.length}, minmax(9rem, 1fr))`
  // Wider than the dialog when many columns are mapped: the table then scrolls sideways as a whole.
  const minWidth = `${3.5 + fields.length * 9.5 + 9.5 + 4}rem`
  const label = (key: string): string => t(`transfer.import.fields.${key}` as 'transfer.import.fields.name')

  if (rows.length === 0) return <p className="empty-state">{t('transfer.import.review.empty')}</p>

  return (
    <div className="import-review card">
      <div className="import-review__grid" role="table" aria-label={t('transfer.import.steps.review')} style={{ minWidth }}>
        <div className="import-review__head" role="row" style={{ gridTemplateColumns: columns }}>
          <span role="columnheader">{t('transfer.import.review.row')}</span>
          <span role="columnheader">{t('transfer.import.review.exclude')}</span>
          <span role="columnheader">{t('transfer.import.review.status')}</span>
          {fields.map((f) => (
            <span key={f} role="columnheader">
              {label(f)}
            </span>
          ))}
        </div>
        <div ref={scroller} className="import-review__body" data-testid="import-review">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!
              const status = row.excluded ? 'excluded' : row.errors.length > 0 ? 'error' : row.duplicateOf ? 'duplicate' : 'ok'
              return (
                <div
                  key={row.rowNumber}
                  role="row"
                  className={`import-review__row import-review__row--${status}`}
                  data-row={row.rowNumber}
                  style={{ gridTemplateColumns: columns, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <span role="cell" className="tabular">
                    {row.rowNumber}
                  </span>
                  <span role="cell">
                    <input
                      type="checkbox"
                      checked={row.excluded}
                      aria-label={`${t('transfer.import.review.exclude')} ${row.rowNumber}`}
                      onChange={(event) => onExclude(row.rowNumber, event.target.checked)}
                    />
                  </span>
                  <span role="cell" className={`import-status import-status--${status}`}>
                    {status === 'duplicate' && row.duplicateOf
                      ? row.duplicateOf.kind === 'file'
                        ? t('transfer.import.review.duplicateFile', { row: row.duplicateOf.rowNumber })
                        : t('transfer.import.review.duplicateExisting', { name: row.duplicateOf.name })
                      : t(`transfer.import.review.${status === 'duplicate' ? 'ok' : status}`)}
                  </span>
                  {fields.map((field) => {
                    const error = row.errors.find((e) => e.column === field)
                    const value = row.values[field] ?? ''
                    const isEditing = editing?.row === row.rowNumber && editing.field === field
                    return (
                      <span key={field} role="cell" className={error ? 'import-cell import-cell--error' : 'import-cell'} data-field={field}>
                        {isEditing ? (
                          <input
                            autoFocus
                            defaultValue={value}
                            aria-label={`${row.rowNumber} ${label(field)}`}
                            onBlur={(event) => {
                              setEditing(null)
                              if (event.target.value !== value) onCorrect(row.rowNumber, field, event.target.value)
                            }}
                            onKeyDown={(event) => {
                              if (event.key === 'Enter') event.currentTarget.blur()
                              if (event.key === 'Escape') {
                                event.stopPropagation()
                                setEditing(null)
                              }
                            }}
                          />
                        ) : error ? (
                          <button
                            type="button"
                            className="import-cell__fix"
                            onClick={() => setEditing({ row: row.rowNumber, field })}
                            title={t(error.code as 'validation.invalid')}
                          >
                            <span className="import-cell__value">{value || '—'}</span>
                            <span className="import-cell__error" role="note">
                              {t(error.code as 'validation.invalid')}
                            </span>
                          </button>
                        ) : (
                          <span className="import-cell__value" title={value}>
                            {value}
                          </span>
                        )}
                      </span>
                    )
                  })}
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </div>
  )
}
