/** Audit entries as a table: when, who, which table, what, and each changed column old → new. */
import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { toIsoDate, toIsoTime } from '../../../shared/domain/dates'
import { type AuditPage } from '../../../shared/ipc/admin-types'

const when = (timestamp: string): string => {
  const instant = new Date(timestamp)
  return Number.isNaN(instant.getTime()) ? timestamp : `${toIsoDate(instant)} ${toIsoTime(instant)}`
}

const shown = (value: unknown): string => (value === null || value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value))

export function AuditEntries({ entries, testId }: { readonly entries: AuditPage['entries']; readonly testId: string }): JSX.Element {
  const { t } = useTranslation()
  return (
    <table className="admin-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('admin.audit.columns.at')}</th>
          <th>{t('admin.audit.columns.user')}</th>
          <th>{t('admin.audit.columns.table')}</th>
          <th>{t('admin.audit.columns.action')}</th>
          <th>{t('admin.audit.columns.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{when(entry.createdAt)}</td>
            <td>{entry.userName ?? t('admin.none')}</td>
            <td>{entry.table}</td>
            <td>{t(`admin.audit.actions.${entry.action}` as 'admin.audit.actions.CREATE', { defaultValue: entry.action })}</td>
            <td>
              <ul className="admin-changes">
                {Object.entries(entry.changes ?? {}).map(([column, change]) => (
                  <li key={column}>
                    {column}: {shown(change.old)} → {shown(change.new)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
