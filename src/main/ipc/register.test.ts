import { describe, expect, it, vi } from 'vitest'
import { ipcChannels } from '../../shared/ipc/channels'
import { IpcFailure } from '../../shared/ipc/errors'
import { type DevicePort, type HandlerContext, type Logger } from '../handlers/context'
import { createHandlerTable, mergeHandlers } from './handler-table'
import { registerIpc, type IpcMainLike, type InvokeEventLike } from './register'

const OWN = 'app://crm/index.html'

function fakeDevice(overrides: Partial<DevicePort> = {}): DevicePort {
  const status = {
    connection: 'local-only',
    syncing: false,
    pending: 0,
    rejected: 0,
    conflicts: 0,
    lastSyncedAt: null,
    attention: null,
    nextRetryAt: null,
    diskFullNeededMb: null,
  } as const
  return {
    sessionState: async () => ({ status: 'none' }),
    startDemo: async () => ({ status: 'none' }),
    login: async () => ({ status: 'none' }),
    logout: async () => ({ status: 'none' }),
    changePassword: async () => ({ status: 'none' }),
    permissions: async () => ({ source: 'none', tables: {} }),
    syncStatus: async () => status,
    syncNow: async () => status,
    close: async () => undefined,
    onChanges: () => () => undefined,
    lastEdit: async () => ({ exists: false, deleted: false, updatedAt: null, updatedById: null, updatedByName: null }),
    onSyncStatus: () => () => undefined,
    // The channel-level tests here never reach the sales repositories.
    sales: {} as DevicePort['sales'],
    customers: {} as DevicePort['customers'],
    records: {} as DevicePort['records'],
    syncReview: {} as DevicePort['syncReview'],
    training: {} as DevicePort['training'],
    transfer: {} as DevicePort['transfer'],
    kpi: {} as DevicePort['kpi'],
    products: {} as DevicePort['products'],
    dashboard: {} as DevicePort['dashboard'],
    meetings: {} as DevicePort['meetings'],
    admin: {} as DevicePort['admin'],
    adminOnline: {} as DevicePort['adminOnline'],
    lock: {} as DevicePort['lock'],
    files: {} as DevicePort['files'],
    replica: {} as DevicePort['replica'],
    ...overrides,
  }
}

function setup(device: DevicePort = fakeDevice()) {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) }
  const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const openExternal = vi.fn(async () => undefined)
  const ctx: HandlerContext = {
    app: { name: 'CRM AUGU', version: '0.1.0', runtime: 'electron', platform: 'linux' },
    device,
    openExternal,
    log,
  }
  const table = createHandlerTable(ctx)
  registerIpc(table, { ipcMain, isAllowedUrl: (url) => url === OWN, log })
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => handlers.get(channel)!(event, ...args)
  const mainFrame = { senderFrame: { url: OWN, parent: null } }
  return { handlers, ipcMain, table, log, openExternal, invoke, mainFrame }
}

describe('registerIpc', () => {
  it('registers every channel once and refuses a second registration', () => {
    const { handlers, ipcMain, table, log } = setup()
    expect([...handlers.keys()].sort()).toEqual([...ipcChannels].sort())
    expect(() => registerIpc(table, { ipcMain, isAllowedUrl: () => true, log })).toThrow(/already registered/)
  })

  it('answers a valid call from the app page', async () => {
    const { invoke, mainFrame } = setup()
    await expect(invoke('app.info', mainFrame, undefined)).resolves.toMatchObject({
      ok: true,
      value: { name: 'CRM AUGU', runtime: 'electron', schemaVersion: expect.any(Number) },
    })
  })

  it('refuses foreign pages and sub-frames before any handler runs', async () => {
    const startDemo = vi.fn(async () => ({ status: 'none' as const }))
    const { invoke } = setup(fakeDevice({ startDemo }))
    const forbidden = { ok: false, error: { code: 'ipc.forbiddenSender', messageKey: 'errors.ipc.forbiddenSender', params: {} } }
    await expect(invoke('session.startDemo', { senderFrame: { url: 'https://evil.example/', parent: null } })).resolves.toEqual(forbidden)
    await expect(invoke('session.startDemo', { senderFrame: { url: OWN, parent: {} } })).resolves.toEqual(forbidden)
    await expect(invoke('session.startDemo', { senderFrame: null })).resolves.toEqual(forbidden)
    expect(startDemo).not.toHaveBeenCalled()
  })

  it('validates input with the channel schema and names the bad field', async () => {
    const login = vi.fn(async () => ({ status: 'none' as const }))
    const { invoke, mainFrame } = setup(fakeDevice({ login }))
    await expect(invoke('session.login', mainFrame, { serverUrl: 'file:///etc', email: 'kim@augu.kr', password: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidInput', params: { field: 'serverUrl' } },
    })
    await expect(invoke('sync.status', mainFrame, { sneaky: true })).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalidInput' } })
    await expect(invoke('sync.status', mainFrame, undefined, 'extra')).resolves.toMatchObject({ ok: false, error: { code: 'ipc.invalidInput' } })
    expect(login).not.toHaveBeenCalled()
  })

  it('passes expected failures through as typed errors', async () => {
    const { invoke, mainFrame } = setup(
      fakeDevice({
        logout: async () => {
          throw new IpcFailure('session.unsyncedChanges', { count: 3 })
        },
      }),
    )
    await expect(invoke('session.logout', mainFrame, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'session.unsyncedChanges', messageKey: 'errors.session.unsyncedChanges', params: { count: 3 } },
    })
  })

  it('answers `internal` for a crash and keeps the stack in main', async () => {
    const { invoke, mainFrame, log } = setup(
      fakeDevice({
        syncNow: async () => {
          throw new Error('SQLITE_CORRUPT at /home/kim/.config/crm.sqlite')
        },
      }),
    )
    const result = await invoke('sync.now', mainFrame, undefined)
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: {} } })
    expect(JSON.stringify(result)).not.toContain('SQLITE')
    expect(log.error).toHaveBeenCalledWith('IPC handler failed', expect.objectContaining({ channel: 'sync.now' }))
  })

  it('opens only checked http(s) links externally', async () => {
    const { invoke, mainFrame, openExternal } = setup()
    await expect(invoke('app.openExternal', mainFrame, { url: 'https://www.augu.kr/' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    })
    await expect(invoke('app.openExternal', mainFrame, { url: 'file:///C:/Windows/System32/calc.exe' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'app.urlNotAllowed' },
    })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })
})

describe('mergeHandlers', () => {
  const noop = async () => undefined

  it('refuses a channel defined twice', () => {
    expect(() => mergeHandlers({ 'app.info': noop }, { 'app.info': noop })).toThrow(/defined twice/)
  })

  it('refuses a table with a channel left unhandled', () => {
    expect(() => mergeHandlers({ 'app.info': noop })).toThrow(/without a handler/)
  })

  it('refuses handlers for channels the contract does not declare', () => {
    const all = Object.fromEntries(ipcChannels.map((c) => [c, noop]))
    expect(() => mergeHandlers(all, { 'app.secret': noop })).toThrow(/missing from the contract/)
  })
})
