/**
 * An administrator creates an account: the users row and its hashed credential in one transaction, logged in change_log
 * (so every device receives the user on its next pull, like a pushed create) and in audit_logs (who created whom, from
 * which device). The password exists only here, hashed; devices never hold credentials.
 */
import type { Pool } from 'pg'
import { z } from 'zod'
import { splitKoreanName } from '../../../src/shared/domain/korean-name'
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import { USER_TIERS } from '../../../src/shared/model/enums'
import { hashPassword } from '../auth/password'
import { badRequest } from '../http/errors'
import { withTransaction } from '../postgres/transaction'
import { writeAudit, type AuditActor } from '../sync/audit'

export const newAccountSchema = z.strictObject({
  email: z
    .email()
    .max(255)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(8).max(1024),
  name: z.string().trim().min(1).max(200),
  tier: z.enum(USER_TIERS),
  roleId: z.uuid(),
  departmentId: z
    .uuid()
    .nullish()
    .transform((value) => value ?? null),
})
export type NewAccount = z.input<typeof newAccountSchema>

export interface CreatedAccount {
  readonly id: string
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly tier: (typeof USER_TIERS)[number]
  readonly roleId: string
  readonly departmentId: string | null
  readonly isActive: boolean
}

export async function createAccount(pool: Pool, input: NewAccount, actor: AuditActor): Promise<CreatedAccount> {
  const account = newAccountSchema.parse(input)
  const { lastName, firstName } = splitKoreanName(account.name)
  const passwordHash = await hashPassword(account.password)
  const id = uuidv7()
  return withTransaction(pool, async (tx) => {
    const taken = await tx.query(`SELECT 1 FROM users WHERE lower(email) = $1 AND deleted_at IS NULL`, [account.email])
    if (taken.rowCount) throw badRequest('A user with this email already exists', { reason: 'duplicate_email' })
    const role = await tx.query(`SELECT 1 FROM roles WHERE id = $1 AND deleted_at IS NULL`, [account.roleId])
    if (!role.rowCount) throw badRequest('No such role', { reason: 'unknown_role' })
    if (account.departmentId) {
      const department = await tx.query(`SELECT 1 FROM departments WHERE id = $1 AND deleted_at IS NULL`, [account.departmentId])
      if (!department.rowCount) throw badRequest('No such department', { reason: 'unknown_department' })
    }
    await tx.query(
      `INSERT INTO users (id, email, first_name, last_name, role_id, department_id, user_tier, is_active, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $8)`,
      [id, account.email, firstName, lastName, account.roleId, account.departmentId, account.tier, actor.userId],
    )
    await tx.query(`INSERT INTO user_credentials (user_id, password_hash) VALUES ($1, $2)`, [id, passwordHash])
    await tx.query(`INSERT INTO change_log (table_name, row_id) VALUES ('users', $1)`, [id])
    const fields = {
      email: account.email,
      first_name: firstName,
      last_name: lastName,
      role_id: account.roleId,
      department_id: account.departmentId,
      user_tier: account.tier,
      is_active: true,
    }
    await writeAudit(
      tx,
      [{ table: 'users', rowId: id, action: 'CREATE', changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { old: null, new: v }])) }],
      actor,
    )
    return { id, email: account.email, firstName, lastName, tier: account.tier, roleId: account.roleId, departmentId: account.departmentId, isActive: true }
  }).catch((error: unknown) => {
    const e = error as { code?: unknown; constraint?: unknown } | null
    // Two administrators creating one address at once: the unique index decides, the loser gets the same answer.
    if (e?.code === '23505' && e.constraint === 'users_email_key') throw badRequest('A user with this email already exists', { reason: 'duplicate_email' })
    throw error
  })
}
