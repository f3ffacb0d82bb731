/**
 * Server configuration from the environment, validated once at start-up so a typo fails loudly
 * before the server takes traffic (documented in sync-server/README.md).
 */
import { isIP } from 'node:net'
import { z } from 'zod'
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol'
import { fileConfigFrom, type FileConfig } from './files/config'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface ServerConfig {
  readonly databaseUrl: string
  readonly redisUrl: string
  /** Prepended to every Redis key and channel, so several deployments (or test files) can share one Redis. */
  readonly redisPrefix: string
  readonly host: string
  readonly port: number
  readonly authSecret: string
  readonly accessTokenTtlMs: number
  readonly refreshTokenTtlMs: number
  readonly bodyLimitBytes: number
  readonly logLevel: LogLevel
  /**
   * The reverse proxies (addresses, CIDRs or proxy-addr names such as `loopback`) whose X-Forwarded-For is believed;
   * false: none, the TCP peer is the client. Never "every hop": a client could then name any address it likes and
   * spread password guesses over invented addresses (docs/security.md § Throttling).
   */
  readonly trustProxy: false | readonly string[]
  /** Failed sign-ins per (account, address) per window before that pair is refused. */
  readonly loginMaxFailures: number
  /** Failed sign-ins per account, from any address, per window before the account is refused everywhere. */
  readonly loginAccountMaxFailures: number
  readonly loginFailureWindowMs: number
  /** Password checks one account may have running at once; more answer 429 without hashing. */
  readonly loginMaxConcurrent: number
  /** Absolute lifetime of a sign-in: refreshing never extends a session past it. */
  readonly refreshTokenMaxAgeMs: number
  /** How long after a rotation the same device may present the previous refresh token once (crash before saving). */
  readonly refreshGraceMs: number
  readonly sseHeartbeatMs: number
  /** Device schema versions this server accepts (inclusive). */
  readonly schemaVersions: { readonly min: number; readonly max: number }
  /** Largest number of PostgreSQL connections this instance opens. */
  readonly pgPoolMax: number
  /** Server-side statement_timeout of every pooled connection (0 = none). */
  readonly pgStatementTimeoutMs: number
  /** How long a request waits to connect / for a free pool connection before failing with 503. */
  readonly pgConnectTimeoutMs: number
  /** Bearer token for GET /metrics; null: /metrics answers loopback clients only. */
  readonly metricsToken: string | null
  /** File attachments: storage, size limit, upload rate (files/config.ts, FILES_*). */
  readonly files: FileConfig
}

/** Thrown for missing or invalid configuration; the CLI prints `message` and exits with a usage error. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** `900`, `900s`, `15m`, `30d` → milliseconds. A bare number is seconds (what operators usually mean by a TTL). */
export function parseDurationMs(text: string): number | null {
  const match = /^(\d+)\s*(ms|s|m|h|d)?$/i.exec(text.trim())
  if (!match) return null
  const unit = (match[2]?.toLowerCase() ?? 's') as keyof typeof DURATION_UNITS_MS
  return Number(match[1]) * DURATION_UNITS_MS[unit]
}

const SIZE_UNITS = { b: 1, kb: 1024, mb: 1024 * 1024 } as const

/** `1048576`, `512kb`, `20mb` → bytes. */
export function parseSizeBytes(text: string): number | null {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(text.trim())
  if (!match) return null
  const unit = (match[2]?.toLowerCase() ?? 'b') as keyof typeof SIZE_UNITS
  return Number(match[1]) * SIZE_UNITS[unit]
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDurationMs(text)
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a positive duration such as 900, 15m, 12h or 30d' })
        return z.NEVER
      }
      return ms
    })

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * TRUST_PROXY: `false` (default) or a comma-separated list of proxy addresses / CIDRs (`127.0.0.1`, `10.0.0.0/8`,
 * `::1`, or the names loopback, linklocal, uniquelocal). The old `true` is refused with the reason: it trusted every
 * hop, so the left-most X-Forwarded-For — which the client writes — became "the client address".
 * Returns the list, false, or the error message.
 */
export function parseTrustProxy(text: string): false | string[] | string {
  const value = text.trim().toLowerCase()
  if (value === 'false' || value === '0' || value === 'none') return false
  if (value === 'true' || value === '1' || value === '*') {
    return 'must name the proxies, not "true": list their addresses or CIDRs (e.g. TRUST_PROXY=127.0.0.1 or 10.0.0.0/8,::1); trusting every hop lets a client forge its address'
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  if (entries.length === 0) return 'must be false or a comma-separated list of proxy addresses / CIDRs'
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue
    const [address, bits, extra] = entry.split('/')
    const family = isIP(address ?? '')
    const maxBits = family === 4 ? 32 : 128
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits)
    if (family === 0 || !bitsOk || extra !== undefined) return `has "${entry}", which is not an IP address, a CIDR or one of loopback, linklocal, uniquelocal`
  }
  return entries
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const postgresUrl = z
  .string({ error: 'is required (e.g. postgres://postgres@127.0.0.1:5432/crm)' })
  .min(1, 'is required (e.g. postgres://postgres@127.0.0.1:5432/crm)')
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL')

const envSchema = z.object({
  DATABASE_URL: postgresUrl,
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL'),
  REDIS_PREFIX: z.string().max(100).default('crm:'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  AUTH_SECRET: z
    .string({ error: 'is required: at least 32 characters of random text (e.g. `openssl rand -base64 48`)' })
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  ACCESS_TOKEN_TTL: duration('15m'),
  REFRESH_TOKEN_TTL: duration('30d'),
  BODY_LIMIT: z
    .string()
    .default('20mb')
    .transform((text, ctx) => {
      const bytes = parseSizeBytes(text)
      if (bytes === null || bytes <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a size such as 20mb, 512kb or 1048576' })
        return z.NEVER
      }
      return bytes
    }),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, ctx) => {
      const parsed = parseTrustProxy(text)
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed })
        return z.NEVER
      }
      return parsed
    }),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_ACCOUNT_MAX_FAILURES: positiveInt(20),
  LOGIN_FAILURE_WINDOW: duration('15m'),
  LOGIN_MAX_CONCURRENT: positiveInt(2),
  REFRESH_TOKEN_MAX_AGE: duration('90d'),
  REFRESH_GRACE: duration('60s'),
  SSE_HEARTBEAT: duration('15s'),
  SCHEMA_VERSION_MIN: positiveInt(SCHEMA_VERSION),
  SCHEMA_VERSION_MAX: positiveInt(SCHEMA_VERSION),
  PG_POOL_MAX: positiveInt(10),
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  PG_CONNECT_TIMEOUT_MS: positiveInt(5_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 24`)').optional(),
})

type EnvSource = Readonly<Record<string, string | undefined>>

/** Empty strings count as unset: `PORT= npm run …` should mean the default, not "0". */
function definedOnly(env: EnvSource): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') out[key] = value
  return out
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'} ${issue.message}`).join('\n')
}

/** The full configuration `serve` needs. Throws ConfigError naming every bad variable. */
export function loadConfig(env: EnvSource = process.env): ServerConfig {
  const parsed = envSchema.safeParse(definedOnly(env))
  if (!parsed.success) throw new ConfigError(`Invalid server configuration:\n${describeIssues(parsed.error)}`)
  const e = parsed.data
  if (e.SCHEMA_VERSION_MIN > e.SCHEMA_VERSION_MAX) {
    throw new ConfigError('Invalid server configuration:\n  SCHEMA_VERSION_MIN must not exceed SCHEMA_VERSION_MAX')
  }
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    host: e.HOST,
    port: e.PORT,
    authSecret: e.AUTH_SECRET,
    accessTokenTtlMs: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlMs: e.REFRESH_TOKEN_TTL,
    bodyLimitBytes: e.BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
    loginFailureWindowMs: e.LOGIN_FAILURE_WINDOW,
    loginMaxConcurrent: e.LOGIN_MAX_CONCURRENT,
    refreshTokenMaxAgeMs: e.REFRESH_TOKEN_MAX_AGE,
    refreshGraceMs: e.REFRESH_GRACE,
    sseHeartbeatMs: e.SSE_HEARTBEAT,
    schemaVersions: { min: e.SCHEMA_VERSION_MIN, max: e.SCHEMA_VERSION_MAX },
    pgPoolMax: e.PG_POOL_MAX,
    pgStatementTimeoutMs: e.PG_STATEMENT_TIMEOUT_MS,
    pgConnectTimeoutMs: e.PG_CONNECT_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN ?? null,
    files: filesConfig(env),
  }
}

function filesConfig(env: EnvSource): FileConfig {
  try {
    return fileConfigFrom(env)
  } catch (error) {
    throw new ConfigError(`Invalid server configuration:\n${(error as Error).message}`)
  }
}

/** `migrate` and `create-user` only touch PostgreSQL: they must not demand AUTH_SECRET. */
export function loadDatabaseUrl(env: EnvSource = process.env): string {
  const parsed = z.object({ DATABASE_URL: postgresUrl }).safeParse(definedOnly(env))
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describeIssues(parsed.error)}`)
  return parsed.data.DATABASE_URL
}

/** What the maintenance commands (gc, archive) need: PostgreSQL, and Redis for their singleton lock. */
export function loadJobConfig(env: EnvSource = process.env): Pick<ServerConfig, 'databaseUrl' | 'redisUrl' | 'redisPrefix'> {
  const parsed = envSchema.pick({ DATABASE_URL: true, REDIS_URL: true, REDIS_PREFIX: true }).safeParse(definedOnly(env))
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describeIssues(parsed.error)}`)
  return { databaseUrl: parsed.data.DATABASE_URL, redisUrl: parsed.data.REDIS_URL, redisPrefix: parsed.data.REDIS_PREFIX }
}
