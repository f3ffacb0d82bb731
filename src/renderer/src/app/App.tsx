import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { FirstRunScreen } from '../features/session/FirstRunScreen'
import { ForcedPasswordChange } from '../features/session/ForcedPasswordChange'
import { useSessionStore } from '../features/session/session-store'
import { SyncStatusBar } from '../features/sync/SyncStatusBar'
import { useSyncStore } from '../features/sync/sync-store'
import { AppShell } from './AppShell'

export function App(): JSX.Element {
  const { t } = useTranslation()
  const session = useSessionStore((s) => s.session)
  const appOpened = useSessionStore((s) => s.appOpened)

  useEffect(() => {
    void appOpened()
  }, [appOpened])

  // Main can end the session on its own: an administrator's wipe order erased this PC's copy. The status bar's poll
  // then reports no server to sync with (or the wipe as the sync error), and the session is read again.
  const sessionEndedInMain = useSyncStore((s) => s.status?.connection === 'local-only' || s.error?.code === 'session.deviceWiped')
  const signedIn = session?.status === 'signed-in'
  useEffect(() => {
    if (signedIn && sessionEndedInMain) void appOpened()
  }, [signedIn, sessionEndedInMain, appOpened])

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
