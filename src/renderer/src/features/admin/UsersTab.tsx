import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminUser } from '../../../../shared/ipc/admin-types'
import { USER_TIERS, type UserTier } from '../../../../shared/model/enums'
import { userCreateSchema } from '../../../../shared/model/validation/admin'
import { ModalDialog } from '../../components/ModalDialog'
import { useAdminStore } from './admin-store'
import { roleLabel } from './role-label'
import { DepartmentOptions, DialogFooter } from './form-parts'

export function UsersTab({ canEdit }: { readonly canEdit: boolean }): JSX.Element {
  const { t } = useTranslation()
  const users = useAdminStore((s) => s.users)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const [showInactive, setShowInactive] = useState(false)
  const shown = showInactive ? users : users.filter((u) => u.isActive)
  return (
    <section aria-label={t('admin.tabs.users')}>
      <div className="admin-toolbar">
        <span className="muted">{t('admin.users.count', { count: shown.length })}</span>
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> {t('admin.users.showInactive')}
        </label>
        {canEdit && (
          <button type="button" className="button button--primary" onClick={() => dialogOpened({ kind: 'createUser' })}>
            {t('admin.users.add')}
          </button>
        )}
      </div>
      <table className="admin-table" data-testid="admin-users">
        <thead>
          <tr>
            <th>{t('admin.users.columns.name')}</th>
            <th>{t('admin.users.columns.email')}</th>
            <th>{t('admin.users.columns.tier')}</th>
            <th>{t('admin.users.columns.role')}</th>
            <th>{t('admin.users.columns.department')}</th>
            <th>{t('admin.users.columns.teams')}</th>
            <th>{t('admin.users.columns.status')}</th>
            {canEdit && <th aria-label={t('admin.edit')} />}
          </tr>
        </thead>
        <tbody>
          {shown.map((user) => (
            <tr key={user.id} data-inactive={!user.isActive}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{t(`admin.tiers.${user.tier}`)}</td>
              <td>{user.roleName ? roleLabel(user.roleName, t) : t('admin.none')}</td>
              <td>{user.departmentName ?? t('admin.none')}</td>
              <td>{user.teams.length ? user.teams.map((team) => team.name).join(', ') : t('admin.none')}</td>
              <td>{user.isActive ? t('admin.users.active') : t('admin.users.inactive')}</td>
              {canEdit && (
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${user.name} ${t('admin.edit')}`}
                    onClick={() => dialogOpened({ kind: 'user', user })}
                  >
                    {t('admin.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${user.name} ${t('accounts.devices.open')}`}
                    onClick={() => dialogOpened({ kind: 'devices', user })}
                  >
                    {t('accounts.devices.open')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function UserDialog({ user }: { readonly user: AdminUser }): JSX.Element {
  const { t } = useTranslation()
  const roles = useAdminStore((s) => s.roles)
  const departments = useAdminStore((s) => s.departments)
  const teams = useAdminStore((s) => s.teams)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const userSaved = useAdminStore((s) => s.userSaved)
  const [tier, setTier] = useState<UserTier>(user.tier)
  const [roleId, setRoleId] = useState(user.roleId)
  const [departmentId, setDepartmentId] = useState(user.departmentId ?? '')
  const [isActive, setIsActive] = useState(user.isActive)
  const [teamIds, setTeamIds] = useState<ReadonlySet<string>>(new Set(user.teams.map((team) => team.teamId)))
  const [saving, setSaving] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    await userSaved({ id: user.id, tier, roleId, departmentId: departmentId || null, isActive, teamIds: [...teamIds] })
    setSaving(false)
  }
  const toggleTeam = (teamId: string, on: boolean): void => {
    const next = new Set(teamIds)
    if (on) next.add(teamId)
    else next.delete(teamId)
    setTeamIds(next)
  }

  return (
    <ModalDialog title={t('admin.users.editTitle', { name: user.name })} onClose={() => dialogOpened(null)} wide>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('admin.users.tier')}
          <select value={tier} onChange={(e) => setTier(e.target.value as UserTier)}>
            {USER_TIERS.map((value) => (
              <option key={value} value={value}>
                {t(`admin.tiers.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.users.role')}
          <select value={roleId} onChange={(e) => setRoleId(e.target.value)}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {roleLabel(role.name, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.users.department')}
          <select value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
            <option value="">{t('admin.users.noDepartment')}</option>
            <DepartmentOptions departments={departments} />
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} /> {t('admin.users.isActive')}
        </label>
        <fieldset>
          <legend>{t('admin.users.teams')}</legend>
          {teams.map((team) => (
            <label key={team.id} className="check">
              <input type="checkbox" checked={teamIds.has(team.id)} onChange={(e) => toggleTeam(team.id, e.target.checked)} /> {team.name}
            </label>
          ))}
        </fieldset>
        <p className="muted wide">{t('admin.syncNote')}</p>
        <DialogFooter saving={saving} />
      </form>
    </ModalDialog>
  )
}

export function CreateUserDialog(): JSX.Element {
  const { t } = useTranslation()
  const roles = useAdminStore((s) => s.roles)
  const departments = useAdminStore((s) => s.departments)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const userCreated = useAdminStore((s) => s.userCreated)
  const [form, setForm] = useState({ name: '', email: '', password: '', tier: 'OPERATOR' as UserTier, roleId: roles[0]?.id ?? '', departmentId: '' })
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set())
  const [saving, setSaving] = useState(false)
  const field = <K extends keyof typeof form>(key: K, value: (typeof form)[K]): void => setForm({ ...form, [key]: value })

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = userCreateSchema.safeParse({ ...form, departmentId: form.departmentId || null })
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((issue) => String(issue.path[0]))))
      return
    }
    setInvalid(new Set())
    setSaving(true)
    await userCreated(parsed.data)
    setSaving(false)
  }
  const error = (key: string): JSX.Element | null =>
    invalid.has(key) ? (
      <span className="form-field__error" role="alert">
        {t('admin.required')}
      </span>
    ) : null

  return (
    <ModalDialog title={t('admin.users.createTitle')} onClose={() => dialogOpened(null)} wide>
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted wide">{t('admin.users.createHint')}</p>
        <label>
          {t('admin.users.name')}
          <input value={form.name} onChange={(e) => field('name', e.target.value)} aria-invalid={invalid.has('name')} />
          {error('name')}
        </label>
        <label>
          {t('admin.users.email')}
          <input type="email" value={form.email} onChange={(e) => field('email', e.target.value)} aria-invalid={invalid.has('email')} />
          {error('email')}
        </label>
        <label>
          {t('admin.users.password')}
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => field('password', e.target.value)}
            aria-invalid={invalid.has('password')}
          />
          {error('password')}
        </label>
        <label>
          {t('admin.users.tier')}
          <select value={form.tier} onChange={(e) => field('tier', e.target.value as UserTier)}>
            {USER_TIERS.map((value) => (
              <option key={value} value={value}>
                {t(`admin.tiers.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.users.role')}
          <select value={form.roleId} onChange={(e) => field('roleId', e.target.value)} aria-invalid={invalid.has('roleId')}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {roleLabel(role.name, t)}
              </option>
            ))}
          </select>
          {error('roleId')}
        </label>
        <label>
          {t('admin.users.department')}
          <select value={form.departmentId} onChange={(e) => field('departmentId', e.target.value)}>
            <option value="">{t('admin.users.noDepartment')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <DialogFooter saving={saving} />
      </form>
    </ModalDialog>
  )
}
