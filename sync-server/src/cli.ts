/**
 * The server's one entry point: `npm run sync-server -- <command>`.
 *   migrate                      apply pending PostgreSQL migrations (DATABASE_URL)
 *   serve                        run the HTTP API (DATABASE_URL, REDIS_URL, PORT, AUTH_SECRET …; see README)
 *   create-user --email E --password P --name N --tier OPERATOR|MANAGER|EXECUTIVE [--role NAME]
 * Exit codes: 0 success, 1 failure, 2 usage or configuration error.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { ConfigError, loadConfig, loadDatabaseUrl } from './config'
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
                (홍길동); --role defaults to a role named after the tier, created if missing.`

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
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
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
    if (error instanceof DuplicateEmailError) {
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
