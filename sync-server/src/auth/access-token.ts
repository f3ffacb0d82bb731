/**
 * Short-lived access tokens: compact JWS (HS256) — `base64url(header).base64url(claims).base64url(hmac)`.
 * Standard shape so any JWT tool can read one while debugging; we sign and verify ourselves (one algorithm,
 * no `alg: none` or key confusion) rather than pulling in a JWT library.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { USER_TIERS, type UserTier } from './user-tier'

export interface AccessClaims {
  readonly userId: string
  readonly tier: UserTier
  readonly deviceId: string
  /** The user_sessions row the token was issued with; revoking it (logout, reuse) ends the access token too. */
  readonly sessionId: string
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

const payloadSchema = z.object({
  sub: z.string(),
  tier: z.enum(USER_TIERS),
  did: z.string(),
  sid: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
})

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest()
}

export function signAccessToken(claims: AccessClaims, secret: string, ttlMs: number, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000)
  const payload = { sub: claims.userId, tier: claims.tier, did: claims.deviceId, sid: claims.sessionId, iat, exp: iat + Math.ceil(ttlMs / 1000) }
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
  return `${body}.${sign(body, secret).toString('base64url')}`
}

/** The claims of a well-formed, correctly signed, unexpired token; null for anything else (callers answer 401). */
export function verifyAccessToken(token: string, secret: string, nowMs = Date.now()): AccessClaims | null {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== HEADER) return null
  const given = Buffer.from(parts[2]!, 'base64url')
  const expected = sign(`${parts[0]}.${parts[1]}`, secret)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = payloadSchema.safeParse(json)
  if (!parsed.success || parsed.data.exp * 1000 <= nowMs) return null
  const { sub, tier, did, sid } = parsed.data
  return { userId: sub, tier, deviceId: did, sessionId: sid }
}
