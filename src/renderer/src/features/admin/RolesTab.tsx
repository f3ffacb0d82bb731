import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PERMISSION_ACTIONS, PERMISSION_RESOURCES } from '../../../../shared/model/permissions'
import { useAdminStore } from './admin-store'
import { roleLabel } from './role-label'
import { useCan } from '../../lib/permissions'

/** Roles on the left, the chosen role's matrix on the right: resources as rows, actions as columns. */
export function RolesTab({ canEdit }: { readonly canEdit: boolean }): JSX.Element {
  // Deleting a role is its own grant (settings × DELETE), apart from editing the matrix.
  const canDelete = useCan('roles', 'delete')
  const { t } = useTranslation()
  const roles = useAdminStore((s) => s.roles)
  const chosenId = useAdminStore((s) => s.matrixRoleId)
  const matrixRoleChosen = useAdminStore((s) => s.matrixRoleChosen)
  const roleSaved = useAdminStore((s) => s.roleSaved)
  const permissionToggled = useAdminStore((s) => s.permissionToggled)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const role = roles.find((r) => r.id === chosenId) ?? null
  const [editing, setEditing] = useState<{ readonly name: string; readonly description: string } | null>(null)
  const granted = new Set(role?.grants ?? [])

  const addRole = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!name.trim()) return
    if (await roleSaved({ name, description })) {
      setName('')
      setDescription('')
    }
  }

  return (
    <div className="admin-roles">
      <nav className="admin-roles__list card" aria-label={t('admin.roles.title')}>
        {roles.map((r) => (
          <button
            key={r.id}
            type="button"
            className="admin-roles__item"
            aria-current={r.id === chosenId ? 'true' : undefined}
            onClick={() => {
              matrixRoleChosen(r.id)
              setEditing(null)
            }}
          >
            {roleLabel(r.name, t)} <span className="muted">· {t('admin.roles.users', { count: r.userCount })}</span>
          </button>
        ))}
        {canEdit && (
          <form className="admin-roles__new" onSubmit={(e) => void addRole(e)}>
            <input
              aria-label={t('admin.roles.name')}
              placeholder={t('admin.roles.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={50}
            />
            <input
              aria-label={t('admin.roles.description')}
              placeholder={t('admin.roles.description')}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={500}
            />
            <button type="submit" className="button button--small" disabled={!name.trim()}>
              {t('admin.roles.add')}
            </button>
          </form>
        )}
      </nav>
      {role && (
        <section className="card" aria-label={t('admin.roles.matrixFor', { role: roleLabel(role.name, t) })}>
          <header className="admin-toolbar">
            <h3>{t('admin.roles.matrixFor', { role: roleLabel(role.name, t) })}</h3>
            {canEdit && !editing && (
              <button type="button" className="button button--small" onClick={() => setEditing({ name: role.name, description: role.description ?? '' })}>
                {t('admin.edit')}
              </button>
            )}
            {canDelete && role.userCount === 0 && (
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => void roleSaved({ id: role.id, name: role.name, deleted: true })}
              >
                {t('admin.roles.delete')}
              </button>
            )}
          </header>
          {editing ? (
            <form
              className="admin-roles__new"
              onSubmit={(e) => {
                e.preventDefault()
                if (!editing.name.trim()) return
                void roleSaved({ id: role.id, name: editing.name, description: editing.description }).then((ok) => ok && setEditing(null))
              }}
            >
              <input
                aria-label={t('admin.roles.name')}
                value={editing.name}
                onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                maxLength={50}
              />
              <input
                aria-label={t('admin.roles.description')}
                value={editing.description}
                onChange={(e) => setEditing({ ...editing, description: e.target.value })}
                maxLength={500}
              />
              <div className="form-actions">
                <button type="button" className="button button--ghost button--small" onClick={() => setEditing(null)}>
                  {t('admin.cancel')}
                </button>
                <button type="submit" className="button button--primary button--small" disabled={!editing.name.trim()}>
                  {t('admin.save')}
                </button>
              </div>
            </form>
          ) : (
            role.description && <p className="muted">{role.description}</p>
          )}
          {role.grants.length === 0 && <p className="muted">{t('admin.roles.noGrantsHint')}</p>}
          <table className="admin-table permission-matrix" data-testid="permission-matrix">
            <thead>
              <tr>
                <th>{t('admin.roles.resource')}</th>
                {PERMISSION_ACTIONS.map((action) => (
                  <th key={action} className="cell">
                    {t(`admin.roles.actions.${action}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PERMISSION_RESOURCES.map(({ resource, actions }) => {
                const label = t(`admin.roles.resources.${resource}` as 'admin.roles.resources.users')
                return (
                  <tr key={resource}>
                    <th scope="row">{label}</th>
                    {PERMISSION_ACTIONS.map((action) => {
                      const key = `${resource}:${action}`
                      const on = granted.has(key) || granted.has(`${resource}:*`)
                      return (
                        <td key={action} className="cell">
                          {actions.includes(action) ? (
                            <input
                              type="checkbox"
                              aria-label={`${label} ${t(`admin.roles.actions.${action}`)}`}
                              checked={on}
                              disabled={!canEdit}
                              onChange={(e) => void permissionToggled({ roleId: role.id, resource, action, granted: e.target.checked })}
                            />
                          ) : (
                            <span className="muted" aria-hidden="true">
                              ·
                            </span>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
