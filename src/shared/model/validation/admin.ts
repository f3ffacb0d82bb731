/**
 * Input schemas of the administration channels (사용자, 역할·권한, 부서, 팀, 감사 로그). Validated in main before a
 * handler runs; the admin repository re-checks what needs the replica (a department cycle, a role in use).
 */
import { z } from 'zod'
import { PERMISSION_ACTIONS } from '../permissions'
import { TEAM_MEMBER_ROLES, USER_TIERS } from '../enums'
import { idSchema } from './common'
import { SYNCED_TABLES } from '../tables'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))
const requiredText = (max: number) => z.string().trim().min(1).max(max)
const optionalId = idSchema.nullish().transform((value) => value ?? null)

/** A user's place in the organisation; name and email are the person's own (changed on the server, not here). */
export const userSaveSchema = z.strictObject({
  id: idSchema,
  tier: z.enum(USER_TIERS).optional(),
  roleId: idSchema.optional(),
  departmentId: optionalId.optional(),
  isActive: z.boolean().optional(),
  /** The user's teams after the save: teams left get left_at, teams joined a new membership (one transaction). */
  teamIds: z.array(idSchema).max(50).optional(),
})
export type UserSaveInput = z.input<typeof userSaveSchema>

/** A new account: the password is hashed on the server and never stored on a device. */
export const userCreateSchema = z.strictObject({
  email: z.email().max(255),
  password: z.string().min(8).max(1024),
  name: requiredText(200),
  tier: z.enum(USER_TIERS),
  roleId: idSchema,
  departmentId: optionalId,
})
export type UserCreateInput = z.input<typeof userCreateSchema>

export const roleSaveSchema = z.strictObject({
  /** Absent: a new role. */
  id: idSchema.optional(),
  name: requiredText(50),
  description: optionalText(500),
  /** Delete the role (refused while a user still holds it). */
  deleted: z.boolean().optional(),
})
export type RoleSaveInput = z.input<typeof roleSaveSchema>

export const permissionSetSchema = z.strictObject({
  roleId: idSchema,
  resource: requiredText(50),
  action: z.enum(PERMISSION_ACTIONS),
  granted: z.boolean(),
})
export type PermissionSetInput = z.input<typeof permissionSetSchema>

export const departmentSaveSchema = z.strictObject({
  id: idSchema.optional(),
  code: requiredText(20),
  name: requiredText(100),
  parentId: optionalId,
  managerId: optionalId,
  description: optionalText(500),
  isActive: z.boolean().default(true),
})
export type DepartmentSaveInput = z.input<typeof departmentSaveSchema>

export const teamSaveSchema = z.strictObject({
  id: idSchema.optional(),
  code: requiredText(20),
  name: requiredText(100),
  departmentId: optionalId,
  leadId: optionalId,
  description: optionalText(500),
  isActive: z.boolean().default(true),
})
export type TeamSaveInput = z.input<typeof teamSaveSchema>

/** Join (member true) or leave (member false) a team; leaving sets left_at, history is kept. */
export const membershipSetSchema = z.strictObject({
  teamId: idSchema,
  userId: idSchema,
  member: z.boolean(),
  role: z.enum(TEAM_MEMBER_ROLES).default('MEMBER'),
})
export type MembershipSetInput = z.input<typeof membershipSetSchema>

export const auditQuerySchema = z.strictObject({
  table: z.string().trim().min(1).max(64).optional(),
  rowId: idSchema.optional(),
  userId: idSchema.optional(),
  /** Cursor: `nextBefore` of the previous page (entries are newest first; one push shares one timestamp). */
  before: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type AuditQueryInput = z.input<typeof auditQuerySchema>

/** One record's history (`admin.recordHistory`): any user who can see the record may read it, online. */
export const recordHistoryQuerySchema = z.strictObject({
  table: z.enum(SYNCED_TABLES),
  rowId: idSchema,
  before: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
