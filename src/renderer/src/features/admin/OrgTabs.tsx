/** Departments (a tree) and teams (with their members), each with its edit dialog. */
import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminDepartment, type AdminTeam } from '../../../../shared/ipc/admin-types'
import { ModalDialog } from '../../components/ModalDialog'
import { useAdminStore } from './admin-store'
import { ActiveUserOptions, DepartmentOptions, DialogFooter } from './form-parts'

export function DepartmentsTab({ canEdit }: { readonly canEdit: boolean }): JSX.Element {
  const { t } = useTranslation()
  const departments = useAdminStore((s) => s.departments)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  return (
    <section aria-label={t('admin.tabs.departments')}>
      {canEdit && (
        <div className="admin-toolbar">
          <button type="button" className="button button--primary" onClick={() => dialogOpened({ kind: 'department', department: null })}>
            {t('admin.departments.add')}
          </button>
        </div>
      )}
      <ul className="department-tree card" data-testid="department-tree">
        {departments.map((d) => (
          <li key={d.id} style={{ paddingLeft: 8 + d.depth * 20 }} aria-level={d.depth + 1}>
            <span className="department-tree__name">{d.name}</span>
            <span className="muted">
              {d.code} · {t('admin.departments.users', { count: d.userCount })}
              {d.managerName ? ` · ${t('admin.departments.manager')} ${d.managerName}` : ''}
            </span>
            {canEdit && (
              <button
                type="button"
                className="link-button"
                aria-label={`${d.name} ${t('admin.edit')}`}
                onClick={() => dialogOpened({ kind: 'department', department: d })}
              >
                {t('admin.edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The department and everything under it: none of them can become its parent (the repository refuses it too). */
function descendantsOf(departments: readonly AdminDepartment[], id: string): ReadonlySet<string> {
  const out = new Set([id])
  for (let grew = true; grew;) {
    grew = false
    for (const d of departments) {
      if (d.parentId !== null && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id)
        grew = true
      }
    }
  }
  return out
}

export function DepartmentDialog({ department }: { readonly department: AdminDepartment | null }): JSX.Element {
  const { t } = useTranslation()
  const departments = useAdminStore((s) => s.departments)
  const users = useAdminStore((s) => s.users)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const departmentSaved = useAdminStore((s) => s.departmentSaved)
  const [form, setForm] = useState({
    code: department?.code ?? '',
    name: department?.name ?? '',
    parentId: department?.parentId ?? '',
    managerId: department?.managerId ?? '',
    description: department?.description ?? '',
    isActive: department?.isActive ?? true,
  })
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!form.code.trim() || !form.name.trim()) return
    await departmentSaved({ ...(department ? { id: department.id } : {}), ...form, parentId: form.parentId || null, managerId: form.managerId || null })
  }
  return (
    <ModalDialog title={department ? t('admin.departments.editTitle') : t('admin.departments.createTitle')} onClose={() => dialogOpened(null)}>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('admin.departments.code')}
          <input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} maxLength={20} required />
        </label>
        <label>
          {t('admin.departments.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} maxLength={100} required />
        </label>
        <label>
          {t('admin.departments.parent')}
          <select value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
            <option value="">{t('admin.departments.top')}</option>
            {departments
              .filter((d) => !department || !descendantsOf(departments, department.id).has(d.id))
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {'\u00a0'.repeat(d.depth * 2)}
                  {d.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('admin.departments.manager')}
          <select value={form.managerId} onChange={(e) => setForm({ ...form, managerId: e.target.value })}>
            <option value="">{t('admin.departments.noManager')}</option>
            <ActiveUserOptions users={users} />
          </select>
        </label>
        <label className="wide">
          {t('admin.departments.description')}
          <textarea value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} maxLength={500} rows={2} />
        </label>
        <label className="check">
          <input type="checkbox" checked={form.isActive} onChange={(e) => setForm({ ...form, isActive: e.target.checked })} /> {t('admin.departments.isActive')}
        </label>
        <DialogFooter />
      </form>
    </ModalDialog>
  )
}

function TeamCard({ team, canEdit }: { readonly team: AdminTeam; readonly canEdit: boolean }): JSX.Element {
  const { t } = useTranslation()
  const users = useAdminStore((s) => s.users)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const membershipSet = useAdminStore((s) => s.membershipSet)
  const [adding, setAdding] = useState('')
  const memberIds = new Set(team.members.map((m) => m.userId))
  const candidates = users.filter((u) => u.isActive && !memberIds.has(u.id))
  return (
    <section className="team-card card" aria-label={team.name} data-testid="team-card">
      <header>
        <h3>{team.name}</h3>
        <span className="muted">
          {team.departmentName ?? ''} · {t('admin.teams.members', { count: team.members.length })}
        </span>
        {canEdit && (
          <button type="button" className="link-button" aria-label={`${team.name} ${t('admin.edit')}`} onClick={() => dialogOpened({ kind: 'team', team })}>
            {t('admin.edit')}
          </button>
        )}
      </header>
      {team.members.length === 0 ? (
        <p className="muted">{t('admin.teams.empty')}</p>
      ) : (
        <ul>
          {team.members.map((m) => (
            <li key={m.membershipId}>
              <span>{m.name}</span>
              <span className="muted">
                {t(`admin.memberRoles.${m.role}`)} · {t('admin.teams.joined', { date: m.joinedAt.slice(0, 10) })}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${team.name} ${m.name} ${t('admin.teams.leave')}`}
                  onClick={() => void membershipSet({ teamId: team.id, userId: m.userId, member: false })}
                >
                  {t('admin.teams.leave')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="team-card__add">
          <select aria-label={`${team.name} ${t('admin.teams.chooseUser')}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t('admin.teams.chooseUser')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={!adding}
            onClick={() => {
              void membershipSet({ teamId: team.id, userId: adding, member: true })
              setAdding('')
            }}
          >
            {t('admin.teams.addMember')}
          </button>
        </div>
      )}
    </section>
  )
}

export function TeamsTab({ canEdit }: { readonly canEdit: boolean }): JSX.Element {
  const { t } = useTranslation()
  const teams = useAdminStore((s) => s.teams)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  return (
    <section aria-label={t('admin.tabs.teams')}>
      {canEdit && (
        <div className="admin-toolbar">
          <button type="button" className="button button--primary" onClick={() => dialogOpened({ kind: 'team', team: null })}>
            {t('admin.teams.add')}
          </button>
        </div>
      )}
      <div className="team-grid">
        {teams.map((team) => (
          <TeamCard key={team.id} team={team} canEdit={canEdit} />
        ))}
      </div>
    </section>
  )
}

export function TeamDialog({ team }: { readonly team: AdminTeam | null }): JSX.Element {
  const { t } = useTranslation()
  const departments = useAdminStore((s) => s.departments)
  const users = useAdminStore((s) => s.users)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const teamSaved = useAdminStore((s) => s.teamSaved)
  const [form, setForm] = useState({
    code: team?.code ?? '',
    name: team?.name ?? '',
    departmentId: team?.departmentId ?? '',
    leadId: team?.leadId ?? '',
    description: team?.description ?? '',
    isActive: team?.isActive ?? true,
  })
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!form.code.trim() || !form.name.trim()) return
    await teamSaved({ ...(team ? { id: team.id } : {}), ...form, departmentId: form.departmentId || null, leadId: form.leadId || null })
  }
  return (
    <ModalDialog title={team ? t('admin.teams.editTitle') : t('admin.teams.createTitle')} onClose={() => dialogOpened(null)}>
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('admin.teams.code')}
          <input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} maxLength={20} required />
        </label>
        <label>
          {t('admin.teams.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} maxLength={100} required />
        </label>
        <label>
          {t('admin.teams.department')}
          <select value={form.departmentId} onChange={(e) => setForm({ ...form, departmentId: e.target.value })}>
            <option value="">{t('admin.none')}</option>
            <DepartmentOptions departments={departments} />
          </select>
        </label>
        <label>
          {t('admin.teams.lead')}
          <select value={form.leadId} onChange={(e) => setForm({ ...form, leadId: e.target.value })}>
            <option value="">{t('admin.teams.noLead')}</option>
            <ActiveUserOptions users={users} />
          </select>
        </label>
        <label className="wide">
          {t('admin.teams.description')}
          <textarea value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} maxLength={500} rows={2} />
        </label>
        <label className="check">
          <input type="checkbox" checked={form.isActive} onChange={(e) => setForm({ ...form, isActive: e.target.checked })} /> {t('admin.teams.isActive')}
        </label>
        <DialogFooter />
      </form>
    </ModalDialog>
  )
}
