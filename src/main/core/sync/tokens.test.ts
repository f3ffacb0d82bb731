import { statSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createTempDir, type TempDir } from '../../../../test/support/device/fixtures'
import { FileTokenStore } from './tokens'

describe('FileTokenStore', () => {
  let dir: TempDir
  afterEach(() => dir.remove())

  it('saves privately (0600), loads, clears; a missing or corrupt file means signed out', async () => {
    dir = createTempDir()
    const file = dir.file('secrets/tokens.json')
    const store = new FileTokenStore(file)
    expect(await store.load()).toBeNull()
    const tokens = { accessToken: 'a', refreshToken: 'r', userId: 'u', serverUrl: 'http://x' }
    await store.save(tokens)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await new FileTokenStore(file).load()).toEqual(tokens)
    writeFileSync(file, '{not json')
    expect(await store.load()).toBeNull()
    writeFileSync(file, JSON.stringify({ accessToken: 'a' }))
    expect(await store.load()).toBeNull()
    await store.clear()
    await store.clear()
    expect(await store.load()).toBeNull()
  })
})
