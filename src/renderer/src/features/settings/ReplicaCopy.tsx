import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { type ReplicaRepairNotice } from '../../../../shared/ipc/replica-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { useReplicaStore } from './replica-store'

function NoticeLines({ notice }: { readonly notice: ReplicaRepairNotice }): JSX.Element {
  const { t } = useTranslation()
  return (
    <>
      <strong>{t(`replica.notice.${notice.reason}`)}</strong>
      {notice.keptChanges > 0 && <span>{t('replica.notice.kept', { count: notice.keptChanges })}</span>}
      {notice.discardedChanges > 0 && <span>{t('replica.notice.discarded', { count: notice.discardedChanges })}</span>}
      {!notice.identityKept && <span>{t('replica.notice.signInAgain')}</span>}
      <span className="muted replica-notice__file">{t('replica.notice.setAside', { file: notice.setAsideFile })}</span>
    </>
  )
}

/** Shown once after this PC's copy was rebuilt (damaged on open, or asked for): what happened, what was kept. */
export function ReplicaRepairBanner(): JSX.Element | null {
  const { t } = useTranslation()
  const notice = useReplicaStore((s) => s.health?.notice ?? null)
  const reload = useReplicaStore((s) => s.reload)
  const dismissed = useReplicaStore((s) => s.noticeDismissed)
  useEffect(() => void reload(), [reload])
  if (!notice) return null
  return (
    <div className="replica-notice" role="status" data-testid="replica-notice" data-reason={notice.reason}>
      <div className="replica-notice__text">
        <NoticeLines notice={notice} />
      </div>
      <button type="button" className="button button--small" onClick={() => void dismissed()}>
        {t('replica.notice.ok')}
      </button>
    </div>
  )
}

/** "This PC's copy" (settings): a full integrity check on demand and "rebuild this PC's copy" for support cases. */
export function ReplicaCopyButton({ tone = 'light' }: { readonly tone?: 'light' | 'dark' }): JSX.Element {
  const { t, i18n } = useTranslation()
  const { open, health, checking, check, rebuild, error, dialogOpened, dialogClosed, checkRequested, rebuildConfirmed, errorDismissed } = useReplicaStore()
  const time = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { timeStyle: 'short' })
  const pending = health?.pendingChanges ?? 0
  const askRebuild = (): void => {
    if (window.confirm(t('replica.rebuildConfirm', { count: pending }))) void rebuildConfirmed()
  }
  return (
    <>
      <button type="button" className={`link-button replica-open replica-open--${tone}`} onClick={() => void dialogOpened()}>
        {t('replica.open')}
      </button>
      {open && (
        <ModalDialog title={t('replica.title')} onClose={dialogClosed}>
          <p className="muted">{t('replica.intro')}</p>
          {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
          {health && <p data-testid="replica-pending">{t('replica.pending', { count: pending })}</p>}
          {check && (
            <p className={check.ok ? 'notice' : 'replica-check--bad'} role="status" data-testid="replica-check">
              {check.ok ? t('replica.checkOk', { time: time.format(Date.parse(check.checkedAt)) }) : t('replica.checkFailed')}
            </p>
          )}
          {rebuild && (
            <p className="notice" role="status" data-testid="replica-rebuild">
              {rebuild === 'restarting' ? t('replica.restarting') : t('replica.rebuildScheduled')}
            </p>
          )}
          <div className="row-actions">
            <button type="button" className="button" disabled={checking} onClick={() => void checkRequested()}>
              {checking ? t('replica.checking') : t('replica.check')}
            </button>
            <button type="button" className="button button--warn" disabled={rebuild !== null} onClick={askRebuild}>
              {t('replica.rebuild')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  )
}
