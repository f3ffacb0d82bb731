/**
 * Login, refresh and logout: the rules, independent of HTTP (routes.ts only parses and answers).
 */
import type { Pool } from 'pg'
import type { ServerConfig } from '../config'
import { forbidden, HttpError, tooManyRequests, unauthenticated, unavailable } from '../http/errors'
import { assertSchemaVersion } from '../http/schema-version'
import { withTransaction } from '../postgres/transaction'
import { signAccessToken } from './access-token'
import { bindDevice } from './devices'
import { assertDeviceNotWiped, deviceWiped, deviceWipedError } from './device-wipe'
import type { LoginThrottle } from './login-throttle'
import { dummyPasswordHash, verifyPassword } from './password'
import { generateRefreshToken, hashRefreshToken } from './refresh-token'
import { findSessionByTokenHashForUpdate, insertSession, markSessionRotated, revokeFamily, revokeFamilyOfSession } from './sessions'
import { findLoginUserByEmail, findLoginUserById, toPublicUser, type LoginUser, type PublicUser } from './users'

export interface TokenPair {
  readonly accessToken: string
  readonly refreshToken: string
  /** Seconds until the access token expires, so a client can refresh ahead of time. */
  readonly expiresIn: number
}

export interface LoginResult extends TokenPair {
  readonly user: PublicUser
  readonly schemaVersions: { readonly min: number; readonly max: number }
}

export interface ClientInfo {
  readonly ip: string
  readonly userAgent: string | null
}

export interface LoginInput {
  readonly email: string
  readonly password: string
  readonly deviceId: string
  /** Optional: when sent, checked against the supported range (409) and recorded on the device. */
  readonly schemaVersion?: number | undefined
}

export interface AuthService {
  login(input: LoginInput, client: ClientInfo): Promise<LoginResult>
  refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair>
  /** Revokes the session family an access token came from. */
  logoutSession(sessionId: string): Promise<void>
  /** Revokes the family of a refresh token (logout when the access token has already expired). */
  logoutRefreshToken(refreshToken: string): Promise<void>
}

export interface AuthServiceDeps {
  readonly pool: Pool
  readonly throttle: LoginThrottle
  readonly config: Pick<ServerConfig, 'authSecret' | 'accessTokenTtlMs' | 'refreshTokenTtlMs' | 'schemaVersions'>
}

const BAD_CREDENTIALS = 'Email or password is incorrect'

export function createAuthService({ pool, throttle, config }: AuthServiceDeps): AuthService {
  const accessToken = (user: Pick<LoginUser, 'id' | 'tier'>, deviceId: string, sessionId: string): string =>
    signAccessToken({ userId: user.id, tier: user.tier, deviceId, sessionId }, config.authSecret, config.accessTokenTtlMs)

  /**
   * Throttle state is needed before the password is checked. The throttle itself falls back to the instance's memory
   * while Redis is down (login-throttle.ts, fail-open); should it still fail, login fails closed (503).
   */
  const throttled = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op()
    } catch (error) {
      if (error instanceof HttpError) throw error
      throw unavailable('Login is temporarily unavailable (rate limiter unreachable)')
    }
  }

  return {
    async login({ email, password, deviceId, schemaVersion }, client) {
      if (schemaVersion !== undefined) assertSchemaVersion(schemaVersion, config)
      // Before the password: whoever holds a laptop revoked with wipe gets its copy erased, whatever they type.
      await assertDeviceNotWiped(pool, deviceId)
      const state = await throttled(() => throttle.check(email, client.ip))
      if (state.blocked) throw tooManyRequests('Too many failed logins; try again later', Math.ceil(state.retryAfterMs / 1000))

      const user = await findLoginUserByEmail(pool, email)
      // Verify against a dummy hash for unknown users so timing does not reveal which emails exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()))
      if (!user || !user.passwordHash || !ok) {
        const after = await throttled(() => throttle.recordFailure(email, client.ip))
        if (after.blocked) throw tooManyRequests('Too many failed logins; try again later', Math.ceil(after.retryAfterMs / 1000))
        throw unauthenticated(BAD_CREDENTIALS)
      }
      // Only after the password proved who is asking do we say the account is disabled.
      if (!user.isActive) throw forbidden('This account is deactivated')
      await throttled(() => throttle.reset(email, client.ip))

      const refreshToken = generateRefreshToken()
      const session = await withTransaction(pool, async (tx) => {
        const bound = await bindDevice(tx, {
          deviceId,
          userId: user.id,
          schemaVersion,
          // Until the device says otherwise (its first push or pull does), assume the oldest version we accept.
          defaultSchemaVersion: config.schemaVersions.min,
        })
        if (bound === 'other_user') throw forbidden('This device is registered to another user; sign in with a new device id')
        if (bound === 'revoked') throw forbidden('This device has been revoked')
        // Not propagated through the change log on purpose: a login is not an edit devices need to pull.
        await tx.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [user.id])
        return insertSession(tx, {
          userId: user.id,
          deviceId,
          refreshTokenHash: hashRefreshToken(refreshToken),
          ttlMs: config.refreshTokenTtlMs,
          ip: client.ip,
          userAgent: client.userAgent,
        })
      })
      return {
        accessToken: accessToken(user, deviceId, session.id),
        refreshToken,
        expiresIn: Math.floor(config.accessTokenTtlMs / 1000),
        user: toPublicUser(user),
        schemaVersions: config.schemaVersions,
      }
    },

    async refresh(presented, client) {
      const next = generateRefreshToken()
      // The outcome is decided inside the transaction but reuse must *commit* the revocation, so failures are
      // returned as values and thrown after COMMIT.
      const outcome = await withTransaction(pool, async (tx): Promise<HttpError | { user: LoginUser; deviceId: string; sessionId: string }> => {
        const session = await findSessionByTokenHashForUpdate(tx, hashRefreshToken(presented))
        if (session && (await deviceWiped(tx, session.deviceId))) return deviceWipedError()
        if (!session || session.revoked) return unauthenticated('Refresh token is invalid or revoked')
        if (session.rotated) {
          await revokeFamily(tx, session.familyId)
          return unauthenticated('Refresh token was already used; the session has been revoked — sign in again')
        }
        if (session.expired) return unauthenticated('Refresh token has expired; sign in again')
        const user = await findLoginUserById(tx, session.userId)
        if (!user || !user.isActive) {
          await revokeFamily(tx, session.familyId)
          return forbidden('This account is deactivated')
        }
        await markSessionRotated(tx, session.id)
        const created = await insertSession(tx, {
          userId: user.id,
          deviceId: session.deviceId,
          familyId: session.familyId,
          refreshTokenHash: hashRefreshToken(next),
          ttlMs: config.refreshTokenTtlMs,
          ip: client.ip,
          userAgent: client.userAgent,
        })
        return { user, deviceId: session.deviceId, sessionId: created.id }
      })
      if (outcome instanceof HttpError) throw outcome
      return {
        accessToken: accessToken(outcome.user, outcome.deviceId, outcome.sessionId),
        refreshToken: next,
        expiresIn: Math.floor(config.accessTokenTtlMs / 1000),
      }
    },

    async logoutSession(sessionId) {
      await revokeFamilyOfSession(pool, sessionId)
    },

    async logoutRefreshToken(presented) {
      await withTransaction(pool, async (tx) => {
        const session = await findSessionByTokenHashForUpdate(tx, hashRefreshToken(presented))
        if (!session) throw unauthenticated('Refresh token is invalid')
        await revokeFamily(tx, session.familyId)
      })
    },
  }
}
