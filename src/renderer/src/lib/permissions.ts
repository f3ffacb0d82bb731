/**
 * What the current user may write, so screens hide or disable edits the server would refuse (it remains the referee).
 * Loaded from main (`session.permissions`) whenever the session or the synced directory may have changed.
 */
import { useEffect } from 'react'
import { create } from 'zustand'
import { allowedOwners, assignerOf } from '../../../shared/domain/assignment'
import { type MyPermissions } from '../../../shared/ipc/contract'
import { type PermissionAction } from '../../../shared/model/permission-rules'
import { type SyncedTable } from '../../../shared/model/tables'
import { api } from './api'

interface PermissionsState {
  readonly permissions: MyPermissions
  loaded(permissions: MyPermissions): void
}

const NONE: MyPermissions = { source: 'none', tables: {} }

export const usePermissionsStore = create<PermissionsState>()((set) => ({
  permissions: NONE,
  loaded: (permissions) => set({ permissions }),
}))

export function can(permissions: MyPermissions, table: SyncedTable, action: PermissionAction): boolean {
  return permissions.tables[table]?.includes(action) ?? false
}

/** `useCan('products', 'update')`: false until permissions are loaded, so edit controls never flash up. */
export function useCan(table: SyncedTable, action: PermissionAction): boolean {
  return usePermissionsStore((s) => can(s.permissions, table, action))
}

/**
 * The owner rule for a picker: `mayAssign(column, candidate)` is true when the server would accept `candidate` (null:
 * no one) in that owner column of `before` (null: a new record; `draft` holds the form's other values). Everyone is
 * offered until the directory knows the user, as the server stays the referee.
 */
export function useOwnerRule(
  table: SyncedTable,
  before: Readonly<Record<string, unknown>> | null,
): (column: string, candidate: string | null, draft?: Readonly<Record<string, unknown>>) => boolean {
  const facts = usePermissionsStore((s) => s.permissions.assigner)
  return (column, candidate, draft = {}) => !facts || allowedOwners(assignerOf(facts), table, column, before, draft, [candidate]).length > 0
}

/** Reloads the permissions whenever `key` changes (the shell passes the user id and the last sync time). */
export function usePermissionsRefresh(key: string): void {
  const loaded = usePermissionsStore((s) => s.loaded)
  useEffect(() => {
    let current = true
    api.session
      .permissions()
      .then((permissions) => {
        if (current) loaded(permissions)
      })
      .catch(() => {
        if (current) loaded(NONE)
      })
    return () => {
      current = false
    }
  }, [key, loaded])
}
