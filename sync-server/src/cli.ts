/**
 * The server's one entry point: `npm run sync-server -- <command>`.
 *   migrate                      apply pending PostgreSQL migrations (DATABASE_URL)
 *   serve                        run the HTTP API (DATABASE_URL, REDIS_URL, PORT, AUTH_SECRET …; see README)
 *   create-user --email E --password P --name N --tier OPERATOR|MANAGER|EXECUTIVE [--role NAME]
 *   seed-demo --scale N [--seed S] [--password P]
 *   revoke-device --device ID [--wipe]
 *   gc --horizon-days N
 *   archive --older-than-days N [--batch-size B]
 *   backup                       prints the backup and restore guidance
 * Exit codes: 0 success, 1 failure, 2 usage or configuration error.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DEFAULT_DEMO_PASSWORD } from '../../src/demo'
import { DatabaseNotEmptyError } from '../demo/seed-server'
import { ConfigError, loadConfig, loadDatabaseUrl, loadJobConfig } from './config'
import { archiveCommand, BACKUP_GUIDE, gcCommand, revokeDeviceCommand, seedDemoCommand } from './ops/commands'
import { startServer } from './server'
import { createPool } from '../db/pool'
import { migrateServer } from '../db/migrate'
import { createUser, DuplicateEmailError, newUserSchema } from './users/create-user'

const USAGE = `Usage: npm run sync-server -- <command>

Commands:
  migrate       Apply pending database migrations (needs DATABASE_URL)
  serve         Start the sync server (needs DATABASE_URL and AUTH_SECRET; see sync-server/README.md)
  create-user   --email E --password P --name N --tier OPERATOR|MANAGER|EXECUTIVE [--role NAME]
                Create a user who can sign in (needs DATABASE_URL). --name is family name first
                (홍길동); --role defaults to a role named after the tier, created if missing.
  seed-demo     --scale N [--seed S] [--password P]
                Migrate, then fill an empty database with demo data and give the demo accounts password P
                (default ${DEFAULT_DEMO_PASSWORD}).
  revoke-device --device ID [--wipe]
                End every session of a device and refuse it from now on (a lost or stolen laptop). With --wipe
                the device also erases its copy of the data on its next contact (its unsent edits are lost).
  gc            --horizon-days N
                Delete tombstones and change-log entries older than N days; devices whose cursor is older
                re-sync fully on their next pull. Safe to run from several hosts (Redis lock).
  archive       --older-than-days N [--batch-size B]
                Move closed opportunities, finished projects and old activities into the archive tables.
  backup        Print the backup and restore procedure (pg_dump, pg_basebackup + WAL archiving).`

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

class UsageError extends Error {}

async function migrate(): Promise<number> {
  const url = loadDatabaseUrl()
  await migrateServer(url)
  console.log('Database migrated: all migrations are applied.')
  return EXIT_OK
}

async function serve(): Promise<number> {
  const config = loadConfig()
  const server = await startServer(config)
  server.app.log.info({ url: server.url, bodyLimitBytes: config.bodyLimitBytes }, 'sync server listening')

  // Graceful shutdown: stop accepting, let in-flight requests finish, end SSE streams, close Redis and PostgreSQL.
  // A second signal (or 15 s) forces the exit.
  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        server.app.log.warn({ signal }, 'second signal: exiting now')
        process.exit(EXIT_FAILURE)
      }
      stopping = true
      server.app.log.info({ signal }, 'shutting down')
      const force = setTimeout(() => {
        server.app.log.error('shutdown took longer than 15 s: exiting')
        process.exit(EXIT_FAILURE)
      }, 15_000)
      force.unref()
      server.close().then(
        () => {
          console.log('Sync server stopped.')
          resolve(EXIT_OK)
        },
        (error: unknown) => {
          server.app.log.error({ err: error }, 'error while shutting down')
          resolve(EXIT_FAILURE)
        },
      )
    }
    // `on`, not `once`: a second signal must reach `stop` (and force the exit), not the default handler.
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}

async function createUserCommand(args: readonly string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...args],
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        tier: { type: 'string' },
        role: { type: 'string' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const parsed = newUserSchema.safeParse(values)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new UsageError(`Invalid create-user arguments:\n${problems}`)
  }
  const pool = createPool(loadDatabaseUrl())
  try {
    const user = await createUser(pool, { ...parsed.data })
    if (user.roleCreated) console.log(`Created role ${parsed.data.role ?? user.tier} (id ${user.roleId}).`)
    console.log(`Created user ${user.email} (${user.lastName}${user.firstName}, ${user.tier}) with id ${user.id}.`)
    return EXIT_OK
  } finally {
    await pool.end()
  }
}

function parseOptions(args: readonly string[], options: Record<string, { type: 'string' }>): Record<string, string | undefined> {
  try {
    return parseArgs({ args: [...args], options, strict: true }).values as Record<string, string | undefined>
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/** A whole number ≥ min from a flag, or a usage error naming the flag. */
function intFlag(values: Record<string, string | undefined>, name: string, { min = 0, fallback }: { min?: number; fallback?: number } = {}): number {
  const text = values[name]
  if (text === undefined) {
    if (fallback !== undefined) return fallback
    throw new UsageError(`--${name} is required`)
  }
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`)
  return Number(text)
}

async function seedDemo(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, { scale: { type: 'string' }, seed: { type: 'string' }, password: { type: 'string' } })
  const scale = intFlag(values, 'scale', { min: 1 })
  const password = values.password ?? DEFAULT_DEMO_PASSWORD
  if (password.length < 8) throw new UsageError('--password must be at least 8 characters')
  await seedDemoCommand(loadDatabaseUrl(), { scale, seed: values.seed ?? '1', password })
  return EXIT_OK
}

async function revokeDeviceCli(args: readonly string[]): Promise<number> {
  // --wipe is the one boolean flag of the CLI: taken out before the string options are parsed.
  const wipe = args.includes('--wipe')
  const values = parseOptions(
    args.filter((arg) => arg !== '--wipe'),
    { device: { type: 'string' } },
  )
  const device = values.device
  if (!device || !z.uuid().safeParse(device).success) throw new UsageError('--device must be a device id (a UUID)')
  return (await revokeDeviceCommand(loadDatabaseUrl(), device.toLowerCase(), wipe)) ? EXIT_OK : EXIT_FAILURE
}

async function gc(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, { 'horizon-days': { type: 'string' } })
  const days = intFlag(values, 'horizon-days')
  await gcCommand(loadJobConfig(), days)
  return EXIT_OK
}

async function archive(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, { 'older-than-days': { type: 'string' }, 'batch-size': { type: 'string' } })
  const days = intFlag(values, 'older-than-days')
  const batchSize = intFlag(values, 'batch-size', { min: 1, fallback: 500 })
  await archiveCommand(loadJobConfig(), days, batchSize)
  return EXIT_OK
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'migrate':
        return await migrate()
      case 'serve':
        return await serve()
      case 'create-user':
        return await createUserCommand(rest)
      case 'seed-demo':
        return await seedDemo(rest)
      case 'revoke-device':
        return await revokeDeviceCli(rest)
      case 'gc':
        return await gc(rest)
      case 'archive':
        return await archive(rest)
      case 'backup':
        console.log(BACKUP_GUIDE)
        return EXIT_OK
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE)
        return command === undefined ? EXIT_USAGE : EXIT_OK
      default:
        throw new UsageError(`Unknown command: ${command}`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`)
      return EXIT_USAGE
    }
    if (error instanceof ConfigError) {
      console.error(error.message)
      return EXIT_USAGE
    }
    if (error instanceof DuplicateEmailError || error instanceof DatabaseNotEmptyError) {
      console.error(`Error: ${error.message}`)
      return EXIT_FAILURE
    }
    if (error instanceof z.ZodError) {
      console.error(`Error: ${error.issues.map((issue) => issue.message).join('; ')}`)
      return EXIT_USAGE
    }
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT_FAILURE
  }
}

// Run only when executed (tsx sync-server/src/cli.ts …), not when imported by a test.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = EXIT_FAILURE
    },
  )
}
