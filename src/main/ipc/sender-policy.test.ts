import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL } from '../electron/app-protocol'
import { createSenderUrlPolicy, isAllowedSenderFrame } from './sender-policy'

const rendererIndexFile = path.resolve('/opt/crm/resources/app.asar/out/renderer/index.html')
const own = APP_INDEX_URL

describe('sender policy', () => {
  const packaged = createSenderUrlPolicy({})
  const dev = createSenderUrlPolicy({ devServerUrl: 'http://localhost:5173/' })

  it("accepts the app's own page on app://crm", () => {
    expect(packaged(own)).toBe(true)
    expect(packaged(own + '#/companies')).toBe(true)
    expect(packaged('app://crm/assets/index.js')).toBe(true)
  })

  it('refuses file:// (even the renderer folder), other app hosts, hosts and schemes', () => {
    expect(packaged(pathToFileURL(rendererIndexFile).href)).toBe(false)
    expect(packaged(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(packaged('app://evil/index.html')).toBe(false)
    expect(packaged('https://evil.example/')).toBe(false)
    expect(packaged('http://localhost:5173/')).toBe(false)
    expect(packaged('not a url')).toBe(false)
  })

  it('accepts the dev server origin only in development', () => {
    expect(dev('http://localhost:5173/index.html')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(dev('http://127.0.0.1:5173/')).toBe(false)
  })

  it('accepts only the main frame', () => {
    expect(isAllowedSenderFrame({ url: own, parent: null }, packaged)).toBe(true)
    expect(isAllowedSenderFrame({ url: own, parent: {} }, packaged)).toBe(false)
    expect(isAllowedSenderFrame(null, packaged)).toBe(false)
  })
})
