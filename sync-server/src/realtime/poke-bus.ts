/**
 * Pokes: "something in your scope changed, pull". A hint, never data (architecture §3) — a device pulls on every
 * reconnect anyway, so a lost poke only delays a sync.
 *
 * One Redis channel per deployment fans a poke out to every instance; each instance forwards it to the devices
 * connected to it (the local client registry). The publishing instance delivers to its own clients directly and
 * ignores its own echo, so local devices are poked even while Redis is unreachable.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { z } from 'zod'
import { SYNCED_TABLES, type SyncedTable } from '../../../src/shared/model/tables'

export interface ChangedRows {
  readonly table: SyncedTable
  readonly ids: readonly string[]
}

/**
 * Who should hear about a commit: everyone (reference data, large pushes), these users, or — for a small push — the
 * users whose scope holds one of the changed rows plus the users its scope changes addressed (`userIds`). The last
 * form is resolved by each instance for its own connected users only (`PokeBusOptions.resolve`).
 */
export type PokeAudience = 'all' | { readonly userIds: readonly string[] } | { readonly changed: readonly ChangedRows[]; readonly userIds: readonly string[] }

export interface Poke {
  /** Server time of the publish (ISO); lets a client log how stale a poke is. */
  readonly at: string
  /**
   * The committing transaction's id (decimal xid8), when the poke is for a push. The device keeps pulling until its
   * watermark is above it: the pull horizon may not have passed that transaction yet when the poke arrives.
   * Optional: older servers send none, older devices ignore it.
   */
  readonly txid?: string
}

export interface PokeClient {
  readonly userId: string
  send(poke: Poke): void
}

export interface PokeBus {
  /** Tell every instance's connected devices in `audience`. Never rejects: failures are logged (a poke is a hint). */
  publish(audience: PokeAudience, txid?: string): Promise<void>
  /** Register a connected device (an SSE stream); returns its removal. */
  addClient(client: PokeClient): () => void
  /** Connected clients on this instance (health, tests, metrics). */
  clientCount(): number
  /** Resolves once the Redis subscription is active (tests wait on it before publishing from another instance). */
  ready(): Promise<void>
  close(): Promise<void>
}

const messageSchema = z.object({
  origin: z.string(),
  audience: z.union([
    z.literal('all'),
    z.object({
      changed: z.array(z.object({ table: z.enum(SYNCED_TABLES), ids: z.array(z.string().uuid()).max(1_000) })).max(100),
      userIds: z.array(z.string()),
    }),
    z.object({ userIds: z.array(z.string()) }),
  ]),
  at: z.string(),
  txid: z.string().regex(/^\d+$/).optional(),
})

export interface PokeBusOptions {
  /** For PUBLISH. May be the server's shared command connection. */
  readonly pub: Redis
  /** A dedicated connection: once subscribed, Redis allows it nothing else. */
  readonly sub: Redis
  /** The deployment's REDIS_PREFIX; the channel is `${prefix}pokes`. */
  readonly prefix: string
  readonly logger: Pick<Logger, 'warn' | 'debug'>
  /**
   * Which of `candidates` (users connected to this instance) see any of the changed rows. Without it, or when it
   * fails, a `changed` audience pokes every connected device (a spare pull is cheap; a missed poke is a delay).
   */
  readonly resolve?: (changed: readonly ChangedRows[], candidates: readonly string[]) => Promise<ReadonlySet<string>>
  /**
   * The same for several pokes at once, one answer per request (audience.ts usersSeeingEach). When given, it replaces
   * `resolve`: pokes that arrive while a resolution runs wait for it and are then resolved together, so an instance
   * has at most one audience query in flight. Under load (every push pokes) one query per push held a pool
   * connection each and repeated a fixed cost per query; batched, the cost per poke fell about fourfold (issue 20).
   */
  readonly resolveEach?: (requests: readonly AudienceRequest[]) => Promise<readonly ReadonlySet<string>[]>
}

export interface AudienceRequest {
  readonly changed: readonly ChangedRows[]
  readonly candidates: readonly string[]
}

/** At most this many pokes' audiences per query: the query's cost grows with its rows. */
export const AUDIENCE_BATCH = 32

/** One resolution in flight; requests arriving meanwhile are resolved together by the next one. */
function batchedResolver(
  resolveEach: (requests: readonly AudienceRequest[]) => Promise<readonly ReadonlySet<string>[]>,
): (changed: readonly ChangedRows[], candidates: readonly string[]) => Promise<ReadonlySet<string>> {
  let queue: { request: AudienceRequest; done: (users: ReadonlySet<string>) => void; fail: (error: unknown) => void }[] = []
  let running = false
  const run = async (): Promise<void> => {
    running = true
    while (queue.length > 0) {
      const batch = queue.slice(0, AUDIENCE_BATCH)
      queue = queue.slice(AUDIENCE_BATCH)
      try {
        const answers = await resolveEach(batch.map((w) => w.request))
        batch.forEach((w, i) => w.done(answers[i] ?? new Set()))
      } catch (error) {
        for (const w of batch) w.fail(error)
      }
    }
    running = false
  }
  return (changed, candidates) =>
    new Promise((done, fail) => {
      queue.push({ request: { changed, candidates }, done, fail })
      if (!running) void run()
    })
}

/** Least time between two pokes of every device after failed audience resolutions (see pokeEveryone). */
export const AUDIENCE_FALLBACK_MS = 1_000

/** The poke with the newer txid (a poke without one is older than any with one). */
function newerPoke(a: Poke | undefined, b: Poke): Poke {
  if (!a || a.txid === undefined) return b
  if (b.txid === undefined) return a
  return BigInt(b.txid) >= BigInt(a.txid) ? b : a
}

export function pokeChannel(prefix: string): string {
  return `${prefix}pokes`
}

export function createPokeBus({ pub, sub, prefix, logger, resolve: resolveOne, resolveEach }: PokeBusOptions): PokeBus {
  const resolve = resolveEach ? batchedResolver(resolveEach) : resolveOne
  const origin = randomUUID()
  const channel = pokeChannel(prefix)
  const clients = new Set<PokeClient>()

  /** The users to poke among this instance's clients; null = all of them. */
  /** The newest poke whose audience could not be resolved while a fallback window was open (sent at its end). */
  let fallback: Poke | null = null
  let fallbackWindow: ReturnType<typeof setTimeout> | null = null

  const send = (users: ReadonlySet<string> | null, poke: Poke): void => {
    for (const client of clients) {
      if (users && !users.has(client.userId)) continue
      try {
        client.send(poke)
      } catch (error) {
        logger.warn({ err: error }, 'poke delivery to a client failed')
      }
    }
  }

  /**
   * The audience of a poke could not be resolved (the query failed or timed out on a saturated pool): every connected
   * device is poked — a spare pull is cheap, a missed poke is a delay. At most once per AUDIENCE_FALLBACK_MS, though:
   * failures come in bursts exactly when the instance is saturated, and each used to wake every device again (34 times
   * in one bench run, 500 devices each; issue 20). Failures within the window are gathered into one poke of everyone
   * at its end, carrying the newest txid, so each device still learns of every commit (it pulls everything up to it).
   */
  const pokeEveryone = (poke: Poke): void => {
    if (fallbackWindow === null) {
      send(null, poke)
      const close = (): void => {
        const pending = fallback
        fallback = null
        fallbackWindow = null
        if (pending) {
          send(null, pending)
          fallbackWindow = setTimeout(close, AUDIENCE_FALLBACK_MS)
          fallbackWindow.unref?.()
        }
      }
      fallbackWindow = setTimeout(close, AUDIENCE_FALLBACK_MS)
      fallbackWindow.unref?.()
      return
    }
    fallback = newerPoke(fallback ?? undefined, poke)
  }

  /** The users to poke among this instance's clients; null = all of them; 'unresolved' = the query failed. */
  const localAudience = async (audience: PokeAudience): Promise<ReadonlySet<string> | null | 'unresolved'> => {
    if (audience === 'all') return null
    const addressed = new Set(audience.userIds)
    if (!('changed' in audience)) return addressed
    const candidates = [...new Set([...clients].map((client) => client.userId))].filter((id) => !addressed.has(id))
    if (candidates.length === 0) return addressed
    if (!resolve) return null
    try {
      const seeing = await resolve(audience.changed, candidates)
      return new Set([...addressed, ...seeing])
    } catch (error) {
      logger.warn({ err: error }, 'poke audience query failed; poking every connected device (at most once a second)')
      return 'unresolved'
    }
  }

  const deliver = async (audience: PokeAudience, poke: Poke): Promise<void> => {
    if (clients.size === 0) return
    const users = await localAudience(audience)
    if (users === 'unresolved') pokeEveryone(poke)
    else send(users, poke)
  }

  const onMessage = (from: string, raw: string): void => {
    if (from !== channel) return
    let parsed: z.infer<typeof messageSchema>
    try {
      parsed = messageSchema.parse(JSON.parse(raw))
    } catch {
      logger.warn({ channel }, 'ignored a malformed poke message')
      return
    }
    if (parsed.origin === origin) return
    void deliver(parsed.audience, parsed.txid === undefined ? { at: parsed.at } : { at: parsed.at, txid: parsed.txid })
  }
  sub.on('message', onMessage)
  // ioredis re-subscribes by itself after a reconnect; this promise only covers the first subscription.
  const subscribed = sub.subscribe(channel).then(
    () => undefined,
    (error: unknown) => {
      logger.warn({ err: error, channel }, 'poke subscription failed; will retry on reconnect')
    },
  )

  return {
    async publish(audience, txid) {
      if (audience !== 'all' && audience.userIds.length === 0 && !('changed' in audience && audience.changed.length > 0)) return
      const poke: Poke = txid === undefined ? { at: new Date().toISOString() } : { at: new Date().toISOString(), txid }
      // Published before the local delivery resolves its audience: remote instances start theirs at the same time.
      const local = deliver(audience, poke)
      try {
        await pub.publish(channel, JSON.stringify({ origin, audience, ...poke }))
      } catch (error) {
        logger.warn({ err: error }, 'poke publish failed; remote devices will catch up on their next pull')
      }
      await local
    },
    addClient(client) {
      clients.add(client)
      return () => {
        clients.delete(client)
      }
    },
    clientCount: () => clients.size,
    ready: () => subscribed,
    async close() {
      if (fallbackWindow !== null) clearTimeout(fallbackWindow)
      sub.off('message', onMessage)
      clients.clear()
      await sub.unsubscribe(channel).catch(() => undefined)
    },
  }
}
