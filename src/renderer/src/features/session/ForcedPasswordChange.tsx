/** The whole window after signing in with a one-time password: choose a new one, or sign out. */
import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ChangePasswordForm } from './ChangePasswordForm'
import { useSessionStore } from './session-store'

export function ForcedPasswordChange(): JSX.Element {
  const { t } = useTranslation()
  const signOutRequested = useSessionStore((s) => s.signOutRequested)
  return (
    <main className="forced-password">
      <section className="card login-form" aria-labelledby="forced-password-title">
        <h2 id="forced-password-title">{t('accounts.password.forcedTitle')}</h2>
        <ChangePasswordForm forced />
        <button type="button" className="link-button" onClick={() => void signOutRequested({ force: true })}>
          {t('accounts.password.signOut')}
        </button>
      </section>
    </main>
  )
}
