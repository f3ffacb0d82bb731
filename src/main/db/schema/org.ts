/**
 * Users, roles and the organisation (seed §1 and §8). All reference data: every signed-in user receives it.
 * Device twin of sync-server/db/schema/org.ts; uniqueness and foreign keys are enforced there, not here (see open.ts).
 */
import { index, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { TEAM_MEMBER_ROLES, USER_TIERS } from '../../../shared/model/enums'
import { enumText, flag, id, now, syncColumns, timestamptz } from './columns'

export const roles = sqliteTable('roles', {
  ...syncColumns(),
  name: text('name').notNull(),
  description: text('description'),
})

export const permissions = sqliteTable('permissions', {
  ...syncColumns(),
  resource: text('resource').notNull(),
  action: text('action').notNull(),
  description: text('description'),
})

export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    ...syncColumns(),
    roleId: id('role_id')
      .notNull()
      .references(() => roles.id),
    permissionId: id('permission_id')
      .notNull()
      .references(() => permissions.id),
  },
  (t) => [index('role_permissions_role_id_idx').on(t.roleId)],
)

export const departments = sqliteTable('departments', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  parentId: id('parent_id').references((): AnySQLiteColumn => departments.id),
  managerId: id('manager_id').references((): AnySQLiteColumn => users.id),
  description: text('description'),
  isActive: flag('is_active').notNull().default(true),
})

export const users = sqliteTable(
  'users',
  {
    ...syncColumns(),
    email: text('email').notNull(),
    /** Given name (이름). */
    firstName: text('first_name').notNull(),
    /** Family name (성); Korean display is last_name + first_name without a space (홍길동). */
    lastName: text('last_name').notNull(),
    phone: text('phone'),
    departmentId: id('department_id').references(() => departments.id),
    /** 직급 (rank). */
    position: text('position'),
    /** 직책 (role in the organisation). */
    title: text('title'),
    roleId: id('role_id')
      .notNull()
      .references(() => roles.id),
    userTier: enumText('user_tier', USER_TIERS).notNull().default('OPERATOR'),
    isActive: flag('is_active').notNull().default(true),
    lastLoginAt: timestamptz('last_login_at'),
  },
  (t) => [index('users_department_id_idx').on(t.departmentId)],
)

export const teams = sqliteTable('teams', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  departmentId: id('department_id').references(() => departments.id),
  teamLeadId: id('team_lead_id').references(() => users.id),
  description: text('description'),
  isActive: flag('is_active').notNull().default(true),
})

export const teamMembers = sqliteTable(
  'team_members',
  {
    ...syncColumns(),
    teamId: id('team_id')
      .notNull()
      .references(() => teams.id),
    userId: id('user_id')
      .notNull()
      .references(() => users.id),
    role: enumText('role', TEAM_MEMBER_ROLES).notNull().default('MEMBER'),
    joinedAt: timestamptz('joined_at').notNull().default(now),
    leftAt: timestamptz('left_at'),
  },
  (t) => [index('team_members_team_id_idx').on(t.teamId), index('team_members_user_id_idx').on(t.userId)],
)
