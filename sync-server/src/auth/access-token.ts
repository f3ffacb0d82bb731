/**
 * Short-lived access tokens: JWTs (HS256) signed and verified with `jose`. Verification pins the algorithm to HS256
 * (no `alg: none`, no key confusion), and requires the issuer, audience and expiry.
 *
 * The tier in the token is informational only: every request reads the user's tier, role and active flag from the
 * database (sessions.ts `loadLiveSession`), so a demotion takes effect at once, not when the token expires.
 */
import { webcrypto } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import { USER_TIERS, type UserTier } from './user-tier'

export interface AccessClaims {
  readonly userId: string
  readonly tier: UserTier
  readonly deviceId: string
  /** The user_sessions row the token was issued with; revoking it (logout, reuse) ends the access token too. */
  readonly sessionId: string
}

const ISSUER = 'crm-augu-sync'
const AUDIENCE = 'crm-augu-device'

const payloadSchema = z.object({ sub: z.string(), tier: z.enum(USER_TIERS), did: z.string(), sid: z.string() })

/**
 * The HMAC key of each secret, imported once: handing jose the secret's bytes made it import a key on every request
 * (74 µs verify with the key kept, 142–320 µs with the bytes, measured at load 2–3; every request is verified). A
 * server has one secret; a process running several servers (the tests) keeps a few.
 */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>()
const MAX_KEYS = 16
function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    key.catch(() => keys.delete(secret))
    keys.set(secret, key)
  }
  return key
}

export async function signAccessToken(claims: AccessClaims, secret: string, ttlMs: number, nowMs = Date.now()): Promise<string> {
  const iat = Math.floor(nowMs / 1000)
  return new SignJWT({ tier: claims.tier, did: claims.deviceId, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.ceil(ttlMs / 1000))
    .sign(await keyOf(secret))
}

/** The claims of a well-formed, correctly signed, unexpired token; null for anything else (callers answer 401). */
export async function verifyAccessToken(token: string, secret: string, nowMs = Date.now()): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(nowMs),
      clockTolerance: 0,
      requiredClaims: ['exp', 'iat', 'sub'],
    })
    const parsed = payloadSchema.safeParse(payload)
    if (!parsed.success) return null
    const { sub, tier, did, sid } = parsed.data
    return { userId: sub, tier, deviceId: did, sessionId: sid }
  } catch {
    return null
  }
}
