import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createSenderUrlPolicy, isAllowedSenderFrame } from './sender-policy'

const rendererIndexFile = path.resolve('/opt/crm/resources/app.asar/out/renderer/index.html')
const own = pathToFileURL(rendererIndexFile).href

describe('sender policy', () => {
  const packaged = createSenderUrlPolicy({ rendererIndexFile })
  const dev = createSenderUrlPolicy({ rendererIndexFile, devServerUrl: 'http://localhost:5173/' })

  it("accepts the app's own renderer files", () => {
    expect(packaged(own)).toBe(true)
    expect(packaged(own + '#/companies')).toBe(true)
  })

  it('refuses other files, hosts and schemes', () => {
    expect(packaged(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(packaged(pathToFileURL(path.resolve('/opt/crm/resources/app.asar/out/renderer-evil/index.html')).href)).toBe(false)
    expect(packaged('file://remote-host/opt/crm/resources/app.asar/out/renderer/index.html')).toBe(false)
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
