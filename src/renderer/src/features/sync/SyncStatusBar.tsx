import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { formatLastSynced } from './format-last-synced'
import { useSyncStore } from './sync-store'

const POLL_MS = 5_000

/**
 * Always visible: connection, unsynced changes, last sync. Field users' top complaint is sync that fails without
 * feedback, so this bar never hides.
 */
export function SyncStatusBar({ refreshKey }: { readonly refreshKey: string }): JSX.Element {
  const { t, i18n } = useTranslation()
  const status = useSyncStore((s) => s.status)
  const syncRequested = useSyncStore((s) => s.syncRequested)
  const error = useSyncStore((s) => s.error)
  const statusPolled = useSyncStore((s) => s.statusPolled)
  const syncNowClicked = useSyncStore((s) => s.syncNowClicked)
  const errorDismissed = useSyncStore((s) => s.errorDismissed)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    const poll = (): void => {
      setNow(Date.now())
      void statusPolled()
    }
    poll()
    const timer = window.setInterval(poll, POLL_MS)
    window.addEventListener('online', poll)
    window.addEventListener('offline', poll)
    window.addEventListener('focus', poll)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('online', poll)
      window.removeEventListener('offline', poll)
      window.removeEventListener('focus', poll)
    }
  }, [statusPolled, refreshKey])

  const connection = status?.connection ?? 'unknown'
  const connectionLabel =
    status === null
      ? t('sync.unknown')
      : status.syncing || syncRequested
        ? t('sync.syncing')
        : connection === 'online'
          ? t('sync.online')
          : connection === 'offline'
            ? t('sync.offline')
            : t('sync.localOnly')
  const last = status?.lastSyncedAt ? formatLastSynced(status.lastSyncedAt, now, i18n.language) : null

  return (
    <footer className="sync-bar" data-testid="sync-status-bar" aria-label={t('sync.label')}>
      <div className="sync-bar__items" role="status" aria-live="polite">
        <span className={`sync-bar__connection sync-bar__connection--${connection}`} data-connection={connection}>
          <span className="sync-bar__dot" aria-hidden="true" />
          {connectionLabel}
        </span>
        {status && (
          <span className="sync-bar__item" data-testid="sync-pending">
            {status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.pendingNone')}
          </span>
        )}
        {status && status.rejected > 0 && (
          <span className="sync-bar__item sync-bar__item--warn">{t('sync.rejected', { count: status.rejected })}</span>
        )}
        {status && (
          <span className="sync-bar__item" title={last?.exact}>
            {last ? t('sync.lastSynced', { when: last.relative ?? t('sync.justNow') }) : t('sync.neverSynced')}
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <button
        type="button"
        className="button button--small"
        onClick={() => void syncNowClicked()}
        disabled={status === null || connection === 'local-only' || syncRequested || status.syncing}
      >
        {t('sync.syncNow')}
      </button>
    </footer>
  )
}
