/** Pieces every administration dialog repeats: the department and user option lists, and the error + save footer. */
import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminDepartment, type AdminUser } from '../../../../shared/ipc/admin-types'
import { useAdminStore } from './admin-store'
import { DialogError } from './DialogError'

/** Departments in tree order, indented by depth (a select cannot nest). */
export function DepartmentOptions({ departments }: { readonly departments: readonly AdminDepartment[] }): JSX.Element {
  return (
    <>
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {'\u00a0'.repeat(d.depth * 2)}
          {d.name}
        </option>
      ))}
    </>
  )
}

/** Active users only: nobody appoints a deactivated account as a manager or lead. */
export function ActiveUserOptions({ users }: { readonly users: readonly AdminUser[] }): JSX.Element {
  return (
    <>
      {users
        .filter((u) => u.isActive)
        .map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
    </>
  )
}

/** The dialog's error and its cancel / save buttons. */
export function DialogFooter({ saving = false }: { readonly saving?: boolean }): JSX.Element {
  const { t } = useTranslation()
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  return (
    <>
      <div className="wide">
        <DialogError />
      </div>
      <div className="form-actions wide">
        <button type="button" className="button button--ghost" onClick={() => dialogOpened(null)}>
          {t('admin.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('admin.save')}
        </button>
      </div>
    </>
  )
}
