/**
 * The renderer is served from the custom privileged scheme `app://crm/…` instead of file:// (Electron security
 * checklist, "Use a custom protocol instead of file://"): a file:// page may read any file the OS lets it, and every
 * file:// URL shares one origin; app://crm is one origin that serves the packaged renderer folder and nothing else.
 *
 * `resolveAppRequest` is Electron-free (unit-tested under Node); `registerAppScheme` must run before the app is ready,
 * `serveAppScheme` after.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from './csp'

export const APP_SCHEME = 'app'
export const APP_HOST = 'crm'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** Is this URL a page of the app (app://crm/…)? */
export function isAppSchemeUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
  } catch {
    return false
  }
}

/**
 * The file inside `rendererDir` an app:// request names, or null: another host, a path that would leave the folder
 * (`..`, encoded `%2e%2e%2f`, a NUL byte), or a malformed escape.
 */
export function resolveAppRequest(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const root = path.resolve(rendererDir)
  const relative = decoded === '/' ? 'index.html' : decoded
  const file = path.resolve(root, '.' + path.posix.normalize('/' + relative))
  return file.startsWith(root + path.sep) ? file : null
}

/** Before `app.whenReady()`: app:// is a standard, secure origin (so 'self', fetch and storage behave as on https). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

/** Answers app://crm/… from the renderer folder, with the CSP as a header; everything else is 404. */
export async function appSchemeResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = resolveAppRequest(rendererDir, requestUrl)
  if (!file) return new Response('Not found', { status: 404 })
  try {
    if (!(await stat(file)).isFile()) return new Response('Not found', { status: 404 })
    const body = await readFile(file)
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}

export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appSchemeResponse(rendererDir, request.url))
}
