/**
 * Refresh tokens are opaque random strings. Only their SHA-256 is stored (user_sessions.refresh_token_hash), so a
 * database leak does not hand out live sessions; a fast hash is enough because the token has 256 bits of entropy.
 */
import { createHash, randomBytes } from 'node:crypto'

export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
