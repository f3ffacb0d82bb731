/**
 * Request ids: reuse a well-formed `x-request-id` from a proxy (so one id follows a request through the load
 * balancer and every log line), otherwise make one. Echoed in the response so a user's report can be traced.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID()
}
