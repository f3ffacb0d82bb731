/**
 * 기기·세션 (issue 17 "Accounts", issue 18 wipe): a user's devices as the server knows them, each with its live
 * sign-in; revoke, or revoke with wipe after a confirmation that says what a wipe destroys (the unsent edits on that
 * laptop); and a one-time password reset. Online only — the list lives on the server.
 */
import { type JSX, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminUser, type AdminUserDevice } from '../../../../shared/ipc/admin-types'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { useAdminStore } from './admin-store'

type Confirming = { readonly kind: 'revoke' | 'wipe'; readonly deviceId: string } | { readonly kind: 'reset' } | null

export function UserDevicesDialog({ user }: { readonly user: AdminUser }): JSX.Element {
  const { t, i18n } = useTranslation()
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const [devices, setDevices] = useState<readonly AdminUserDevice[] | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null)
  const when = (iso: string): string => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-US' : 'ko-KR', { dateStyle: 'medium', timeStyle: 'short' })

  const load = useCallback(
    (): Promise<void> =>
      api.admin.userDevices({ userId: user.id }).then(
        (list) => setDevices(list),
        (caught: unknown) => setError(toIpcError(caught)),
      ),
    [user.id],
  )

  useEffect(() => {
    let live = true
    api.admin.userDevices({ userId: user.id }).then(
      (list) => live && setDevices(list),
      (caught: unknown) => live && setError(toIpcError(caught)),
    )
    return () => {
      live = false
    }
  }, [user.id])

  const act = async (): Promise<void> => {
    if (!confirming) return
    setBusy(true)
    setError(null)
    try {
      if (confirming.kind === 'reset') {
        setOneTimePassword((await api.admin.resetPassword({ userId: user.id })).oneTimePassword)
        await load()
      } else {
        setDevices(await api.admin.revokeDevice({ userId: user.id, deviceId: confirming.deviceId, wipe: confirming.kind === 'wipe' }))
        setNotice(t(confirming.kind === 'wipe' ? 'accounts.devices.wipedToast' : 'accounts.devices.revokedToast'))
      }
      setConfirming(null)
    } catch (caught) {
      setError(toIpcError(caught))
    } finally {
      setBusy(false)
    }
  }

  if (oneTimePassword) {
    return (
      <ModalDialog title={t('accounts.reset.issuedTitle')} onClose={() => dialogOpened(null)}>
        <p>{t('accounts.reset.issued')}</p>
        <p className="one-time-password" data-testid="one-time-password">
          <code>{oneTimePassword}</code>
        </p>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => dialogOpened(null)}>
            {t('accounts.reset.close')}
          </button>
        </div>
      </ModalDialog>
    )
  }

  if (confirming) {
    const title =
      confirming.kind === 'reset'
        ? t('accounts.reset.confirmTitle', { name: user.name })
        : t(confirming.kind === 'wipe' ? 'accounts.devices.confirmWipeTitle' : 'accounts.devices.confirmRevokeTitle')
    const body =
      confirming.kind === 'reset'
        ? t('accounts.reset.confirm')
        : t(confirming.kind === 'wipe' ? 'accounts.devices.confirmWipe' : 'accounts.devices.confirmRevoke')
    const action =
      confirming.kind === 'reset'
        ? t('accounts.reset.action')
        : t(confirming.kind === 'wipe' ? 'accounts.devices.confirmWipeAction' : 'accounts.devices.confirm')
    return (
      <ModalDialog title={title} onClose={() => setConfirming(null)}>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <p className={confirming.kind === 'wipe' ? 'confirm-warning' : undefined} data-testid="confirm-body">
          {body}
        </p>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => setConfirming(null)} disabled={busy}>
            {t('accounts.devices.cancel')}
          </button>
          <button
            type="button"
            className={confirming.kind === 'wipe' ? 'button button--danger' : 'button button--primary'}
            onClick={() => void act()}
            disabled={busy}
          >
            {action}
          </button>
        </div>
      </ModalDialog>
    )
  }

  return (
    <ModalDialog title={t('accounts.devices.title', { name: user.name })} onClose={() => dialogOpened(null)} wide>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      {devices === null && !error && <p className="muted">{t('accounts.devices.loading')}</p>}
      {devices?.length === 0 && <p className="muted">{t('accounts.devices.empty')}</p>}
      {devices && devices.length > 0 && (
        <ul className="device-list" data-testid="user-devices">
          {devices.map((device) => {
            const session = device.sessions[0]
            return (
              <li key={device.deviceId} className="device-list__item" data-device-id={device.deviceId}>
                <div className="device-list__main">
                  <strong>{t('accounts.devices.device', { id: device.deviceId.slice(-8) })}</strong>
                  <span className="muted">{t('accounts.devices.lastSeen', { at: when(device.lastSeenAt) })}</span>
                  <span className="muted">
                    {session
                      ? t('accounts.devices.session', { at: when(session.createdAt), expires: when(session.expiresAt) })
                      : t('accounts.devices.noSession')}
                    {session?.ip ? ` · ${t('accounts.devices.from', { ip: session.ip })}` : ''}
                  </span>
                </div>
                <div className="device-list__state">
                  {device.wipeRequestedAt ? (
                    <span className="badge badge--danger">{t('accounts.devices.wiped', { at: when(device.wipeRequestedAt) })}</span>
                  ) : device.revokedAt ? (
                    <span className="badge">{t('accounts.devices.revoked', { at: when(device.revokedAt) })}</span>
                  ) : (
                    <>
                      <button type="button" className="button button--ghost" onClick={() => setConfirming({ kind: 'revoke', deviceId: device.deviceId })}>
                        {t('accounts.devices.revoke')}
                      </button>
                      <button type="button" className="button button--danger" onClick={() => setConfirming({ kind: 'wipe', deviceId: device.deviceId })}>
                        {t('accounts.devices.wipe')}
                      </button>
                    </>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={() => setConfirming({ kind: 'reset' })}>
          {t('accounts.reset.open')}
        </button>
        <button type="button" className="button button--primary" onClick={() => dialogOpened(null)}>
          {t('accounts.devices.close')}
        </button>
      </div>
    </ModalDialog>
  )
}
