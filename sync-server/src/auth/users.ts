/**
 * The user rows authentication needs. Password hashes live in user_credentials (never in the synced users table),
 * and are read here only, never returned by the API.
 */
import type { Queryable } from '../postgres/transaction'
import { isUserTier, type UserTier } from './user-tier'

/** What the API says about the signed-in user (login response). Never secrets. */
export interface PublicUser {
  readonly id: string
  readonly email: string
  readonly tier: UserTier
  readonly firstName: string
  readonly lastName: string
  readonly departmentId: string | null
  readonly roleId: string | null
}

export interface LoginUser extends PublicUser {
  readonly isActive: boolean
  /** null when the user has no credentials row (cannot log in with a password). */
  readonly passwordHash: string | null
  /** Reset by an administrator to a one-time password: a new one must be chosen before anything else. */
  readonly mustChangePassword: boolean
}

interface UserRow {
  id: string
  email: string
  first_name: string
  last_name: string
  user_tier: string
  department_id: string | null
  role_id: string | null
  is_active: boolean | null
  deleted_at: unknown
  password_hash: string | null
  must_change_password: boolean | null
}

const USER_COLUMNS = `u.id, u.email, u.first_name, u.last_name, u.user_tier, u.department_id, u.role_id, u.is_active, u.deleted_at`

function toLoginUser(row: UserRow): LoginUser {
  // An unknown tier would be a data error; treat it as the least privileged tier rather than fail the login.
  const tier = isUserTier(row.user_tier) ? row.user_tier : 'OPERATOR'
  return {
    id: row.id,
    email: row.email,
    tier,
    firstName: row.first_name,
    lastName: row.last_name,
    departmentId: row.department_id,
    roleId: row.role_id,
    // A soft-deleted user is as inactive as a deactivated one.
    isActive: row.is_active !== false && row.deleted_at === null,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === true,
  }
}

export function toPublicUser(user: LoginUser): PublicUser {
  const { id, email, tier, firstName, lastName, departmentId, roleId } = user
  return { id, email, tier, firstName, lastName, departmentId, roleId }
}

/** Emails compare case-insensitively: people type them both ways. */
export async function findLoginUserByEmail(db: Queryable, email: string): Promise<LoginUser | null> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS}, c.password_hash, c.must_change_password
       FROM users u LEFT JOIN user_credentials c ON c.user_id = u.id
      WHERE lower(u.email) = lower($1)
      ORDER BY u.deleted_at NULLS FIRST
      LIMIT 1`,
    [email.trim()],
  )
  return rows[0] ? toLoginUser(rows[0]) : null
}

export async function findLoginUserById(db: Queryable, userId: string): Promise<LoginUser | null> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS}, c.password_hash, c.must_change_password
       FROM users u LEFT JOIN user_credentials c ON c.user_id = u.id
      WHERE u.id = $1`,
    [userId],
  )
  return rows[0] ? toLoginUser(rows[0]) : null
}
