import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { FirstRunScreen } from '../features/session/FirstRunScreen'
import { ForcedPasswordChange } from '../features/session/ForcedPasswordChange'
import { useSessionStore } from '../features/session/session-store'
import { SyncStatusBar } from '../features/sync/SyncStatusBar'
import { AppShell } from './AppShell'

export function App(): JSX.Element {
  const { t } = useTranslation()
  const session = useSessionStore((s) => s.session)
  const appOpened = useSessionStore((s) => s.appOpened)

  useEffect(() => {
    void appOpened()
  }, [appOpened])

  return (
    <div className="app-frame">
      <div className="app-frame__main">
        {session === null ? (
          <p className="loading">{t('common.loading')}</p>
        ) : session.status === 'none' ? (
          <FirstRunScreen />
        ) : session.status === 'signed-in' && session.passwordChangeRequired ? (
          <ForcedPasswordChange />
        ) : (
          <AppShell session={session} />
        )}
      </div>
      <SyncStatusBar refreshKey={session?.status ?? 'loading'} />
    </div>
  )
}
