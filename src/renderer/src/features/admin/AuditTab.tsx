import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SYNCED_TABLES } from '../../../../shared/model/tables'
import { AuditEntries } from '../../components/AuditEntries'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useAdminStore } from './admin-store'

/** The server's audit log, newest first; only while connected (the log lives on the server). */
export function AuditTab(): JSX.Element {
  const { t } = useTranslation()
  const users = useAdminStore((s) => s.users)
  const audit = useAdminStore((s) => s.audit)
  const auditSearched = useAdminStore((s) => s.auditSearched)
  const [table, setTable] = useState('')
  const [userId, setUserId] = useState('')
  const query = { ...(table ? { table } : {}), ...(userId ? { userId } : {}) }

  useEffect(() => {
    void auditSearched({})
  }, [auditSearched])

  if (audit.error?.code === 'admin.onlineRequired') {
    return (
      <p className="admin-online-only" role="status" data-testid="admin-online-only">
        {t('admin.onlineOnly')}
      </p>
    )
  }
  return (
    <section aria-label={t('admin.tabs.audit')}>
      <form
        className="admin-toolbar"
        onSubmit={(e) => {
          e.preventDefault()
          void auditSearched(query)
        }}
      >
        <label>
          {t('admin.audit.table')}{' '}
          <select value={table} onChange={(e) => setTable(e.target.value)}>
            <option value="">{t('admin.audit.allTables')}</option>
            {SYNCED_TABLES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.audit.user')}{' '}
          <select value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('admin.audit.allUsers')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--small" disabled={audit.loading}>
          {t('admin.audit.search')}
        </button>
      </form>
      {audit.error && <ErrorBanner error={audit.error} onDismiss={() => void auditSearched(query)} />}
      <AuditEntries entries={audit.entries} testId="audit-log" />
      {!audit.loading && audit.entries.length === 0 && !audit.error && <p className="muted">{t('admin.audit.empty')}</p>}
      {audit.nextBefore && (
        <button type="button" className="button" disabled={audit.loading} onClick={() => void auditSearched(query, true)}>
          {t('admin.audit.more')}
        </button>
      )}
    </section>
  )
}
