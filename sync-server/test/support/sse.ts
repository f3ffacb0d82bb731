/** A minimal SSE client for tests: fetch + a line parser, with "wait for the next event named X". */

export interface SseEvent {
  /** `event:` name (`message` when absent); `comment` for `: …` lines. */
  readonly event: string
  readonly data: string
}

export interface SseReader {
  readonly status: number
  readonly headers: Headers
  /** Resolves with the next event of that name (or any event), rejects after timeoutMs. */
  next(event?: string, timeoutMs?: number): Promise<SseEvent>
  /** Every event received so far. */
  readonly events: readonly SseEvent[]
  close(): void
}

export async function readSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController()
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  const events: SseEvent[] = []
  const waiters: Array<{ event: string | undefined; resolve: (e: SseEvent) => void; from: number }> = []
  let consumed = 0

  const offer = (): void => {
    for (const waiter of [...waiters]) {
      const index = events.findIndex((e, i) => i >= waiter.from && (waiter.event === undefined || e.event === waiter.event))
      if (index >= 0) {
        waiters.splice(waiters.indexOf(waiter), 1)
        consumed = Math.max(consumed, index + 1)
        waiter.resolve(events[index]!)
      }
    }
  }

  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder()
      let buffer = ''
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true })
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            let event = 'message'
            const data: string[] = []
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) events.push({ event: 'comment', data: line.slice(1).trim() })
              else if (line.startsWith('event:')) event = line.slice(6).trim()
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
            }
            if (data.length > 0) events.push({ event, data: data.join('\n') })
            offer()
          }
        }
      } catch {
        // aborted by close()
      }
    })()
  }

  return {
    status: response.status,
    headers: response.headers,
    events,
    next(event, timeoutMs = 5_000) {
      return new Promise<SseEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(
            waiters.findIndex((w) => w.resolve === done),
            1,
          )
          reject(new Error(`no SSE event ${event ?? '(any)'} within ${timeoutMs} ms; got ${JSON.stringify(events)}`))
        }, timeoutMs)
        const done = (e: SseEvent): void => {
          clearTimeout(timer)
          resolve(e)
        }
        waiters.push({ event, resolve: done, from: consumed })
        offer()
      })
    },
    close() {
      controller.abort()
    },
  }
}
