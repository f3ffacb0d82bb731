/**
 * Choosing a new password: in the top bar's dialog (self-service), and as the whole screen after signing in with an
 * administrator's one-time password (`forced`: the server answers nothing else until it is done).
 */
import { type FormEvent, type JSX, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PASSWORD_MIN_LENGTH } from '../../../../shared/ipc/contract'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api, toIpcError } from '../../lib/api'
import { useSessionStore } from './session-store'

export function ChangePasswordForm({ forced, onDone }: { readonly forced: boolean; readonly onDone?: () => void }): JSX.Element {
  const { t } = useTranslation()
  const sessionChanged = useSessionStore((s) => s.sessionChanged)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const [busy, setBusy] = useState(false)
  const hintId = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setError(null)
    if (next.length < PASSWORD_MIN_LENGTH) return setProblem(t('accounts.password.tooShort', { min: PASSWORD_MIN_LENGTH }))
    if (next !== confirm) return setProblem(t('accounts.password.mismatch'))
    if (next === current) return setProblem(t('accounts.password.same'))
    setProblem(null)
    setBusy(true)
    try {
      sessionChanged(await api.session.changePassword({ currentPassword: current, newPassword: next }))
      onDone?.()
    } catch (caught) {
      setError(toIpcError(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="change-password" onSubmit={(event) => void submit(event)} aria-label={t('accounts.password.title')} noValidate>
      {forced && <p>{t('accounts.password.forcedBody')}</p>}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <label>
        <span>{t(forced ? 'accounts.password.currentForced' : 'accounts.password.current')}</span>
        <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
      </label>
      <label>
        <span>{t('accounts.password.next')}</span>
        <input type="password" value={next} onChange={(e) => setNext(e.target.value)} required autoComplete="new-password" aria-describedby={hintId} />
      </label>
      <small id={hintId} className="muted">
        {t('accounts.password.hint', { min: PASSWORD_MIN_LENGTH })}
      </small>
      <label>
        <span>{t('accounts.password.confirm')}</span>
        <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required autoComplete="new-password" />
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('accounts.password.submitting') : t('accounts.password.submit')}
        </button>
      </div>
    </form>
  )
}
