/**
 * Stream tickets for GET /v1/sync/events. A browser's EventSource cannot send an Authorization header, and an access
 * token in the URL ends up in proxy and access logs where it stays valid for its whole TTL. Instead the client POSTs
 * /v1/sync/events/ticket with its Bearer header and opens `/v1/sync/events?ticket=…`: the ticket is random, lives
 * STREAM_TICKET_TTL_MS, and is consumed atomically (GETDEL) by the first GET — a logged ticket is already spent.
 * Clients that can send headers (the desktop app) simply use the header.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { AccessClaims } from './access-token'

export const STREAM_TICKET_TTL_MS = 30_000

export interface StreamTickets {
  issue(claims: AccessClaims): Promise<{ ticket: string; expiresIn: number }>
  /** The claims the ticket was issued for, once; null when unknown, expired or already used. */
  redeem(ticket: string): Promise<AccessClaims | null>
}

export function createStreamTickets(redis: Redis, prefix: string): StreamTickets {
  // Only a hash of the ticket is the key: a Redis dump does not hand out usable tickets.
  const keyOf = (ticket: string): string => `${prefix}stream-ticket:${createHash('sha256').update(ticket).digest('hex')}`
  return {
    async issue(claims) {
      const ticket = randomBytes(32).toString('base64url')
      await redis.set(keyOf(ticket), JSON.stringify(claims), 'PX', STREAM_TICKET_TTL_MS)
      return { ticket, expiresIn: Math.floor(STREAM_TICKET_TTL_MS / 1000) }
    },
    async redeem(ticket) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(ticket)) return null
      const raw = await redis.getdel(keyOf(ticket))
      if (!raw) return null
      try {
        const claims = JSON.parse(raw) as AccessClaims
        return typeof claims.userId === 'string' && typeof claims.sessionId === 'string' && typeof claims.deviceId === 'string' ? claims : null
      } catch {
        return null
      }
    },
  }
}
