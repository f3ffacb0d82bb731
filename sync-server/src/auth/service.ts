/**
 * Sign-in, refresh, sign-out and password change: the rules, independent of HTTP (routes.ts only parses and answers).
 * The controls and the tests that prove them are listed in docs/security.md.
 */
import type { Pool } from 'pg'
import type { ServerConfig } from '../config'
import { badRequest, deviceWiped, forbidden, HttpError, tooManyRequests, unauthenticated, unavailable } from '../http/errors'
import { assertSchemaVersion } from '../http/schema-version'
import { withTransaction } from '../postgres/transaction'
import { signAccessToken } from './access-token'
import { bindDevice } from './devices'
import type { LoginThrottle } from './login-throttle'
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password'
import { graceApplies, sealToken, unsealToken } from './refresh-grace'
import { generateRefreshToken, hashRefreshToken } from './refresh-token'
import {
  findSessionByIdForUpdate,
  findSessionByTokenHashForUpdate,
  insertSession,
  isDeviceWiped,
  markGraceUsed,
  markSessionRotated,
  revokeDeviceSessions,
  revokeFamily,
  revokeFamilyOfSession,
  revokeUserSessions,
} from './sessions'
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
  /** Signed in with a one-time password: only POST /v1/auth/password is answered until a new one is chosen. */
  readonly passwordChangeRequired: boolean
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

export interface ChangePasswordInput {
  readonly userId: string
  readonly sessionId: string
  readonly currentPassword: string
  readonly newPassword: string
}

export interface AuthService {
  login(input: LoginInput, client: ClientInfo): Promise<LoginResult>
  refresh(refreshToken: string, client: ClientInfo, deviceId?: string): Promise<TokenPair>
  /** Revokes the session family an access token came from. */
  logoutSession(sessionId: string): Promise<void>
  /** Revokes the family of a refresh token (logout when the access token has already expired). */
  logoutRefreshToken(refreshToken: string): Promise<void>
  /** The signed-in user's own change; ends their sessions on every other device. */
  changePassword(input: ChangePasswordInput, client: ClientInfo): Promise<void>
}

export interface AuthServiceDeps {
  readonly pool: Pool
  readonly throttle: LoginThrottle
  readonly config: Pick<ServerConfig, 'authSecret' | 'accessTokenTtlMs' | 'refreshTokenTtlMs' | 'refreshTokenMaxAgeMs' | 'refreshGraceMs' | 'schemaVersions'>
  /** Called once per password hash evaluated (the metric crm_auth_password_checks_total; tests count it). */
  readonly onPasswordCheck?: (outcome: 'match' | 'mismatch') => void
}

const BAD_CREDENTIALS = 'Email or password is incorrect'
const TOO_MANY = 'Too many sign-in attempts for this account; try again later'

export function createAuthService({ pool, throttle, config, onPasswordCheck }: AuthServiceDeps): AuthService {
  const accessToken = (user: Pick<LoginUser, 'id' | 'tier'>, deviceId: string, sessionId: string): Promise<string> =>
    signAccessToken({ userId: user.id, tier: user.tier, deviceId, sessionId }, config.authSecret, config.accessTokenTtlMs)
  const expiresIn = Math.floor(config.accessTokenTtlMs / 1000)

  /**
   * The throttle must answer before any password is checked. It falls back to the instance's memory while Redis is
   * down (login-throttle.ts, fail-open); should it still fail, sign-in fails closed (503).
   */
  const throttled = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op()
    } catch (error) {
      if (error instanceof HttpError) throw error
      throw unavailable('Login is temporarily unavailable (rate limiter unreachable)')
    }
  }

  /**
   * One password check under the throttle: reserved (counted) first, hashed only if the budget allows, given back on
   * success. Unknown e-mails are checked against a dummy hash, so they cost the same time and the same budget.
   */
  const checkPassword = async (email: string, password: string, ip: string, user: LoginUser | null): Promise<boolean> => {
    const reservation = await throttled(() => throttle.reserve(email, ip))
    if (!reservation.reserved) throw tooManyRequests(TOO_MANY, Math.ceil(reservation.retryAfterMs / 1000))
    let ok = false
    try {
      ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()))
      ok = ok && user !== null && user.passwordHash !== null
      onPasswordCheck?.(ok ? 'match' : 'mismatch')
    } finally {
      // A lost release only leaves the attempt counted: never turn a finished check into an error.
      await throttle.release(email, ip, ok ? 'success' : 'failure').catch(() => undefined)
    }
    // The failure that spent the budget already says so: the next attempt would be refused anyway.
    if (!ok && reservation.budgetLeft <= 0) throw tooManyRequests(TOO_MANY, Math.ceil(reservation.retryAfterMs / 1000))
    return ok
  }

  /** Old scrypt hashes (or weaker argon2 parameters) become today's argon2id the moment the password is known. */
  const rehashIfNeeded = async (user: LoginUser, password: string): Promise<void> => {
    if (!user.passwordHash || !needsRehash(user.passwordHash)) return
    const fresh = await hashPassword(password)
    await pool.query(`UPDATE user_credentials SET password_hash = $2, updated_at = now() WHERE user_id = $1 AND password_hash = $3`, [
      user.id,
      fresh,
      user.passwordHash,
    ])
  }

  return {
    async login({ email, password, deviceId, schemaVersion }, client) {
      if (schemaVersion !== undefined) assertSchemaVersion(schemaVersion, config)
      // A wiped laptop is told so even before the password: it must erase its copy whoever is typing.
      if (await isDeviceWiped(pool, deviceId)) throw deviceWiped()
      const user = await findLoginUserByEmail(pool, email)
      if (!(await checkPassword(email, password, client.ip, user)) || !user) throw unauthenticated(BAD_CREDENTIALS)
      // Only after the password proved who is asking do we say the account is disabled.
      if (!user.isActive) throw forbidden('This account is deactivated')
      await rehashIfNeeded(user, password)
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
        // One live sign-in per device: signing in again ends the device's older sessions.
        await revokeDeviceSessions(tx, deviceId)
        // Not propagated through the change log on purpose: a login is not an edit devices need to pull.
        await tx.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [user.id])
        return insertSession(tx, {
          userId: user.id,
          deviceId,
          refreshTokenHash: hashRefreshToken(refreshToken),
          ttlMs: config.refreshTokenTtlMs,
          maxAgeMs: config.refreshTokenMaxAgeMs,
          ip: client.ip,
          userAgent: client.userAgent,
        })
      })
      return {
        accessToken: await accessToken(user, deviceId, session.id),
        refreshToken,
        expiresIn,
        user: toPublicUser(user),
        schemaVersions: config.schemaVersions,
        passwordChangeRequired: user.mustChangePassword,
      }
    },

    async refresh(presented, client, presentedDeviceId) {
      const next = generateRefreshToken()
      // The outcome is decided inside the transaction but reuse must *commit* the revocation, so failures are
      // returned as values and thrown after COMMIT.
      type Outcome = { user: LoginUser; deviceId: string; sessionId: string; refreshToken: string }
      const outcome = await withTransaction(pool, async (tx): Promise<HttpError | Outcome> => {
        const session = await findSessionByTokenHashForUpdate(tx, hashRefreshToken(presented))
        if (!session) return unauthenticated('Refresh token is invalid or revoked')
        if (await isDeviceWiped(tx, session.deviceId)) return deviceWiped()
        if (session.revoked) return unauthenticated('Refresh token is invalid or revoked')
        if (session.rotated) {
          // A crash after our rotation: the same device may present the previous token once, shortly after.
          if (graceApplies(session, presentedDeviceId, config.refreshGraceMs)) {
            const successor = await findSessionByIdForUpdate(tx, session.successorId!)
            const token = unsealToken(session.successorSealed!, config.authSecret)
            if (successor && token && !successor.rotated && !successor.revoked && !successor.expired) {
              const user = await findLoginUserById(tx, session.userId)
              if (user?.isActive) {
                await markGraceUsed(tx, session.id)
                return { user, deviceId: session.deviceId, sessionId: successor.id, refreshToken: token }
              }
            }
          }
          await revokeFamily(tx, session.familyId)
          return unauthenticated('Refresh token was already used; the session has been revoked — sign in again')
        }
        if (session.expired) return unauthenticated('Refresh token has expired; sign in again')
        const user = await findLoginUserById(tx, session.userId)
        if (!user || !user.isActive) {
          await revokeFamily(tx, session.familyId)
          return forbidden('This account is deactivated')
        }
        const created = await insertSession(tx, {
          userId: user.id,
          deviceId: session.deviceId,
          familyId: session.familyId,
          familyExpiresAt: session.familyExpiresAt,
          maxAgeMs: config.refreshTokenMaxAgeMs,
          refreshTokenHash: hashRefreshToken(next),
          ttlMs: config.refreshTokenTtlMs,
          ip: client.ip,
          userAgent: client.userAgent,
        })
        // Only a rotation asked for by the device itself (naming its own id) can be replayed in the grace window: a
        // thief who rotates first with a stolen token (and no device id) leaves nothing to replay, so the device's
        // next refresh is plain reuse and ends the sign-in.
        const sealed = presentedDeviceId === session.deviceId ? sealToken(next, config.authSecret) : null
        await markSessionRotated(tx, session, { id: created.id, sealed })
        return { user, deviceId: session.deviceId, sessionId: created.id, refreshToken: next }
      })
      if (outcome instanceof HttpError) throw outcome
      return { accessToken: await accessToken(outcome.user, outcome.deviceId, outcome.sessionId), refreshToken: outcome.refreshToken, expiresIn }
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

    async changePassword({ userId, sessionId, currentPassword, newPassword }, client) {
      const user = await findLoginUserById(pool, userId)
      if (!user || !user.isActive) throw unauthenticated('Session has ended; sign in again')
      // The current password is a guessable secret too: it goes through the same budgets as sign-in.
      if (!(await checkPassword(user.email, currentPassword, client.ip, user))) throw forbidden('The current password is incorrect')
      if (currentPassword === newPassword) throw badRequest('The new password must differ from the current one', { reason: 'same_password' })
      const hash = await hashPassword(newPassword)
      await withTransaction(pool, async (tx) => {
        await tx.query(
          `UPDATE user_credentials SET password_hash = $2, must_change_password = false, password_changed_at = now(), updated_at = now() WHERE user_id = $1`,
          [userId, hash],
        )
        // Whoever else knew the old password is signed out everywhere; this device stays signed in.
        await revokeUserSessions(tx, userId, sessionId)
      })
    },
  }
}
