/**
 * Password hashing with Node's scrypt (memory-hard, no native dependency).
 * The hash string carries its own parameters — `scrypt$N$r$p$salt$hash` (base64url) — so the cost can be raised
 * later without invalidating stored hashes: verification always uses the parameters the hash was made with.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 64
const SALT_BYTES = 16
/** N=2^15, r=8: ~32 MiB and tens of ms per hash — slow for an attacker, fine for a login. */
const DEFAULT_PARAMS = { N: 32_768, r: 8, p: 1 } as const

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** Node refuses parameters whose memory use exceeds maxmem (default 32 MiB): allow what we choose, with headroom. */
const maxmemFor = (N: number, r: number): number => 128 * N * r * 2

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const { N, r, p } = DEFAULT_PARAMS
  const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r, p, maxmem: maxmemFor(N, r) })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 1 << 20 || r > 32 || p > 16) return false
  const salt = Buffer.from(parts[4]!, 'base64url')
  const expected = Buffer.from(parts[5]!, 'base64url')
  if (expected.length === 0) return false
  const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: maxmemFor(N, r) })
  return timingSafeEqual(actual, expected)
}

/**
 * A hash of a random password, verified against when the email is unknown, so "no such user" costs the same
 * time as "wrong password" and response timing does not reveal which emails exist.
 */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'))
  return dummyHash
}
