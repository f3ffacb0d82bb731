import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../components/ModalDialog'
import { useLockStore } from './lock-store'

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Watches for use of the window; after the set minutes without any, asks main to lock and covers everything with the
 * password prompt. The password is checked in main against the local verifier, offline.
 */
export function IdleLock({ userName, onSignOut }: { readonly userName: string; readonly onSignOut: () => void }): JSX.Element | null {
  const { t } = useTranslation()
  const lock = useLockStore((s) => s.lock)
  const reload = useLockStore((s) => s.reload)
  const idleTimeReached = useLockStore((s) => s.idleTimeReached)
  const passwordSubmitted = useLockStore((s) => s.passwordSubmitted)
  const wrongPassword = useLockStore((s) => s.wrongPassword)
  const busy = useLockStore((s) => s.busy)
  const [password, setPassword] = useState('')

  useEffect(() => {
    void reload()
  }, [reload])

  const minutes = lock?.minutes ?? null
  const locked = lock?.locked ?? false
  useEffect(() => {
    if (minutes === null || locked) return
    let timer = window.setTimeout(() => void idleTimeReached(), minutes * 60_000)
    const activity = (): void => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => void idleTimeReached(), minutes * 60_000)
    }
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, activity, { passive: true })
    return () => {
      window.clearTimeout(timer)
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, activity)
    }
  }, [minutes, locked, idleTimeReached])

  if (!locked) return null
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-screen-title" data-testid="lock-screen">
      <form
        className="lock-screen__panel card"
        onSubmit={(event) => {
          event.preventDefault()
          void passwordSubmitted(password).then(() => setPassword(''))
        }}
      >
        <h2 id="lock-screen-title">{t('device.idleLock.lockedTitle')}</h2>
        <p>{t('device.idleLock.lockedBody', { name: userName })}</p>
        <label className="form-field">
          <span>{t('device.idleLock.password')}</span>
          <input type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {wrongPassword && (
          <p className="form-field__error" role="alert">
            {t('device.idleLock.wrongPassword')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onSignOut}>
            {t('device.idleLock.signOut')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || password === ''}>
            {t('device.idleLock.unlock')}
          </button>
        </div>
      </form>
    </div>
  )
}

/** The setting: off by default; on, the window locks after the chosen minutes without use. */
export function IdleLockSettings({ onClose }: { readonly onClose: () => void }): JSX.Element {
  const { t } = useTranslation()
  const lock = useLockStore((s) => s.lock)
  const settingsSaved = useLockStore((s) => s.settingsSaved)
  const [enabled, setEnabled] = useState(lock?.minutes !== null && lock?.minutes !== undefined)
  const [minutes, setMinutes] = useState(String(lock?.minutes ?? 10))
  const [saved, setSaved] = useState(false)
  const value = Number(minutes)
  const valid = Number.isInteger(value) && value >= 1 && value <= 240

  return (
    <ModalDialog title={t('device.idleLock.settingTitle')} onClose={onClose}>
      <form
        className="lock-settings"
        onSubmit={(event) => {
          event.preventDefault()
          void settingsSaved(enabled ? value : null).then(() => setSaved(true))
        }}
      >
        <label className="lock-settings__toggle">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <span>{t('device.idleLock.enabled')}</span>
        </label>
        <label className="form-field">
          <span>{t('device.idleLock.minutes')}</span>
          <input type="number" min={1} max={240} disabled={!enabled} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        {lock && !lock.canUnlock && <p className="form-field__hint">{t('device.idleLock.noVerifier')}</p>}
        {saved && <p className="notice">{t('device.idleLock.saved')}</p>}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={enabled && !valid}>
            {t('device.idleLock.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
