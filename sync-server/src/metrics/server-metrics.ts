/**
 * The sync server's metrics (docs/operations.md § Monitoring). One instance per server process; the app's hooks and
 * the sync routes record into it, the gauges read the pool, Redis and the SSE registry at scrape time.
 */
import type { Redis } from 'ioredis'
import type { Pool } from 'pg'
import type { PokeBus } from '../realtime/poke-bus'
import { pullLagSeconds } from '../sync/pull'
import { Counter, Gauge, Histogram, Registry } from './registry'

export interface ServerMetrics {
  readonly registry: Registry
  readonly httpRequests: Counter
  readonly httpDuration: Histogram
  readonly pushMutations: Counter
  readonly pullRows: Counter
  readonly resyncs: Counter
}

export interface MetricsSources {
  readonly pool: Pool
  readonly redis: Redis
  readonly pokes: PokeBus
}

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export function createServerMetrics({ pool, redis, pokes }: MetricsSources): ServerMetrics {
  const registry = new Registry()
  const startedAt = Date.now()
  const httpRequests = registry.register(new Counter('crm_http_requests_total', 'HTTP requests answered, by method, route pattern and status code.'))
  const httpDuration = registry.register(
    new Histogram('crm_http_request_duration_seconds', 'HTTP request latency (first byte in to response sent), by method and route pattern.', HTTP_DURATION_BUCKETS),
  )
  const pushMutations = registry.register(new Counter('crm_sync_push_mutations_total', 'Pushed mutations by result: applied, duplicate (a retry) or rejected.'))
  const pullRows = registry.register(new Counter('crm_sync_pull_rows_total', 'Rows sent by pull: kind="change" (row state) or kind="removed".'))
  const resyncs = registry.register(new Counter('crm_sync_resync_required_total', 'Pulls answered 410 resync_required (cursor older than the gc floor).'))
  registry.register(
    new Gauge('crm_sync_conflicts', 'Conflicts recorded by the merge (sync_conflicts rows), by status.', async () => {
      const { rows } = await pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM sync_conflicts GROUP BY status`)
      return rows.map((r) => ({ labels: { status: r.status }, value: r.n }))
    }),
  )
  registry.register(
    new Gauge(
      'crm_sync_pull_lag_seconds',
      'Seconds committed changes have been held back from pulls behind a transaction still open in this database (0: none). Alert when above 60 (docs/operations.md).',
      async () => [{ value: await pullLagSeconds(pool) }],
    ),
  )
  registry.register(new Gauge('crm_sse_connected_devices', 'Devices connected to this instance by Server-Sent Events.', () => [{ value: pokes.clientCount() }]))
  registry.register(
    new Gauge('crm_pg_pool_connections', 'PostgreSQL pool connections by state (total, idle) and requests waiting for one.', () => [
      { labels: { state: 'total' }, value: pool.totalCount },
      { labels: { state: 'idle' }, value: pool.idleCount },
      { labels: { state: 'waiting' }, value: pool.waitingCount },
    ]),
  )
  registry.register(new Gauge('crm_redis_up', '1 when the Redis command connection is ready, else 0.', () => [{ value: redis.status === 'ready' ? 1 : 0 }]))
  registry.register(new Gauge('crm_process_uptime_seconds', 'Seconds since this server instance started.', () => [{ value: (Date.now() - startedAt) / 1000 }]))
  registry.register(
    new Gauge('crm_process_memory_bytes', 'Process memory by kind (rss, heap_used).', () => {
      const m = process.memoryUsage()
      return [
        { labels: { kind: 'rss' }, value: m.rss },
        { labels: { kind: 'heap_used' }, value: m.heapUsed },
      ]
    }),
  )
  return { registry, httpRequests, httpDuration, pushMutations, pullRows, resyncs }
}
