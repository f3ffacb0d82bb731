import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCan } from '../../lib/permissions'
import { ADMIN_READS, type AdminTab, useAdminStore } from './admin-store'
import { AuditTab } from './AuditTab'
import { CampaignDialog, CampaignsTab, IndustriesTab, IndustryDialog } from './CataloguesTabs'
import { DepartmentDialog, DepartmentsTab, TeamDialog, TeamsTab } from './OrgTabs'
import { RolesTab } from './RolesTab'
import { UserDevicesDialog } from './UserDevicesDialog'
import { CreateUserDialog, UserDialog, UsersTab } from './UsersTab'
import { useReloadOn } from '../../lib/live'

const TABS: readonly AdminTab[] = ['users', 'roles', 'departments', 'teams', 'campaigns', 'industries', 'audit']

/** 관리: users, roles and the permission matrix, departments, teams, campaigns, industries, and (online) the audit log. */
export function AdminScreen(): JSX.Element {
  const { t } = useTranslation()
  const tab = useAdminStore((s) => s.tab)
  const tabChosen = useAdminStore((s) => s.tabChosen)
  const dialog = useAdminStore((s) => s.dialog)
  const error = useAdminStore((s) => s.error)
  const notice = useAdminStore((s) => s.notice)
  const errorDismissed = useAdminStore((s) => s.errorDismissed)
  const screenOpened = useAdminStore((s) => s.screenOpened)
  // The same rule the server applies to each pushed write decides which controls show.
  const canUsers = useCan('users', 'update')
  const canRoles = useCan('role_permissions', 'create')
  const canDepartments = useCan('departments', 'update')
  const canTeams = useCan('team_members', 'create')

  useReloadOn(ADMIN_READS, () => useAdminStore.getState().reload())
  useEffect(() => {
    void screenOpened()
  }, [screenOpened])

  return (
    <div className="admin-screen">
      <div className="admin-tabs" role="tablist" aria-label={t('nav.admin')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="admin-tab" onClick={() => tabChosen(id)}>
            {t(`admin.tabs.${id}`)}
          </button>
        ))}
      </div>
      {!(canUsers || canRoles || canDepartments || canTeams) && <p className="muted">{t('admin.readOnly')}</p>}
      {error && !dialog && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      {notice && (
        <p className="admin-notice" role="status">
          {t('admin.users.created', { name: notice })}
        </p>
      )}
      <div role="tabpanel">
        {tab === 'users' && <UsersTab canEdit={canUsers} />}
        {tab === 'roles' && <RolesTab canEdit={canRoles} />}
        {tab === 'departments' && <DepartmentsTab canEdit={canDepartments} />}
        {tab === 'teams' && <TeamsTab canEdit={canTeams} />}
        {tab === 'campaigns' && <CampaignsTab />}
        {tab === 'industries' && <IndustriesTab />}
        {tab === 'audit' && <AuditTab />}
      </div>
      {dialog?.kind === 'user' && <UserDialog user={dialog.user} />}
      {dialog?.kind === 'createUser' && <CreateUserDialog />}
      {dialog?.kind === 'devices' && <UserDevicesDialog user={dialog.user} />}
      {dialog?.kind === 'department' && <DepartmentDialog department={dialog.department} />}
      {dialog?.kind === 'team' && <TeamDialog team={dialog.team} />}
      {dialog?.kind === 'campaign' && <CampaignDialog campaign={dialog.campaign} />}
      {dialog?.kind === 'industry' && <IndustryDialog industry={dialog.industry} />}
    </div>
  )
}
