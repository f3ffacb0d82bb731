/**
 * The sync server's metrics (docs/operations.md § Monitoring), on `prom-client`. One registry per server instance
 * (tests run several in one process); the app's hooks and the sync routes record into it, the gauges read the pool,
 * Redis and the SSE registry at scrape time. prom-client's default collectors add process CPU, resident memory,
 * heap, GC pauses and event-loop lag (`crm_process_*`, `crm_nodejs_*`). Every metric name the alerts in
 * docs/operations.md use is kept.
 */
import type { Redis } from 'ioredis'
import type { Pool } from 'pg'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { PokeBus } from '../realtime/poke-bus'
import { pullLagSeconds } from '../sync/pull'

export interface ServerMetrics {
  readonly registry: Registry
  readonly httpRequests: Counter<'method' | 'route' | 'status'>
  readonly httpDuration: Histogram<'method' | 'route'>
  readonly pushMutations: Counter<'result'>
  readonly pullRows: Counter<'kind'>
  readonly resyncs: Counter
  /** Password hashes evaluated at sign-in and password change, by outcome (the throttle's budget made visible). */
  readonly passwordChecks: Counter<'outcome'>
  /** Sign-in attempts refused by the throttle before any hashing, by reason (locked = budget spent, busy = concurrent). */
  readonly loginRefusals: Counter<'reason'>
}

export interface MetricsSources {
  readonly pool: Pool
  readonly redis: Redis
  readonly pokes: PokeBus
}

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export function createServerMetrics({ pool, redis, pokes }: MetricsSources): ServerMetrics {
  const registry = new Registry()
  const registers = [registry]
  collectDefaultMetrics({ register: registry, prefix: 'crm_' })
  const startedAt = Date.now()
  const httpRequests = new Counter({
    name: 'crm_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  })
  const httpDuration = new Histogram({
    name: 'crm_http_request_duration_seconds',
    help: 'HTTP request latency (first byte in to response sent), by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers,
  })
  const pushMutations = new Counter({
    name: 'crm_sync_push_mutations_total',
    help: 'Pushed mutations by result: applied, duplicate (a retry) or rejected.',
    labelNames: ['result'] as const,
    registers,
  })
  const pullRows = new Counter({
    name: 'crm_sync_pull_rows_total',
    help: 'Rows sent by pull: kind="change" (row state) or kind="removed".',
    labelNames: ['kind'] as const,
    registers,
  })
  // Both series from the start: the pull route adds only non-zero counts (an empty pull skips the label lookups).
  pullRows.inc({ kind: 'change' }, 0)
  pullRows.inc({ kind: 'removed' }, 0)
  const resyncs = new Counter({
    name: 'crm_sync_resync_required_total',
    help: 'Pulls answered 410 resync_required (cursor older than the gc floor).',
    registers,
  })
  const passwordChecks = new Counter({
    name: 'crm_auth_password_checks_total',
    help: 'Password hashes evaluated (sign-in, password change), by outcome: match or mismatch.',
    labelNames: ['outcome'] as const,
    registers,
  })
  const loginRefusals = new Counter({
    name: 'crm_auth_login_refused_total',
    help: 'Sign-in attempts refused by the throttle before any hashing: locked (a budget is spent) or busy (too many concurrent checks).',
    labelNames: ['reason'] as const,
    registers,
  })
  new Gauge({
    name: 'crm_sync_conflicts',
    help: 'Conflicts recorded by the merge (sync_conflicts rows), by status.',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      this.reset()
      try {
        const { rows } = await pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM sync_conflicts GROUP BY status`)
        for (const row of rows) this.set({ status: row.status }, row.n)
      } catch {
        // PostgreSQL unreachable: report nothing for this scrape rather than fail the whole page.
      }
    },
  })
  new Gauge({
    name: 'crm_sync_pull_lag_seconds',
    help: 'Seconds committed changes have been held back from pulls behind a transaction still open in this database (0: none). Alert when above 60 (docs/operations.md).',
    registers,
    async collect() {
      try {
        this.set(await pullLagSeconds(pool))
      } catch {
        // PostgreSQL unreachable: report nothing for this scrape rather than fail the whole page.
      }
    },
  })
  new Gauge({
    name: 'crm_sse_connected_devices',
    help: 'Devices connected to this instance by Server-Sent Events.',
    registers,
    collect() {
      this.set(pokes.clientCount())
    },
  })
  new Gauge({
    name: 'crm_pg_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle) and requests waiting for one.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.set({ state: 'total' }, pool.totalCount)
      this.set({ state: 'idle' }, pool.idleCount)
      this.set({ state: 'waiting' }, pool.waitingCount)
    },
  })
  new Gauge({
    name: 'crm_redis_up',
    help: '1 when the Redis command connection is ready, else 0.',
    registers,
    collect() {
      this.set(redis.status === 'ready' ? 1 : 0)
    },
  })
  new Gauge({
    name: 'crm_process_uptime_seconds',
    help: 'Seconds since this server instance started.',
    registers,
    collect() {
      this.set((Date.now() - startedAt) / 1000)
    },
  })
  new Gauge({
    name: 'crm_process_memory_bytes',
    help: 'Process memory by kind (rss, heap_used).',
    labelNames: ['kind'] as const,
    registers,
    collect() {
      const m = process.memoryUsage()
      this.set({ kind: 'rss' }, m.rss)
      this.set({ kind: 'heap_used' }, m.heapUsed)
    },
  })
  return { registry, httpRequests, httpDuration, pushMutations, pullRows, resyncs, passwordChecks, loginRefusals }
}
