import { describe, expect, it } from 'vitest'
import { createCrmApi } from './api'
import { ipcChannels, isIpcChannel } from './channels'
import { ipcContract } from './contract'

describe('ipc contract', () => {
  it('declares exactly the channels of the channel list', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...ipcChannels].sort())
  })

  it('names every channel domain.action in camelCase', () => {
    for (const channel of ipcChannels) expect(channel).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/)
  })

  it('rejects unknown channel names', () => {
    expect(isIpcChannel('sync.status')).toBe(true)
    expect(isIpcChannel('sync.__proto__')).toBe(false)
    expect(isIpcChannel(42)).toBe(false)
  })

  it('accepts https server urls and plain http only to this machine', () => {
    const login = ipcContract['session.login'].input
    const base = { email: 'kim@augu.kr', password: 'pw' }
    expect(login.safeParse({ ...base, serverUrl: 'https://sync.augu.kr' }).success).toBe(true)
    expect(login.safeParse({ ...base, serverUrl: 'http://127.0.0.1:8787' }).success).toBe(true)
    expect(login.safeParse({ ...base, serverUrl: 'http://sync.augu.kr' }).success).toBe(false)
    expect(login.safeParse({ ...base, serverUrl: 'https://user:pw@sync.augu.kr' }).success).toBe(false)
    expect(login.safeParse({ ...base, serverUrl: 'https://sync.augu.kr', extra: 1 }).success).toBe(false)
  })
})

describe('createCrmApi', () => {
  it('exposes one function per channel and nothing else', () => {
    const api = createCrmApi(async () => ({ ok: true, value: null }))
    const exposed = Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((action) => `${domain}.${action}`))
    expect(exposed.sort()).toEqual([...ipcChannels].sort())
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('forwards the channel name and input to the transport', async () => {
    const calls: unknown[] = []
    const api = createCrmApi(async (channel, input) => {
      calls.push([channel, input])
      return { ok: true, value: { opened: true } }
    })
    await expect(api.app.openExternal({ url: 'https://augu.kr' })).resolves.toEqual({ ok: true, value: { opened: true } })
    expect(calls).toEqual([['app.openExternal', { url: 'https://augu.kr' }]])
  })

  it('turns a failing or malformed transport into a typed error', async () => {
    const failing = createCrmApi(async () => {
      throw new Error('No handler registered')
    })
    await expect(failing.sync.status()).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unavailable' } })
    const malformed = createCrmApi(async () => 'nonsense')
    await expect(malformed.sync.status()).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unavailable' } })
  })
})
