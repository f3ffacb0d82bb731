/**
 * The refresh grace window (issue 13): the server rotates a refresh token, the device crashes before saving the new
 * one, and on restart presents the previous token. Without grace that is reuse and the user is signed out.
 *
 * So the rotated row keeps its successor's refresh token sealed (AES-256-GCM, key derived from AUTH_SECRET), and the
 * previous token is accepted ONCE, within REFRESH_GRACE (default 60 s) of the rotation, from the same device id,
 * only when the rotation itself was asked for with that device id (a thief's rotation without it leaves nothing to
 * replay), while the successor is still unused — answered with the same successor token (no new branch of the family).
 * Anything else is still reuse and revokes the family: a second replay, a replay after the window, a replay naming
 * another device or none, or a replay after the successor was itself used.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { StoredSession } from './sessions'

const keyFor = (secret: string): Buffer => createHash('sha256').update(`crm-augu refresh-grace\n${secret}`).digest()

export function sealToken(token: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv)
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

export function unsealToken(sealed: string, secret: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

/** Whether a rotated row may be replayed now (the successor's own state is checked by the caller). */
export function graceApplies(session: StoredSession, presentedDeviceId: string | undefined, graceMs: number): boolean {
  return (
    session.rotated &&
    !session.revoked &&
    !session.graceUsed &&
    session.successorId !== null &&
    session.successorSealed !== null &&
    session.rotatedAgoMs !== null &&
    session.rotatedAgoMs <= graceMs &&
    presentedDeviceId !== undefined &&
    presentedDeviceId === session.deviceId
  )
}
