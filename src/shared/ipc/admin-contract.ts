/** Contract entries of the administration channels (spread into `ipcContract`). */
import { z } from 'zod'
import {
  auditQuerySchema,
  recordHistoryQuerySchema,
  departmentSaveSchema,
  membershipSetSchema,
  permissionSetSchema,
  roleSaveSchema,
  teamSaveSchema,
  userCreateSchema,
  userSaveSchema,
} from '../model/validation/admin'
import { campaignSaveSchema, industrySaveSchema } from '../model/validation/catalogues'
import { type AdminChannel } from './admin-channels'
import {
  type AdminCampaign,
  type AdminIndustry,
  type AdminDepartment,
  type AdminRole,
  type AdminTeam,
  type AdminUser,
  type AdminUserDevice,
  type AuditPage,
} from './admin-types'
import { returns } from './returns'

export interface CreatedUser {
  readonly id: string
  readonly name: string
  readonly email: string
}

export const adminContract = {
  'admin.users': { input: z.undefined(), output: returns<readonly AdminUser[]>() },
  /** Tier, role, department, active flag and teams (joins and leaves) in one local transaction; synced like any edit. */
  'admin.saveUser': { input: userSaveSchema, output: returns<AdminUser>() },
  /** Online only (`admin.onlineRequired` otherwise): the server creates the account; the device receives it by sync. */
  'admin.createUser': { input: userCreateSchema, output: returns<CreatedUser>() },
  'admin.roles': { input: z.undefined(), output: returns<readonly AdminRole[]>() },
  'admin.saveRole': { input: roleSaveSchema, output: returns<readonly AdminRole[]>() },
  /** One cell of the permission matrix (role × resource × action). */
  'admin.setPermission': { input: permissionSetSchema, output: returns<readonly AdminRole[]>() },
  /** In tree order, each with its depth. */
  'admin.departments': { input: z.undefined(), output: returns<readonly AdminDepartment[]>() },
  'admin.saveDepartment': { input: departmentSaveSchema, output: returns<readonly AdminDepartment[]>() },
  'admin.teams': { input: z.undefined(), output: returns<readonly AdminTeam[]>() },
  'admin.saveTeam': { input: teamSaveSchema, output: returns<readonly AdminTeam[]>() },
  'admin.setMembership': { input: membershipSetSchema, output: returns<readonly AdminTeam[]>() },
  /** Online only: the server's audit log, newest first. */
  'admin.audit': { input: auditQuerySchema, output: returns<AuditPage>() },
  'admin.recordHistory': { input: recordHistoryQuerySchema, output: returns<AuditPage>() },
  'admin.userDevices': { input: z.strictObject({ userId: z.uuid() }), output: returns<readonly AdminUserDevice[]>() },
  /** With `wipe`, the device erases its copy on its next contact: its unsent edits are lost (the dialog says so). */
  'admin.revokeDevice': { input: z.strictObject({ userId: z.uuid(), deviceId: z.uuid(), wipe: z.boolean() }), output: returns<readonly AdminUserDevice[]>() },
  /** The one-time password, shown once; the user must choose a new one at their next sign-in. */
  'admin.resetPassword': { input: z.strictObject({ userId: z.uuid() }), output: returns<{ readonly oneTimePassword: string }>() },
  /** Active first (planned, active), then finished ones; each with its lead and opportunity counts. */
  'admin.campaigns': { input: z.undefined(), output: returns<readonly AdminCampaign[]>() },
  /** Create or edit; ending a campaign is a status (COMPLETED, CANCELLED), deleting goes through the trash. */
  'admin.saveCampaign': { input: campaignSaveSchema, output: returns<readonly AdminCampaign[]>() },
  /** In tree order, each with its depth and company count. */
  'admin.industries': { input: z.undefined(), output: returns<readonly AdminIndustry[]>() },
  'admin.saveIndustry': { input: industrySaveSchema, output: returns<readonly AdminIndustry[]>() },
} as const satisfies { readonly [K in AdminChannel]: { readonly input: z.ZodType; readonly output: object } }
