import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LanguageSwitch } from '../settings'
import { LoginForm } from './LoginForm'
import { useSessionStore } from './session-store'

/** Shown until the user chooses demo data or a company server. */
export function FirstRunScreen(): JSX.Element {
  const { t } = useTranslation()
  const busy = useSessionStore((s) => s.busy)
  const error = useSessionStore((s) => s.error)
  const demoChosen = useSessionStore((s) => s.demoChosen)
  const errorDismissed = useSessionStore((s) => s.errorDismissed)
  const [showLogin, setShowLogin] = useState(false)
  const wiped = useSessionStore((s) => s.session?.status === 'none' && s.session.notice === 'device-wiped')

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <header className="first-run__top">
        <div className="brand brand--on-light">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <section className="first-run__body">
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="first-run__subtitle">{t('firstRun.subtitle')}</p>
        {wiped && (
          <div className="first-run__notice" role="status" data-testid="device-wiped-notice">
            <h2>{t('device.wiped.title')}</h2>
            <p>{t('device.wiped.body')}</p>
          </div>
        )}
        {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
        {showLogin ? (
          <LoginForm onBack={() => setShowLogin(false)} />
        ) : (
          <div className="choice-grid">
            <button type="button" className="card choice" data-testid="first-run-demo" onClick={() => void demoChosen()} disabled={busy !== null}>
              <span className="choice__title">{t('firstRun.demo.title')}</span>
              <span className="choice__body">{t('firstRun.demo.body')}</span>
              <span className="choice__action">{busy === 'demo' ? t('common.loading') : t('firstRun.demo.action')} →</span>
            </button>
            <button type="button" className="card choice" data-testid="first-run-server" onClick={() => setShowLogin(true)} disabled={busy !== null}>
              <span className="choice__title">{t('firstRun.server.title')}</span>
              <span className="choice__body">{t('firstRun.server.body')}</span>
              <span className="choice__action">{t('firstRun.server.action')} →</span>
            </button>
          </div>
        )}
      </section>
    </main>
  )
}
