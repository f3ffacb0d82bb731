/** Users, roles and the organisation (seed §1 and §8). All reference data: every signed-in user receives it. */
import { sql } from 'drizzle-orm'
import { index, pgTable, text, uniqueIndex, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { TEAM_MEMBER_ROLES, USER_TIERS } from '../../../src/shared/model/enums'
import { enumChecks, enumText, flag, live, now, ordered, syncColumns, timestamptz } from './columns'

export const roles = pgTable(
  'roles',
  {
    ...syncColumns(),
    name: varchar('name', { length: 50 }).notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('roles_name_key').on(t.name).where(live(t.deletedAt))],
)

export const permissions = pgTable(
  'permissions',
  {
    ...syncColumns(),
    resource: varchar('resource', { length: 50 }).notNull(),
    action: varchar('action', { length: 50 }).notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('permissions_resource_action_key').on(t.resource, t.action).where(live(t.deletedAt))],
)

/** The seed's composite key becomes a unique pair, so the row has an id like every synced row. */
export const rolePermissions = pgTable(
  'role_permissions',
  {
    ...syncColumns(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
    permissionId: uuid('permission_id')
      .notNull()
      .references(() => permissions.id),
  },
  (t) => [
    uniqueIndex('role_permissions_role_id_permission_id_key').on(t.roleId, t.permissionId).where(live(t.deletedAt)),
    index('role_permissions_permission_id_idx').on(t.permissionId),
  ],
)

export const departments = pgTable(
  'departments',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('departments_code_key'),
    name: varchar('name', { length: 100 }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => departments.id),
    // The one back-reference of SYNCED_TABLES: users also point at their department.
    managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
    description: text('description'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [index('departments_parent_id_idx').on(t.parentId)],
)

/** The user directory. Password hashes live in user_credentials (server-only), so this table can sync. */
export const users = pgTable(
  'users',
  {
    ...syncColumns(),
    email: varchar('email', { length: 255 }).notNull(),
    /** Given name (이름). */
    firstName: varchar('first_name', { length: 100 }).notNull(),
    /** Family name (성); Korean display is last_name + first_name without a space (홍길동). */
    lastName: varchar('last_name', { length: 100 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    departmentId: uuid('department_id').references(() => departments.id),
    /** 직급 (rank), e.g. 부장. */
    position: varchar('position', { length: 100 }),
    /** 직책 (role in the organisation), e.g. 팀장. New: the seed had only one of the two. */
    title: varchar('title', { length: 100 }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
    userTier: enumText('user_tier', USER_TIERS, 20).notNull().default('OPERATOR'),
    isActive: flag('is_active').notNull().default(true),
    lastLoginAt: timestamptz('last_login_at'),
  },
  (t) => [
    ...enumChecks('users', t),
    // Sign-in compares e-mails case-insensitively; a deleted user's address may be reused.
    uniqueIndex('users_email_key')
      .on(sql`lower(${t.email})`)
      .where(live(t.deletedAt)),
    index('users_department_id_idx').on(t.departmentId),
    index('users_role_id_idx').on(t.roleId),
  ],
)

export const teams = pgTable(
  'teams',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('teams_code_key'),
    name: varchar('name', { length: 100 }).notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    teamLeadId: uuid('team_lead_id').references(() => users.id),
    description: text('description'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [index('teams_department_id_idx').on(t.departmentId), index('teams_team_lead_id_idx').on(t.teamLeadId)],
)

/** Who is in which team: the MANAGER scope is built from this table. */
export const teamMembers = pgTable(
  'team_members',
  {
    ...syncColumns(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: enumText('role', TEAM_MEMBER_ROLES, 20).notNull().default('MEMBER'),
    joinedAt: timestamptz('joined_at').notNull().default(now),
    leftAt: timestamptz('left_at'),
  },
  (t) => [
    ...enumChecks('team_members', t),
    ordered('team_members_left_after_joined_check', t.joinedAt, t.leftAt),
    uniqueIndex('team_members_team_id_user_id_key').on(t.teamId, t.userId).where(live(t.deletedAt)),
    index('team_members_user_id_idx').on(t.userId),
  ],
)
