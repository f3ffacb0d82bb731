import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appSchemeResponse, resolveAppRequest } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './csp'

const base = mkdtempSync(path.join(tmpdir(), 'crm-app-scheme-'))
const rendererDir = path.join(base, 'renderer')
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CRM AUGU</title>')
writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)')
writeFileSync(path.join(base, 'secret.txt'), 'customer data')
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('app:// scheme', () => {
  it('serves the renderer folder with the CSP header', async () => {
    expect(resolveAppRequest(rendererDir, 'app://crm/')).toBe(path.join(rendererDir, 'index.html'))
    expect(resolveAppRequest(rendererDir, 'app://crm/assets/app.js?v=1#x')).toBe(path.join(rendererDir, 'assets/app.js'))
    const response = await appSchemeResponse(rendererDir, 'app://crm/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await appSchemeResponse(rendererDir, 'app://crm/assets/app.js')).headers.get('content-type')).toMatch(/javascript/)
  })

  it('refuses path traversal, other hosts and schemes, and missing files', async () => {
    for (const url of [
      'app://crm/../secret.txt',
      'app://crm/%2e%2e/secret.txt',
      'app://crm/%2E%2E%2Fsecret.txt',
      'app://crm/assets/..%2f..%2fsecret.txt',
      'app://crm/..%5csecret.txt',
      'app://crm/index.html%00.js',
      'app://crm/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const file = resolveAppRequest(rendererDir, url)
      expect(file === null || file.startsWith(rendererDir + path.sep), url).toBe(true)
      const response = await appSchemeResponse(rendererDir, url)
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('customer data')
    }
    expect((await appSchemeResponse(rendererDir, 'app://crm/assets')).status).toBe(404)
    expect((await appSchemeResponse(rendererDir, 'app://crm/nothing.js')).status).toBe(404)
  })
})
