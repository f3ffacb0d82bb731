import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSessionStore } from './session-store'

export function LoginForm({ onBack }: { readonly onBack: () => void }): JSX.Element {
  const { t } = useTranslation()
  const busy = useSessionStore((s) => s.busy)
  const loginSubmitted = useSessionStore((s) => s.loginSubmitted)
  const [serverUrl, setServerUrl] = useState('https://')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const submitting = busy === 'login'

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void loginSubmitted({ serverUrl, email, password })
  }

  return (
    <form className="card login-form" onSubmit={submit} aria-labelledby="login-title">
      <h2 id="login-title">{t('firstRun.login.title')}</h2>
      <label>
        <span>{t('firstRun.login.serverUrl')}</span>
        <input type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required autoComplete="url" />
        <small>{t('firstRun.login.serverUrlHint')}</small>
      </label>
      <label>
        <span>{t('firstRun.login.email')}</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="username" />
      </label>
      <label>
        <span>{t('firstRun.login.password')}</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
      </label>
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={submitting}>
          {t('firstRun.login.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('firstRun.login.submitting') : t('firstRun.login.submit')}
        </button>
      </div>
    </form>
  )
}
