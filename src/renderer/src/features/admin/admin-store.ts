/**
 * The administration screen: the directory read from the replica (users, roles with their grants, departments, teams),
 * the audit log page read from the server, which tab and dialog are open, and the last refusal to show.
 */
import { create } from 'zustand'
import {
  type AdminCampaign,
  type AdminDepartment,
  type AdminIndustry,
  type AdminRole,
  type AdminTeam,
  type AdminUser,
  type AuditEntry,
} from '../../../../shared/ipc/admin-types'
import { type IpcError } from '../../../../shared/ipc/errors'
import {
  type AuditQueryInput,
  type DepartmentSaveInput,
  type MembershipSetInput,
  type PermissionSetInput,
  type RoleSaveInput,
  type TeamSaveInput,
  type UserCreateInput,
  type UserSaveInput,
} from '../../../../shared/model/validation/admin'
import { type CampaignSaveInput, type IndustrySaveInput } from '../../../../shared/model/validation/catalogues'
import { api, toIpcError } from '../../lib/api'

export type AdminTab = 'users' | 'roles' | 'departments' | 'teams' | 'campaigns' | 'industries' | 'audit'

export type AdminDialog =
  | { readonly kind: 'user'; readonly user: AdminUser }
  | { readonly kind: 'createUser' }
  | { readonly kind: 'devices'; readonly user: AdminUser }
  | { readonly kind: 'department'; readonly department: AdminDepartment | null }
  | { readonly kind: 'team'; readonly team: AdminTeam | null }
  | { readonly kind: 'campaign'; readonly campaign: AdminCampaign | null }
  | { readonly kind: 'industry'; readonly industry: AdminIndustry | null }

interface AdminState {
  readonly tab: AdminTab
  readonly users: readonly AdminUser[]
  readonly roles: readonly AdminRole[]
  readonly departments: readonly AdminDepartment[]
  readonly teams: readonly AdminTeam[]
  readonly campaigns: readonly AdminCampaign[]
  readonly industries: readonly AdminIndustry[]
  readonly loaded: boolean
  readonly matrixRoleId: string | null
  readonly dialog: AdminDialog | null
  readonly audit: { readonly entries: readonly AuditEntry[]; readonly nextBefore: string | null; readonly loading: boolean; readonly error: IpcError | null }
  readonly error: IpcError | null
  readonly notice: string | null
}

interface AdminActions {
  screenOpened(): Promise<void>
  /** A change arrived (lib/live.ts): users, roles, departments and teams again; open dialogs stay. */
  reload(): Promise<void>
  tabChosen(tab: AdminTab): void
  dialogOpened(dialog: AdminDialog | null): void
  matrixRoleChosen(roleId: string): void
  userSaved(input: UserSaveInput): Promise<boolean>
  userCreated(input: UserCreateInput): Promise<string | null>
  roleSaved(input: RoleSaveInput): Promise<boolean>
  permissionToggled(input: PermissionSetInput): Promise<boolean>
  departmentSaved(input: DepartmentSaveInput): Promise<boolean>
  teamSaved(input: TeamSaveInput): Promise<boolean>
  membershipSet(input: MembershipSetInput): Promise<boolean>
  campaignSaved(input: CampaignSaveInput): Promise<boolean>
  industrySaved(input: IndustrySaveInput): Promise<boolean>
  auditSearched(query: Omit<AuditQueryInput, 'before'>, more?: boolean): Promise<void>
  errorDismissed(): void
}

export type AdminStore = AdminState & AdminActions

export const initialAdminState: AdminState = {
  tab: 'users',
  users: [],
  roles: [],
  departments: [],
  teams: [],
  campaigns: [],
  industries: [],
  loaded: false,
  matrixRoleId: null,
  dialog: null,
  audit: { entries: [], nextBefore: null, loading: false, error: null },
  error: null,
  notice: null,
}

/** What the administration screens read (lib/live.ts reloads them when one of these changes). */
export const ADMIN_READS = [
  'users',
  'roles',
  'permissions',
  'role_permissions',
  'departments',
  'teams',
  'team_members',
  'campaigns',
  'industries',
  // The campaign and industry lists count the records that name them.
  'leads',
  'opportunities',
  'companies',
] as const

export const useAdminStore = create<AdminStore>()((set, get) => {
  /** Runs a call; a refusal is shown and leaves everything as it was. */
  const guard = async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn()
      return true
    } catch (error) {
      set({ error: toIpcError(error) })
      return false
    }
  }
  const reloadAll = async (): Promise<void> => {
    const [users, roles, departments, teams, campaigns, industries] = await Promise.all([
      api.admin.users(),
      api.admin.roles(),
      api.admin.departments(),
      api.admin.teams(),
      api.admin.campaigns(),
      api.admin.industries(),
    ])
    const matrixRoleId = get().matrixRoleId
    set({
      users,
      roles,
      departments,
      teams,
      campaigns,
      industries,
      loaded: true,
      matrixRoleId: matrixRoleId && roles.some((r) => r.id === matrixRoleId) ? matrixRoleId : (roles[0]?.id ?? null),
    })
  }
  /** Writes change users, teams and departments together (a lead joins the team, a move changes two teams). */
  const written = async (fn: () => Promise<unknown>): Promise<boolean> =>
    guard(async () => {
      await fn()
      await reloadAll()
      set({ dialog: null, error: null })
    })

  return {
    ...initialAdminState,
    screenOpened: async () => {
      await guard(reloadAll)
    },
    reload: async () => {
      await guard(reloadAll)
    },
    tabChosen: (tab) => set({ tab, error: null, notice: null }),
    dialogOpened: (dialog) => set({ dialog, error: null }),
    matrixRoleChosen: (matrixRoleId) => set({ matrixRoleId }),
    userSaved: (input) => written(() => api.admin.saveUser(input)),
    userCreated: async (input) => {
      let name: string | null = null
      const ok = await written(async () => {
        name = (await api.admin.createUser(input)).name
      })
      if (ok) set({ notice: name })
      return ok ? name : null
    },
    roleSaved: (input) => written(() => api.admin.saveRole(input)),
    permissionToggled: (input) =>
      guard(async () => {
        const roles = await api.admin.setPermission(input)
        set({ roles, error: null })
      }),
    departmentSaved: (input) => written(() => api.admin.saveDepartment(input)),
    teamSaved: (input) => written(() => api.admin.saveTeam(input)),
    membershipSet: (input) => written(() => api.admin.setMembership(input)),
    campaignSaved: (input) => written(() => api.admin.saveCampaign(input)),
    industrySaved: (input) => written(() => api.admin.saveIndustry(input)),
    auditSearched: async (query, more = false) => {
      const previous = get().audit
      const before = more ? previous.nextBefore : null
      if (more && before === null) return
      set({ audit: { ...previous, loading: true, error: null } })
      try {
        const page = await api.admin.audit({ ...query, ...(before ? { before } : {}) })
        set({ audit: { entries: more ? [...previous.entries, ...page.entries] : page.entries, nextBefore: page.nextBefore, loading: false, error: null } })
      } catch (error) {
        set({ audit: { ...(more ? previous : { entries: [], nextBefore: null }), loading: false, error: toIpcError(error) } })
      }
    },
    errorDismissed: () => set({ error: null, notice: null }),
  }
})
