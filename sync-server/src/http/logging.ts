/**
 * Structured request logs (pino). Tokens must never reach a log: the Authorization header is not serialized and
 * `access_token` (refused, but a client may still send one) and stream `ticket`s are masked in logged URLs.
 */
import type { FastifyServerOptions } from 'fastify'
import type { LogLevel } from '../config'

export function redactUrl(url: string): string {
  return url.replace(/([?&](?:access_token|ticket)=)[^&#]*/gi, '$1[redacted]')
}

interface SerializableRequest {
  method: string
  url: string
  ip: string
  headers: Record<string, string | string[] | undefined>
}

export function loggerOptions(level: LogLevel): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    serializers: {
      req: (request: SerializableRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      }),
    },
  }
}
