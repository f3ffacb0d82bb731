import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../components/ModalDialog'
import { useSyncStore } from '../sync'
import { useSessionStore } from './session-store'

/**
 * Signing out of a company account: keep this PC's (encrypted) copy for next time, or remove it. Removing destroys
 * unsent edits, so with changes waiting it needs the user to type how many will be lost; main checks the number again.
 */
export function SignOutDialog({ onClose }: { readonly onClose: () => void }): JSX.Element {
  const { t } = useTranslation()
  const pending = useSyncStore((s) => s.status?.pending ?? 0)
  const statusPolled = useSyncStore((s) => s.statusPolled)
  const busy = useSessionStore((s) => s.busy)
  const signOutRequested = useSessionStore((s) => s.signOutRequested)
  const [typed, setTyped] = useState('')

  useEffect(() => {
    void statusPolled()
  }, [statusPolled])

  const removeConfirmed = pending === 0 || typed.trim() === String(pending)
  const working = busy === 'logout'

  return (
    <ModalDialog title={t('device.signOut.title')} onClose={onClose}>
      <div className="sign-out" data-testid="sign-out-dialog">
        <p>{t('device.signOut.intro')}</p>
        {pending > 0 && (
          <p className="sign-out__pending" role="status">
            {t('device.signOut.pending', { count: pending })}
          </p>
        )}
        <section className="sign-out__choice">
          <h3>{t('device.signOut.keep')}</h3>
          <p>{t('device.signOut.keepBody')}</p>
          <button type="button" className="button button--primary" disabled={working} onClick={() => void signOutRequested({ force: true }).then(onClose)}>
            {t('device.signOut.keep')}
          </button>
        </section>
        <section className="sign-out__choice sign-out__choice--danger">
          <h3>{t('device.signOut.remove')}</h3>
          <p>{t('device.signOut.removeBody')}</p>
          {pending > 0 && (
            <label className="sign-out__confirm">
              <span>{t('device.signOut.pendingRemove', { count: pending })}</span>
              <input inputMode="numeric" aria-label={t('device.signOut.confirmCount')} value={typed} onChange={(event) => setTyped(event.target.value)} />
            </label>
          )}
          <button
            type="button"
            className="button button--danger"
            disabled={working || !removeConfirmed}
            onClick={() => void signOutRequested({ force: true, removeCopy: true, ...(pending > 0 ? { confirmDiscard: pending } : {}) }).then(onClose)}
          >
            {working ? t('device.signOut.working') : t('device.signOut.remove')}
          </button>
        </section>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('device.signOut.cancel')}
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
