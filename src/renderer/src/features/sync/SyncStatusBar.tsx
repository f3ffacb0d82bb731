import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type SyncStatus } from '../../../../shared/ipc/contract'
import { ErrorBanner } from '../../components/ErrorBanner'
import { formatLastSynced } from './format-last-synced'
import { SyncPanel } from './SyncPanel'
import { useSyncReviewStore } from './sync-review-store'
import { listenToSyncStatus, useSyncStore } from './sync-store'

/** Only the "last synced 3 min ago" wording needs a clock; the status itself is pushed by main. */
const CLOCK_TICK_MS = 30_000

type Connection = SyncStatus['connection'] | 'unknown'

/**
 * Always visible: connection, unsynced and rejected changes, conflicts, last sync, and why sync is paused. Sync that
 * fails without feedback is the top complaint of offline field users, so this bar never hides.
 */
export function SyncStatusBar({ refreshKey }: { readonly refreshKey: string }): JSX.Element {
  const { t, i18n } = useTranslation()
  const status = useSyncStore((s) => s.status)
  const syncRequested = useSyncStore((s) => s.syncRequested)
  const error = useSyncStore((s) => s.error)
  const statusPolled = useSyncStore((s) => s.statusPolled)
  const syncNowClicked = useSyncStore((s) => s.syncNowClicked)
  const errorDismissed = useSyncStore((s) => s.errorDismissed)
  const reviewOpened = useSyncReviewStore((s) => s.panelOpened)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    // Read once (start, session change), then main pushes every change: pending counts after a write, syncing, errors.
    void statusPolled()
    const stopListening = listenToSyncStatus()
    const tick = (): void => setNow(Date.now())
    const timer = window.setInterval(tick, CLOCK_TICK_MS)
    window.addEventListener('focus', tick)
    return () => {
      stopListening()
      window.clearInterval(timer)
      window.removeEventListener('focus', tick)
    }
  }, [statusPolled, refreshKey])

  const connection: Connection = status?.connection ?? 'unknown'
  const connectionLabel: Record<Connection, string> = {
    online: t('sync.online'),
    offline: t('sync.offline'),
    connecting: t('sync.connecting'),
    'local-only': t('sync.localOnly'),
    unknown: t('sync.unknown'),
  }
  const syncing = status !== null && (status.syncing || syncRequested)
  const last = status?.lastSyncedAt ? formatLastSynced(status.lastSyncedAt, now, i18n.language) : null
  const retryAt = status?.nextRetryAt
    ? new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { timeStyle: 'short' }).format(Date.parse(status.nextRetryAt))
    : null

  return (
    <footer className="sync-bar" data-testid="sync-status-bar" aria-label={t('sync.label')}>
      <div className="sync-bar__items" role="status" aria-live="polite">
        <span className={`sync-bar__connection sync-bar__connection--${connection}`} data-connection={connection}>
          <span className="sync-bar__dot" aria-hidden="true" />
          {syncing ? t('sync.syncing') : connectionLabel[connection]}
        </span>
        {status && (
          <span className="sync-bar__item" data-testid="sync-pending">
            {status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.pendingNone')}
          </span>
        )}
        {status && status.rejected > 0 && <span className="sync-bar__item sync-bar__item--warn">{t('sync.rejected', { count: status.rejected })}</span>}
        {status && status.conflicts > 0 && <span className="sync-bar__item sync-bar__item--warn">{t('sync.conflicts', { count: status.conflicts })}</span>}
        {status && (
          <span className="sync-bar__item" title={last?.exact}>
            {last ? t('sync.lastSynced', { when: last.relative ?? t('sync.justNow') }) : t('sync.neverSynced')}
          </span>
        )}
        {status?.attention === 'sign-in' && <span className="sync-bar__item sync-bar__item--warn">{t('sync.needsSignIn')}</span>}
        {status?.attention === 'update' && <span className="sync-bar__item sync-bar__item--warn">{t('sync.needsUpdate')}</span>}
        {status?.attention === 'disk-full' && (
          <span className="sync-bar__item sync-bar__item--warn" data-testid="sync-disk-full">
            {t('sync.diskFull', { count: status.diskFullNeededMb ?? 1 })}
          </span>
        )}
        {status?.attention === 'retrying' && retryAt && <span className="sync-bar__item sync-bar__item--warn">{t('sync.retrying', { time: retryAt })}</span>}
      </div>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <button
        type="button"
        className={status && status.rejected + status.conflicts > 0 ? 'button button--small button--warn' : 'button button--small button--ghost'}
        onClick={() => void reviewOpened()}
      >
        {t('syncPanel.open')}
        {status && status.rejected + status.conflicts > 0 ? ` (${status.rejected + status.conflicts})` : ''}
      </button>
      <SyncPanel />
      <button
        type="button"
        className="button button--small"
        onClick={() => void syncNowClicked()}
        disabled={status === null || connection === 'local-only' || syncing}
        title={connection === 'local-only' ? t('editing.sync.localOnlyReason') : undefined}
        aria-describedby={connection === 'local-only' ? 'sync-local-only-reason' : undefined}
      >
        {t('sync.syncNow')}
      </button>
      {connection === 'local-only' && (
        <span id="sync-local-only-reason" className="muted sync-bar__reason" data-testid="sync-local-only-reason">
          {t('editing.sync.localOnlyReason')}
        </span>
      )}
    </footer>
  )
}
