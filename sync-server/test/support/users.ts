/** Users and tokens for tests: create a user straight in the database, log in over HTTP. */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { PublicUser } from '../../src/auth/users'
import type { UserTier } from '../../src/auth/user-tier'
import { createUser as createUserInDb, type CreatedUser } from '../../src/users/create-user'

export interface TestUserInput {
  /** Default: a unique address. */
  readonly email?: string
  /** Default: `password-1234`. */
  readonly password?: string
  /** Full name, family name first (default 홍길동). */
  readonly name?: string
  readonly tier?: UserTier
}

export interface TestUser extends CreatedUser {
  readonly password: string
}

export const DEFAULT_TEST_PASSWORD = 'password-1234'

/** Creates a user (users + user_credentials) in the database at `databaseUrl`, or through an existing pool. */
export async function createUser(db: string | pg.Pool, input: TestUserInput = {}): Promise<TestUser> {
  const pool = typeof db === 'string' ? new pg.Pool({ connectionString: db, max: 1 }) : db
  const password = input.password ?? DEFAULT_TEST_PASSWORD
  try {
    const created = await createUserInDb(pool, {
      email: input.email ?? `user-${randomUUID().slice(0, 8)}@example.test`,
      password,
      name: input.name ?? '홍길동',
      tier: input.tier ?? 'OPERATOR',
    })
    return { ...created, password }
  } finally {
    if (typeof db === 'string') await pool.end()
  }
}

export interface LoginResponse {
  readonly accessToken: string
  readonly refreshToken: string
  readonly expiresIn: number
  readonly user: PublicUser
  readonly schemaVersions: { readonly min: number; readonly max: number }
}

export interface TestSession extends LoginResponse {
  readonly deviceId: string
  /** `{ authorization: 'Bearer …' }` for fetch. */
  readonly headers: Record<string, string>
}

/** POST /v1/auth/login; throws with the response body unless 200. `deviceId` defaults to a fresh UUID. */
export async function login(
  baseUrl: string,
  { email, password, deviceId = randomUUID() }: { email: string; password: string; deviceId?: string },
): Promise<TestSession> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceId }),
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${text}`)
  const body = JSON.parse(text) as LoginResponse
  return { ...body, deviceId, headers: { authorization: `Bearer ${body.accessToken}` } }
}

/** createUser + login in one step, for tests that only need "a signed-in device of tier X". */
export async function createSignedInUser(
  baseUrl: string,
  db: string | pg.Pool,
  input: TestUserInput = {},
): Promise<TestSession & { readonly account: TestUser }> {
  const account = await createUser(db, input)
  const session = await login(baseUrl, { email: account.email, password: account.password })
  return { ...session, account }
}
