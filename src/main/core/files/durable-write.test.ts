import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { FileTokenStore, type StoredTokens } from '../sync/tokens'
import { createTempDir, type TempDir } from '../../../../test/support/device/fixtures'
import { observeDurableWriteSteps, writeFileDurably, type DurableWriteStep } from './durable-write'

const tokens = (n: number): StoredTokens => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}-${'x'.repeat(200)}`,
  userId: 'u-1',
  serverUrl: 'https://sync.augu.kr',
})

describe('durable token writes (a crash right after a refresh-token rotation)', () => {
  let dir: TempDir
  afterEach(() => {
    observeDurableWriteSteps(null)
    dir.remove()
  })

  it('a crash before the rename keeps the old tokens; after it, the new ones — never an empty or torn file', async () => {
    dir = createTempDir()
    const file = dir.file('tokens.json')
    const store = new FileTokenStore(file)
    await store.save(tokens(1))
    const seen: DurableWriteStep[] = []
    for (const crashAt of ['written', 'synced', 'renamed'] as const) {
      observeDurableWriteSteps((step) => {
        seen.push(step)
        if (step === crashAt) throw new Error(`crash at ${step}`)
      })
      await expect(store.save(tokens(2))).rejects.toThrow(`crash at ${crashAt}`)
      observeDurableWriteSteps(null)
      const loaded = await new FileTokenStore(file).load()
      expect(loaded).toEqual(crashAt === 'renamed' ? tokens(2) : tokens(1))
      if (crashAt !== 'renamed') await store.save(tokens(1))
    }
    // The bytes are fsynced before the name points at them.
    expect(seen).toEqual(['written', 'written', 'synced', 'written', 'synced', 'renamed'])
    // No temporary file is left behind by a failed write.
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('a process SIGKILLed while rotating tokens leaves a whole token file every time', async () => {
    dir = createTempDir()
    const file = dir.file('tokens.json')
    writeFileSync(file, JSON.stringify(tokens(0)))
    // The child rotates as fast as it can; we kill it at varying moments and read what is on disk.
    const child = `
      const { writeFileDurably } = await import(${JSON.stringify(new URL('./durable-write.ts', import.meta.url).pathname)})
      let n = 1
      process.stdout.write('ready\\n')
      for (;;) {
        const tokens = { accessToken: 'access-' + n, refreshToken: 'refresh-' + n + '-' + 'x'.repeat(200), userId: 'u-1', serverUrl: 'https://sync.augu.kr' }
        await writeFileDurably(${JSON.stringify(file)}, JSON.stringify(tokens))
        n += 1
      }`
    let lastSeen = 0
    for (let round = 0; round < 4; round += 1) {
      const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve, reject) => {
        proc.stdout.once('data', () => resolve())
        proc.once('exit', (code) => reject(new Error(`the rotating child exited early (${code})`)))
      })
      await new Promise((resolve) => setTimeout(resolve, 30 + round * 37))
      proc.kill('SIGKILL')
      await new Promise((resolve) => proc.once('exit', resolve))
      const text = readFileSync(file, 'utf8')
      const parsed = JSON.parse(text) as StoredTokens
      expect(parsed.refreshToken).toMatch(/^refresh-\d+-x{200}$/)
      lastSeen = Number(parsed.accessToken.slice('access-'.length))
    }
    expect(lastSeen).toBeGreaterThan(0)
    const store = new FileTokenStore(file)
    expect(await store.load()).not.toBeNull()
  }, 60_000)

  it('creates the file owner-only', async () => {
    dir = createTempDir()
    const file = dir.file('secret.bin')
    await writeFileDurably(file, new Uint8Array([1, 2, 3]))
    expect(readFileSync(file)).toEqual(Buffer.from([1, 2, 3]))
  })
})
