/**
 * Servers for tests: in-process (`startTestServer`, fast, gives access to the app and its connections) and as a
 * child process running the real CLI (`spawnServerProcess`, proves `npm run sync-server -- serve` works).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify'
import { loadConfig, type ServerConfig } from '../../src/config'
import { startServer } from '../../src/server'
import type { Services } from '../../src/services'
import { TEST_REDIS_URL } from './redis'

/** A fixed secret so tokens made by a test can be checked against any test server. */
export const TEST_AUTH_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export interface TestServerOptions {
  readonly databaseUrl: string
  readonly redisUrl?: string
  /** Give each test file its own (createTestRedisPrefix().prefix); two servers sharing one prefix share pokes. */
  readonly redisPrefix?: string
  /** Any other configuration, e.g. `{ loginMaxFailures: 3 }` or `{ sseHeartbeatMs: 200 }`. */
  readonly config?: Partial<ServerConfig>
  /** Extra route plugins (e.g. a test-only route). */
  readonly routes?: readonly FastifyPluginAsync[]
  /** Default: silent. Pass `{ level: 'debug' }` while debugging a test. */
  readonly logger?: FastifyServerOptions['logger']
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly app: FastifyInstance
  readonly services: Services
  readonly config: ServerConfig
  close(): Promise<void>
}

export function testConfig({ databaseUrl, redisUrl = TEST_REDIS_URL, redisPrefix, config = {} }: TestServerOptions): ServerConfig {
  const base = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix ?? `crm-test:${process.pid}:`,
    AUTH_SECRET: TEST_AUTH_SECRET,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
  })
  return { ...base, ...config }
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const config = testConfig(options)
  const running = await startServer(config, { logger: options.logger ?? false, routes: options.routes })
  return { url: running.url, app: running.app, services: running.services, config, close: running.close }
}

export interface ServerProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Everything the process wrote so far (stdout + stderr), for assertions and failure messages. */
  output(): string
  /** SIGTERM and wait for exit; resolves with the exit code (null if killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export interface SpawnOptions {
  readonly timeoutMs?: number
  /** Options for node itself, before the script (e.g. `--cpu-prof`, which Node refuses in NODE_OPTIONS). */
  readonly nodeArgs?: readonly string[]
  /** The checkout to run (default: this one); the A/B bench runs a baseline worktree beside it. */
  readonly cwd?: string
}

/**
 * Runs `tsx sync-server/src/cli.ts serve` with `env` (on top of PATH/HOME; AUTH_SECRET, HOST=127.0.0.1 and
 * LOG_LEVEL=info default here) on a free port, and resolves once GET /health answers 200.
 */
export async function spawnServerProcess(
  env: Record<string, string>,
  { timeoutMs = 30_000, nodeArgs = [], cwd = REPO_ROOT }: SpawnOptions = {},
): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort())
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'sync-server/src/cli.ts', 'serve'], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      AUTH_SECRET: TEST_AUTH_SECRET,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    return exited
  }

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server process exited with ${child.exitCode} before it was healthy:\n${output}`)
    try {
      const response = await fetch(`${url}/health`)
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop('SIGKILL')
      throw new Error(`server process not healthy within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, child, output: () => output, stop }
}

/** A port nobody listens on right now (ask the OS, then release it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
