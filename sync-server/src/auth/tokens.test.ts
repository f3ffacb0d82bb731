import { describe, expect, it } from 'vitest'
import { signAccessToken, verifyAccessToken } from './access-token'
import { hashPassword, verifyPassword } from './password'
import { generateRefreshToken, hashRefreshToken } from './refresh-token'

const SECRET = 's'.repeat(40)
const CLAIMS = { userId: 'u1', tier: 'MANAGER', deviceId: 'd1', sessionId: 's1' } as const

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const hash = await hashPassword('비밀번호-correct')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await verifyPassword('비밀번호-correct', hash)).toBe(true)
    expect(await verifyPassword('비밀번호-wrong', hash)).toBe(false)
    expect(await hashPassword('비밀번호-correct')).not.toBe(hash)
  })

  it('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA')).toBe(false)
  })
})

describe('access tokens', () => {
  it('round-trips its claims', () => {
    expect(verifyAccessToken(signAccessToken(CLAIMS, SECRET, 60_000), SECRET)).toEqual(CLAIMS)
  })

  it('refuses another secret, a tampered payload and an expired token', () => {
    const token = signAccessToken(CLAIMS, SECRET, 60_000)
    expect(verifyAccessToken(token, 't'.repeat(40))).toBeNull()
    const [header, , signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', tier: 'EXECUTIVE', did: 'd1', sid: 's1', iat: 0, exp: 9e9 })).toString('base64url')
    expect(verifyAccessToken(`${header}.${forged}.${signature}`, SECRET)).toBeNull()
    expect(verifyAccessToken(token, SECRET, Date.now() + 61_000)).toBeNull()
    expect(verifyAccessToken('not-a-token', SECRET)).toBeNull()
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
