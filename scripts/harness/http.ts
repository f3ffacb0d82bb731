/** Small HTTP helpers for the harness: static files, JSON bodies, the caller check. */
import { type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/** Room for an attachment (files.add carries up to 50 MB as base64). */
export const MAX_BODY_BYTES = 72 * 1024 * 1024

export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers })
  res.end(body)
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' })
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new Error('body too large')
    chunks.push(buffer)
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

/**
 * The harness's sender validation (Electron checks the sender frame's URL): only the page served by this harness on
 * 127.0.0.1 may call. Host must match too, so a DNS-rebound name pointing at 127.0.0.1 is refused; the JSON content
 * type forces a CORS preflight on any cross-origin attempt, which the harness never answers.
 */
export function isAllowedCaller(req: IncomingMessage, port: number): boolean {
  const expectedOrigin = `http://127.0.0.1:${port}`
  if (req.headers.host !== `127.0.0.1:${port}`) return false
  if (req.headers.origin !== expectedOrigin) return false
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return false
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/json'
}

/** Resolves a URL path inside `root`, or null for anything that would escape it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  return file === root || file.startsWith(root + path.sep) ? file : null
}

export async function readStatic(file: string): Promise<{ body: Buffer; type: string } | null> {
  try {
    const info = await stat(file)
    if (!info.isFile()) return null
    return { body: await readFile(file), type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}

/**
 * The caller check for the push stream (GET /__crm/events, an EventSource): a same-origin GET carries no Origin
 * header, so the Host must be the harness's own and the browser must not call it a cross-site request.
 */
export function isAllowedStreamCaller(req: IncomingMessage, port: number): boolean {
  if (req.headers.host !== `127.0.0.1:${port}`) return false
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) return false
  const site = req.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin'
}
