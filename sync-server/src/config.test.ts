import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, loadDatabaseUrl, loadJobConfig, parseDurationMs, parseSizeBytes } from './config'

const SECRET = 'x'.repeat(32)

describe('server configuration', () => {
  it('fills defaults for everything but DATABASE_URL and AUTH_SECRET', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1/crm', AUTH_SECRET: SECRET })
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      host: '127.0.0.1',
      port: 8787,
      accessTokenTtlMs: 15 * 60_000,
      refreshTokenTtlMs: 30 * 86_400_000,
      bodyLimitBytes: 20 * 1024 * 1024,
      loginMaxFailures: 5,
      sseHeartbeatMs: 15_000,
    })
  })

  it('names every missing or invalid variable in one error', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'short', PORT: 'eighty' })).toThrow(ConfigError)
    try {
      loadConfig({ AUTH_SECRET: 'short', PORT: 'eighty' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('DATABASE_URL')
      expect(message).toContain('AUTH_SECRET')
      expect(message).toContain('PORT')
    }
  })

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', AUTH_SECRET: SECRET, PORT: '' }).port).toBe(8787)
  })

  it('reads durations and sizes with units', () => {
    expect(parseDurationMs('900')).toBe(900_000)
    expect(parseDurationMs('15m')).toBe(900_000)
    expect(parseDurationMs('250ms')).toBe(250)
    expect(parseDurationMs('2 weeks')).toBeNull()
    expect(parseSizeBytes('20mb')).toBe(20 * 1024 * 1024)
    expect(parseSizeBytes('512KB')).toBe(512 * 1024)
    expect(parseSizeBytes('lots')).toBeNull()
  })

  it('reads the pool, statement timeout and metrics settings (operations)', () => {
    const base = { DATABASE_URL: 'postgres://h/db', AUTH_SECRET: SECRET }
    expect(loadConfig(base)).toMatchObject({ pgPoolMax: 10, pgStatementTimeoutMs: 30_000, pgConnectTimeoutMs: 5_000, metricsToken: null })
    expect(
      loadConfig({ ...base, PG_POOL_MAX: '25', PG_STATEMENT_TIMEOUT_MS: '0', PG_CONNECT_TIMEOUT_MS: '1500', METRICS_TOKEN: 'abcdefghijklmnopqrstuvwx' }),
    ).toMatchObject({ pgPoolMax: 25, pgStatementTimeoutMs: 0, pgConnectTimeoutMs: 1_500, metricsToken: 'abcdefghijklmnopqrstuvwx' })
    expect(() => loadConfig({ ...base, PG_POOL_MAX: '0', METRICS_TOKEN: 'short' })).toThrow(/PG_POOL_MAX[\s\S]*METRICS_TOKEN/)
  })

  it('lets gc and archive run with DATABASE_URL and Redis settings only', () => {
    expect(loadJobConfig({ DATABASE_URL: 'postgres://h/db', REDIS_PREFIX: 'x:' })).toEqual({
      databaseUrl: 'postgres://h/db',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'x:',
    })
  })

  it('lets migrate and create-user run without AUTH_SECRET', () => {
    expect(loadDatabaseUrl({ DATABASE_URL: 'postgresql://u@h/db' })).toBe('postgresql://u@h/db')
    expect(() => loadDatabaseUrl({})).toThrow(/DATABASE_URL/)
  })
})
