/**
 * Password hashing: argon2id (OWASP's first choice; `@node-rs/argon2`, prebuilt, no node-gyp) at
 * m = 19 MiB, t = 2, p = 1 — the OWASP Password Storage Cheat Sheet's baseline. The PHC string carries its own
 * parameters, so raising them later only needs `needsRehash` to see the difference.
 *
 * Hashes made before argon2id (`scrypt$N$r$p$salt$hash`, N = 2^15) still verify; sign-in rehashes them
 * transparently (service.ts) so every active account moves to argon2id on its next sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2'

/** OWASP baseline for argon2id (the library's default algorithm; `needsRehash` checks the PHC prefix says so). */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Passwords are compared after NFKC normalisation: the same Korean text typed on two keyboards is one password. */
const normalise = (password: string): string => password.normalize('NFKC')

export async function hashPassword(password: string): Promise<string> {
  return argonHash(normalise(password), ARGON2_PARAMS)
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await argonVerify(stored, normalise(password))
    } catch {
      return false // a malformed stored hash is "no match", never a 500
    }
  }
  return verifyLegacyScrypt(password, stored)
}

/** True when the stored hash is not argon2id at today's parameters: sign-in replaces it. */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored)
  if (!match) return true
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number]
  return m < ARGON2_PARAMS.memoryCost || t < ARGON2_PARAMS.timeCost || p !== ARGON2_PARAMS.parallelism
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normalise(password), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** The pre-argon2 format, verify only. */
async function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 1 << 20 || r > 32 || p > 16) return false
  const salt = Buffer.from(parts[4]!, 'base64url')
  const expected = Buffer.from(parts[5]!, 'base64url')
  if (expected.length === 0) return false
  const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: 128 * N * r * 2 })
  return timingSafeEqual(actual, expected)
}

/** For tests of the rehash path: a hash in the old scrypt format. */
export async function legacyScryptHash(password: string): Promise<string> {
  const salt = randomBytes(16)
  const N = 32_768
  const key = await scryptAsync(password, salt, 64, { N, r: 8, p: 1, maxmem: 128 * N * 8 * 2 })
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
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
