/**
 * "Who changed this, and when": one record's history from the server's audit log, for anyone who can see the record.
 * The log lives on the server, so this needs a connection; offline (or in the demo) it says so instead.
 */
import { type JSX, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AuditPage } from '../../../shared/ipc/admin-types'
import { type IpcError } from '../../../shared/ipc/errors'
import { type SyncedTable } from '../../../shared/model/tables'
import { api, toIpcError } from '../lib/api'
import { AuditEntries } from './AuditEntries'
import { ErrorBanner } from './ErrorBanner'

interface HistoryState {
  readonly entries: AuditPage['entries']
  readonly nextBefore: string | null
  readonly loading: boolean
  readonly error: IpcError | null
}

export function RecordHistory({ table, rowId }: { readonly table: SyncedTable; readonly rowId: string }): JSX.Element {
  const { t } = useTranslation()
  const [state, setState] = useState<HistoryState>({ entries: [], nextBefore: null, loading: true, error: null })

  const load = useCallback(
    async (before: string | null): Promise<void> => {
      setState((s) => ({ ...s, loading: true, error: null }))
      try {
        const page = await api.admin.recordHistory({ table, rowId, ...(before ? { before } : {}) })
        setState((s) => ({ entries: before ? [...s.entries, ...page.entries] : page.entries, nextBefore: page.nextBefore, loading: false, error: null }))
      } catch (error) {
        setState((s) => ({ ...s, loading: false, error: toIpcError(error) }))
      }
    },
    [table, rowId],
  )

  useEffect(() => {
    void load(null)
  }, [load])

  if (state.error?.code === 'admin.onlineRequired') {
    return (
      <p className="muted" role="status" data-testid="history-online-only">
        {t('admin.onlineOnly')}
      </p>
    )
  }
  if (state.error?.code === 'admin.notAllowed') {
    return (
      <p className="muted" role="status">
        {t('admin.historyUnavailable')}
      </p>
    )
  }
  return (
    <section>
      {state.error && <ErrorBanner error={state.error} onDismiss={() => void load(null)} />}
      <AuditEntries entries={state.entries} testId="record-history" />
      {!state.loading && state.entries.length === 0 && !state.error && <p className="muted">{t('admin.audit.empty')}</p>}
      {state.nextBefore && (
        <button type="button" className="button" disabled={state.loading} onClick={() => void load(state.nextBefore)}>
          {t('admin.audit.more')}
        </button>
      )}
    </section>
  )
}
