import { describe, expect, it } from 'vitest'
import { signAccessToken, verifyAccessToken } from './access-token'
import { hashPassword, legacyScryptHash, needsRehash, verifyPassword } from './password'
import { generateRefreshToken, hashRefreshToken } from './refresh-token'

const SECRET = 's'.repeat(40)
const CLAIMS = { userId: 'u1', tier: 'MANAGER', deviceId: 'd1', sessionId: 's1' } as const

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const hash = await hashPassword('비밀번호-correct')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(needsRehash(hash)).toBe(false)
    expect(await verifyPassword('비밀번호-correct', hash)).toBe(true)
    expect(await verifyPassword('비밀번호-wrong', hash)).toBe(false)
    expect(await hashPassword('비밀번호-correct')).not.toBe(hash)
  })

  it('still verifies the old scrypt hashes, and marks them for rehashing', async () => {
    const old = await legacyScryptHash('비밀번호-old')
    expect(await verifyPassword('비밀번호-old', old)).toBe(true)
    expect(await verifyPassword('비밀번호-wrong', old)).toBe(false)
    expect(needsRehash(old)).toBe(true)
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$AAAA$AAAA')).toBe(true)
  })

  it('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', '$argon2id$v=19$m=19456,t=2,p=1$broken')).toBe(false)
    expect(await verifyPassword('x', 'plaintext')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA')).toBe(false)
  })
})

describe('access tokens', () => {
  it('round-trips its claims', async () => {
    expect(await verifyAccessToken(await signAccessToken(CLAIMS, SECRET, 60_000), SECRET)).toEqual(CLAIMS)
  })

  it('refuses another secret, a tampered payload, alg none and an expired token', async () => {
    const token = await signAccessToken(CLAIMS, SECRET, 60_000)
    expect(await verifyAccessToken(token, 't'.repeat(40))).toBeNull()
    const [header, , signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', tier: 'EXECUTIVE', did: 'd1', sid: 's1', iat: 0, exp: 9e9 })).toString('base64url')
    expect(await verifyAccessToken(`${header}.${forged}.${signature}`, SECRET)).toBeNull()
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    expect(await verifyAccessToken(`${none}.${token.split('.')[1]}.`, SECRET)).toBeNull()
    expect(await verifyAccessToken(token, SECRET, Date.now() + 61_000)).toBeNull()
    expect(await verifyAccessToken('not-a-token', SECRET)).toBeNull()
  })
})

describe('refresh tokens', () => {
  it('are 256-bit random and stored as SHA-256 hex', () => {
    const token = generateRefreshToken()
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(generateRefreshToken()).not.toBe(token)
  })
})
