/**
 * A Server-Sent Events stream over a raw Node response. Heartbeat comments keep proxies and load balancers from
 * closing an idle connection and let the client notice a dead one.
 */
import type { ServerResponse } from 'node:http'

export interface SseStream {
  event(name: string, data: unknown): void
  comment(text: string): void
  close(): void
  readonly closed: boolean
}

export interface SseOptions {
  readonly heartbeatMs: number
  /** Suggested reconnect delay for EventSource clients. */
  readonly retryMs?: number
  readonly onClose: () => void
  readonly headers?: Readonly<Record<string, string>>
}

export function openSseStream(res: ServerResponse, { heartbeatMs, retryMs = 5_000, onClose, headers = {} }: SseOptions): SseStream {
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses by default; an event must reach the device now.
    'x-accel-buffering': 'no',
  })
  let closed = false
  const write = (chunk: string): void => {
    if (!closed) res.write(chunk)
  }
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs)
  heartbeat.unref()
  const finish = (): void => {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    onClose()
  }
  res.on('close', finish)
  write(`retry: ${retryMs}\n\n`)

  return {
    event(name, data) {
      write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    comment(text) {
      write(`: ${text.replace(/\n/g, ' ')}\n\n`)
    },
    close() {
      if (closed) return
      res.end()
      finish()
    },
    get closed() {
      return closed
    },
  }
}
