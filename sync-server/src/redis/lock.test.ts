import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRedisPrefix, TEST_REDIS_URL, type TestRedisPrefix } from '../../test/support'
import { tryAcquireLock, withLock } from './lock'

let prefix: TestRedisPrefix
let a: Redis
let b: Redis

beforeAll(() => {
  prefix = createTestRedisPrefix()
  a = new Redis(TEST_REDIS_URL)
  b = new Redis(TEST_REDIS_URL)
})

afterAll(async () => {
  await prefix.cleanup()
  a.disconnect()
  b.disconnect()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('withLock', () => {
  it('runs a job on one instance at a time; the other skips', async () => {
    let release: (() => void) | undefined
    const running = withLock(a, 'archive', 5_000, () => new Promise<string>((resolve) => (release = () => resolve('done'))), { prefix: prefix.prefix })
    // Wait until the first job really runs (it holds the lock then): a fixed sleep raced the acquire on a loaded machine.
    for (let i = 0; i < 500 && !release; i++) await sleep(10)
    expect(release).toBeDefined()
    expect(await withLock(b, 'archive', 5_000, async () => 'second', { prefix: prefix.prefix })).toEqual({ acquired: false })
    release!()
    expect(await running).toEqual({ acquired: true, value: 'done' })
    // Released: the next round can run.
    expect(await withLock(b, 'archive', 5_000, async () => 'next', { prefix: prefix.prefix })).toEqual({ acquired: true, value: 'next' })
  })

  it('renews the lease while the job runs longer than the TTL', async () => {
    const result = await withLock(
      a,
      'long-job',
      300,
      async ({ signal }) => {
        await sleep(900)
        expect(await b.exists(`${prefix.prefix}lock:long-job`)).toBe(1)
        return signal.aborted
      },
      { prefix: prefix.prefix },
    )
    expect(result).toEqual({ acquired: true, value: false })
    expect(await b.exists(`${prefix.prefix}lock:long-job`)).toBe(0)
  })

  it('releases even when the job throws', async () => {
    await expect(withLock(a, 'failing', 5_000, async () => Promise.reject(new Error('boom')), { prefix: prefix.prefix })).rejects.toThrow('boom')
    expect(await b.exists(`${prefix.prefix}lock:failing`)).toBe(0)
  })

  it('never releases or renews a lock it no longer holds', async () => {
    const key = `${prefix.prefix}lock:stolen`
    const mine = await tryAcquireLock(a, key, 100)
    expect(mine).not.toBeNull()
    await sleep(150) // expired …
    const theirs = await tryAcquireLock(b, key, 5_000) // … and taken by another instance
    expect(theirs).not.toBeNull()
    expect(await mine!.renew(5_000)).toBe(false)
    expect(await mine!.release()).toBe(false)
    expect(await b.get(key)).toBe(theirs!.token)
  })
})
