import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmApi } from '../../../../shared/ipc/api'
import { type IpcChannel } from '../../../../shared/ipc/channels'
import { ipcError, type IpcResult } from '../../../../shared/ipc/errors'
import { initialSessionState, useSessionStore } from './session-store'

type Answer = (input: unknown) => IpcResult<unknown>
let answers: Partial<Record<IpcChannel, Answer>>
const demo = { status: 'demo', user: { id: 'u', name: '김민준', email: 'demo@augu.kr', role: 'MANAGER' } } as const

beforeEach(() => {
  answers = {}
  const crm = createCrmApi(async (channel, input) => answers[channel]?.(input) ?? { ok: false, error: ipcError('ipc.unavailable') })
  Object.assign(globalThis, { crm })
  useSessionStore.setState(initialSessionState)
})

afterEach(() => {
  delete (globalThis as { crm?: unknown }).crm
})

describe('session store', () => {
  it('loads the session when the app opens', async () => {
    answers['session.state'] = () => ({ ok: true, value: { status: 'none' } })
    await useSessionStore.getState().appOpened()
    expect(useSessionStore.getState()).toMatchObject({ session: { status: 'none' }, busy: null, error: null })
  })

  it('keeps a typed error for the screen to translate', async () => {
    answers['session.login'] = () => ({ ok: false, error: ipcError('session.invalidCredentials') })
    await useSessionStore.getState().loginSubmitted({ serverUrl: 'https://sync.augu.kr', email: 'kim@augu.kr', password: 'x' })
    expect(useSessionStore.getState().error).toEqual(ipcError('session.invalidCredentials'))
    useSessionStore.getState().errorDismissed()
    expect(useSessionStore.getState().error).toBeNull()
  })

  it('does not sign out over unsynced changes until the user confirms', async () => {
    useSessionStore.setState({ session: demo })
    answers['session.logout'] = (input) =>
      (input as { force?: boolean } | undefined)?.force
        ? { ok: true, value: { status: 'none' } }
        : { ok: false, error: ipcError('session.unsyncedChanges', { count: 2 }) }

    expect(await useSessionStore.getState().signOutRequested()).toBe(2)
    expect(useSessionStore.getState()).toMatchObject({ session: demo, error: null })

    expect(await useSessionStore.getState().signOutRequested({ force: true })).toBe(0)
    expect(useSessionStore.getState().session).toEqual({ status: 'none' })
  })
})
