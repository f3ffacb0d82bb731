/** startServer: connections + app + listen, and the matching orderly close (CLI `serve` and tests). */
import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify'
import pino from 'pino'
import { buildApp } from './app'
import type { ServerConfig } from './config'
import { createServices, type Services } from './services'

export interface RunningServer {
  readonly app: FastifyInstance
  readonly services: Services
  /** `http://host:port` actually bound (port 0 → the chosen port). */
  readonly url: string
  /** Stop accepting, finish in-flight requests, end SSE streams, then close Redis and PostgreSQL. */
  close(): Promise<void>
}

export interface StartServerOptions {
  readonly logger?: FastifyServerOptions['logger']
  readonly routes?: readonly FastifyPluginAsync[]
}

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const silent = options.logger === false
  const connectionLogger = pino({ level: silent ? 'silent' : config.logLevel, base: { component: 'connections' } })
  const services = createServices(config, connectionLogger)
  let app: FastifyInstance
  try {
    app = await buildApp({ config, ...services, logger: options.logger, routes: options.routes })
    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    await services.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  let closing: Promise<void> | undefined
  return {
    app,
    services,
    url: `http://${host}:${port}`,
    close() {
      closing ??= (async () => {
        // A keep-alive connection busy when close() began (an in-flight push) turns idle once its response is sent;
        // Node only closes the connections idle at the moment of close(), so keep closing the newly idle ones, or
        // the client's kept-alive socket would hold the shutdown until the force-exit timer.
        const sweep = setInterval(() => app.server.closeIdleConnections(), 100)
        try {
          await app.close()
        } finally {
          clearInterval(sweep)
        }
        await services.close()
      })()
      return closing
    },
  }
}
