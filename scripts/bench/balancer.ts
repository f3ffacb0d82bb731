/**
 * A round-robin HTTP balancer for bench scenario 10 (scale-out), run as its own process:
 *
 *   node --import tsx scripts/bench/balancer.ts http://127.0.0.1:4001 http://127.0.0.1:4002
 *
 * Listens on 127.0.0.1 (an ephemeral port, or BALANCER_PORT) and prints `listening <port>` once ready. Each request
 * goes to the next upstream in turn (per request, not per connection: a device's keep-alive connection still spreads
 * its pushes and pulls over the instances, as nginx's default round robin does). Bodies are piped both ways and never
 * buffered, so an SSE response reaches the client event by event; a client that goes away ends its upstream request
 * (the instance sees the stream close). Upstream connections are kept alive and unlimited in number.
 *
 * Not a production proxy: no retries, health checks or header rewriting beyond the hop-by-hop ones.
 */
import http from 'node:http'

const upstreams = process.argv.slice(2).map((raw) => new URL(raw))
if (upstreams.length === 0) {
  process.stderr.write('usage: balancer.ts <upstream url>...\n')
  process.exit(2)
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 })
/** RFC 9110 §7.6.1: meaningful for one connection only, never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'])

function forwardable(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value
  return out
}

let next = 0
const served = upstreams.map(() => 0)

const server = http.createServer((req, res) => {
  const index = next++ % upstreams.length
  const target = upstreams[index]!
  served[index]! += 1
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...forwardable(req.headers), 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      agent,
    },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, forwardable(upstreamRes.headers))
      // Headers at once (an SSE stream's first event may come much later), then every chunk as it arrives.
      res.flushHeaders()
      upstreamRes.pipe(res)
      upstreamRes.on('error', () => res.destroy())
    },
  )
  upstream.on('error', (error) => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`balancer: upstream ${target.host} failed: ${error.message}`)
    } else res.destroy()
  })
  // The client went away (an SSE reader closed): end the upstream request so the instance closes its stream.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy()
  })
  req.pipe(upstream)
})
// SSE responses stay open for minutes; the request side is bounded by Node's defaults (headers, request timeouts).
server.keepAliveTimeout = 30_000
server.headersTimeout = 35_000
server.listen(Number(process.env.BALANCER_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`)
})

// `kill -USR2 <pid>`: how many requests each upstream got, on stderr.
process.on('SIGUSR2', () => process.stderr.write(`served ${served.join(' ')}\n`))
process.on('SIGTERM', () => {
  process.stderr.write(`served ${served.join(' ')}\n`)
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
