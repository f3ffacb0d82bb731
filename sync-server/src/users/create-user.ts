/**
 * Creating a user from the server side (CLI `create-user`, tests): the users row and its credentials in one
 * transaction, so there is never a user without a password or a password without a user.
 */
import type { Pool } from 'pg'
import { z } from 'zod'
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import { hashPassword } from '../auth/password'
import { USER_TIERS, type UserTier } from '../auth/user-tier'
import { withTransaction, type Queryable } from '../postgres/transaction'
import { splitKoreanName } from '../../../src/shared/domain/korean-name'

export const newUserSchema = z.object({
  email: z
    .email()
    .max(255)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(8, 'must be at least 8 characters').max(1024),
  name: z.string().trim().min(1).max(200),
  tier: z.enum(USER_TIERS),
  /** roles.name; users.role_id is required. Default: a role named after the tier, created if missing. */
  role: z.string().trim().min(1).max(50).optional(),
})
export type NewUser = z.input<typeof newUserSchema>

export interface CreatedUser {
  readonly id: string
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly tier: UserTier
  readonly roleId: string
  /** True when the role did not exist and was created for this user. */
  readonly roleCreated: boolean
}

export class DuplicateEmailError extends Error {
  override readonly name = 'DuplicateEmailError'
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null
  return e?.code === '23505' && e.constraint === constraint
}

/** The first administrator is created before any role exists: make the role rather than refuse. */
async function findOrCreateRole(tx: Queryable, name: string): Promise<{ roleId: string; roleCreated: boolean }> {
  // ON CONFLICT: two users created at once may both need the role; the second waits and then finds it.
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO roles (id, name, description) VALUES ($1, $2, $3)
     ON CONFLICT (name) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [uuidv7(), name, 'Created by sync-server create-user'],
  )
  if (inserted.rows[0]) return { roleId: inserted.rows[0].id, roleCreated: true }
  const existing = await tx.query<{ id: string }>(`SELECT id FROM roles WHERE name = $1 AND deleted_at IS NULL`, [name])
  return { roleId: existing.rows[0]!.id, roleCreated: false }
}

export async function createUser(pool: Pool, input: NewUser): Promise<CreatedUser> {
  const { email, password, name, tier, role = tier } = newUserSchema.parse(input)
  const { lastName: familyName, firstName: givenName } = splitKoreanName(name)
  const passwordHash = await hashPassword(password)
  const id = uuidv7()
  return withTransaction(pool, async (tx): Promise<CreatedUser> => {
    const existing = await tx.query(`SELECT 1 FROM users WHERE lower(email) = $1 AND deleted_at IS NULL`, [email])
    if (existing.rowCount) throw new DuplicateEmailError(`A user with email ${email} already exists`)
    const { roleId, roleCreated } = await findOrCreateRole(tx, role)
    await tx.query(`INSERT INTO users (id, email, first_name, last_name, role_id, user_tier, is_active) VALUES ($1, $2, $3, $4, $5, $6, true)`, [
      id,
      email,
      givenName,
      familyName,
      roleId,
      tier,
    ])
    await tx.query(`INSERT INTO user_credentials (user_id, password_hash) VALUES ($1, $2)`, [id, passwordHash])
    // users and roles are reference data every device holds: log the new rows so devices that have already
    // synced receive them on their next pull (a first pull's snapshot would find them anyway).
    await tx.query(
      `INSERT INTO change_log (table_name, row_id) SELECT t, r FROM unnest($1::text[], $2::uuid[]) AS x(t, r)`,
      roleCreated
        ? [
            ['roles', 'users'],
            [roleId, id],
          ]
        : [['users'], [id]],
    )
    return { id, email, firstName: givenName, lastName: familyName, tier, roleId, roleCreated }
  }).catch((error: unknown) => {
    // Two concurrent creates of one address: the unique index decides, and the loser gets the same clear error.
    if (isUniqueViolation(error, 'users_email_key')) throw new DuplicateEmailError(`A user with email ${email} already exists`)
    throw error
  })
}
