import { describe, expect, it } from 'vitest'
import { MAX_MUTATIONS_PER_PUSH, mutationSchema, pullRequestSchema, pushRequestSchema } from './protocol'

const stamp = '2026-11-25T07:39:39.123Z-0001-9f86d081884c7d65'
const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'

describe('wire protocol', () => {
  it('accepts a create as an upsert of changed fields with SQL names', () => {
    const parsed = mutationSchema.parse({ seq: 1, table: 'companies', id, op: 'upsert', fields: { name: '삼성전자', tags: ['VIP'] }, hlc: stamp })
    expect(parsed.fields).toEqual({ name: '삼성전자', tags: ['VIP'] })
  })

  it('lets a delete carry no fields', () => {
    expect(mutationSchema.parse({ seq: 2, table: 'companies', id, op: 'delete', hlc: stamp }).fields).toEqual({})
  })

  it('refuses upper-case ids, which would come back from PostgreSQL as a different key', () => {
    expect(mutationSchema.safeParse({ seq: 1, table: 'companies', id: id.toUpperCase(), op: 'upsert', fields: {}, hlc: stamp }).success).toBe(false)
  })

  it('refuses names that are not SQL identifiers, unknown keys, bad stamps and non-positive seqs', () => {
    const base = { seq: 1, table: 'companies', id, op: 'upsert', fields: {}, hlc: stamp }
    for (const bad of [
      { ...base, table: 'companies; DROP TABLE users' },
      { ...base, fields: { 'name"': 'x' } },
      { ...base, hlc: '2026-11-25' },
      { ...base, seq: 0 },
      { ...base, extra: true },
      { ...base, op: 'truncate' },
    ])
      expect(mutationSchema.safeParse(bad).success).toBe(false)
  })

  it('caps the mutations of one push', () => {
    const mutation = { seq: 1, table: 'companies', id, op: 'delete', hlc: stamp }
    const tooMany = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) => ({ ...mutation, seq: i + 1 }))
    expect(pushRequestSchema.safeParse({ deviceId: id, schemaVersion: 1, mutations: tooMany }).success).toBe(false)
  })

  it('starts a pull with a null cursor', () => {
    expect(pullRequestSchema.parse({ deviceId: id, schemaVersion: 1, cursor: null }).cursor).toBeNull()
  })
})
