import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS, type ImportTarget } from '../../../../shared/model/import-targets'
import { type ImportReview } from '../../../../shared/ipc/transfer-types'

/** One dropdown per column of the file; required fields are starred, missing ones named. */
export function MappingStep({
  target,
  review,
  mapping,
  onChange,
}: {
  readonly target: ImportTarget
  readonly review: ImportReview
  readonly mapping: ReadonlyArray<string | null>
  readonly onChange: (mapping: Array<string | null>) => void
}): JSX.Element {
  const { t } = useTranslation()
  const fields = IMPORT_FIELDS[target]
  const label = (key: string): string => t(`transfer.import.fields.${key}` as 'transfer.import.fields.name')
  const requiredMark = (key: string): string => {
    const field = fields.find((f) => f.key === key)
    return field?.required || field?.oneOf ? ' *' : ''
  }
  return (
    <div className="import-mapping">
      <p className="muted">{t('transfer.import.mapping.intro')}</p>
      <table className="data-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t('transfer.import.mapping.column')}</th>
            <th scope="col">{t('transfer.import.mapping.sample')}</th>
            <th scope="col">{t('transfer.import.mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {review.headers.map((header, column) => (
            <tr key={`${column}-${header}`}>
              <th scope="row">{header || '—'}</th>
              <td className="import-mapping__sample">{review.sampleRow[column] ?? ''}</td>
              <td>
                <select
                  aria-label={header}
                  value={mapping[column] ?? ''}
                  onChange={(event) => {
                    const next = [...mapping]
                    const key = event.target.value || null
                    // A field fills one column: choosing it here frees it elsewhere.
                    for (let i = 0; i < next.length; i++) if (key && next[i] === key) next[i] = null
                    next[column] = key
                    onChange(next)
                  }}
                >
                  <option value="">{t('transfer.import.mapping.skip')}</option>
                  {fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {label(f.key)}
                      {requiredMark(f.key)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
