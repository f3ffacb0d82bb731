import { ExportAllButton } from '../features/export/ExportAllButton'
import { type JSX, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type SessionState } from '../../../shared/ipc/contract'
import { NavIcon } from '../components/NavIcon'
import { ErrorBanner } from '../components/ErrorBanner'
import { ModalDialog } from '../components/ModalDialog'
import { ChangePasswordForm } from '../features/session/ChangePasswordForm'
import { useSessionStore } from '../features/session/session-store'
import { LanguageSwitch } from '../features/settings/LanguageSwitch'
import { ReplicaCopyButton, ReplicaRepairBanner } from '../features/settings/ReplicaCopy'
import { navGroups, screenPermission, type ScreenId } from './navigation'
import { useNavigationStore } from './navigation-store'
import { SCREENS } from './screens'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { onOpenRecord } from '../lib/record-links'
import { usePermissionsRefresh, usePermissionsStore } from '../lib/permissions'
import { useSyncStore } from '../features/sync/sync-store'
import { SignOutDialog } from '../features/session/SignOutDialog'
import { IdleLock, IdleLockSettings } from '../features/lock/IdleLock'
import { NoticeHost } from '../components/NoticeHost'
import { TrashDialog } from '../features/trash/TrashDialog'
import { Toasts } from '../components/Toasts'

type ActiveSession = Exclude<SessionState, { status: 'none' }>

export function AppShell({ session }: { readonly session: ActiveSession }): JSX.Element {
  const { t } = useTranslation()
  const screen = useNavigationStore((s) => s.screen)
  const screenOpened = useNavigationStore((s) => s.screenOpened)
  const ActiveScreen = SCREENS[screen]
  // Links to records (search hits, duplicate warnings) switch to the screen that owns them.
  useEffect(() => onOpenRecord((link) => screenOpened(link.screen)), [screenOpened])
  // A sync may bring a new role or grants: permissions are re-read after each one.
  const lastSyncedAt = useSyncStore((s) => s.status?.lastSyncedAt ?? '')
  usePermissionsRefresh(`${session.user.id}|${lastSyncedAt}`)
  const error = useSessionStore((s) => s.error)
  const errorDismissed = useSessionStore((s) => s.errorDismissed)
  const signOutRequested = useSessionStore((s) => s.signOutRequested)
  const [changingPassword, setChangingPassword] = useState(false)
  const [passwordChanged, setPasswordChanged] = useState(false)

  const [signOutOpen, setSignOutOpen] = useState(false)
  const [lockSettingsOpen, setLockSettingsOpen] = useState(false)
  const [trashOpen, setTrashOpen] = useState(false)
  const permissions = usePermissionsStore((s) => s.permissions)
  const shown = (id: ScreenId): boolean => {
    const table = screenPermission[id]
    return table === undefined || (permissions.tables[table]?.length ?? 0) > 0
  }

  const signOut = async (): Promise<void> => {
    // A company account chooses what happens to this PC's copy; leaving the demo simply empties it.
    if (session.status === 'signed-in') {
      setSignOutOpen(true)
      return
    }
    const unsynced = await signOutRequested()
    const question = session.status === 'demo' ? t('editing.demo.confirmLeave', { count: unsynced }) : t('shell.confirmSignOut', { count: unsynced })
    if (unsynced > 0 && window.confirm(question)) {
      await signOutRequested({ force: true })
    }
  }

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          {navGroups.map((group) => (
            <ul key={group.join()} className="nav-group">
              {group.filter(shown).map((id) => (
                <li key={id}>
                  <button type="button" className="nav-item" aria-current={screen === id ? 'page' : undefined} onClick={() => screenOpened(id)}>
                    <NavIcon screen={id} />
                    <span>{t(`nav.${id}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ))}
        </nav>
        <div className="sidebar__footer">
          <ReplicaCopyButton tone="dark" />
          <ExportAllButton tone="dark" />
          <LanguageSwitch tone="dark" />
        </div>
      </aside>
      <div className="workspace">
        <header className="workspace__header">
          <h1>{t(`nav.${screen}`)}</h1>
          <GlobalSearch />
          <div className="user-chip">
            {session.status === 'demo' && <span className="badge">{t('shell.demoBadge')}</span>}
            <span className="user-chip__name">{session.user.name}</span>
            {session.status === 'signed-in' && (
              <>
                <button type="button" className="link-button" onClick={() => setChangingPassword(true)}>
                  {t('accounts.password.open')}
                </button>
                <button type="button" className="link-button" onClick={() => setLockSettingsOpen(true)}>
                  {t('device.idleLock.settingTitle')}
                </button>
              </>
            )}
            <button type="button" className="link-button" onClick={() => setTrashOpen(true)}>
              {t('everyday.trash.open')}
            </button>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('shell.signOut')}
            </button>
          </div>
        </header>
        {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
        {passwordChanged && (
          <p className="admin-notice" role="status">
            {t('accounts.password.done')}
          </p>
        )}
        {changingPassword && (
          <ModalDialog title={t('accounts.password.title')} onClose={() => setChangingPassword(false)}>
            <ChangePasswordForm
              forced={false}
              onDone={() => {
                setChangingPassword(false)
                setPasswordChanged(true)
              }}
            />
          </ModalDialog>
        )}
        {signOutOpen && <SignOutDialog onClose={() => setSignOutOpen(false)} />}
        {lockSettingsOpen && <IdleLockSettings onClose={() => setLockSettingsOpen(false)} />}
        {session.status === 'signed-in' && <IdleLock userName={session.user.name} onSignOut={() => void signOutRequested({ force: true })} />}
        <ReplicaRepairBanner />
        <NoticeHost />
        <main className="workspace__content">
          <Suspense fallback={<p className="screen-loading">{t('common.loading')}</p>}>
            <ActiveScreen role={session.user.role} />
          </Suspense>
        </main>
      </div>
      <Toasts />
      {trashOpen && <TrashDialog onClose={() => setTrashOpen(false)} />}
    </div>
  )
}
