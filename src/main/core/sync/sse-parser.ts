/**
 * Incremental Server-Sent Events parser (the WHATWG "event stream" format): chunks may split lines anywhere, lines end
 * in LF, CRLF or CR, `:` lines are comments (the server's heartbeats), an event is dispatched at a blank line.
 * We read SSE through fetch rather than EventSource because Node 20 has no EventSource and fetch lets us send the
 * access token in the Authorization header instead of the URL.
 */

export interface SseEvent {
  /** `event:` field; "message" when absent. */
  readonly event: string
  /** The `data:` lines joined by newlines, parsed as JSON when it is JSON. */
  readonly data: unknown
}

export interface SseParser {
  push(chunk: string): void
}

export function createSseParser(onEvent: (event: SseEvent) => void, onActivity?: () => void): SseParser {
  let buffer = ''
  let eventName = ''
  let data: string[] = []

  const dispatch = (): void => {
    const name = eventName || 'message'
    const text = data.join('\n')
    eventName = ''
    const had = data.length > 0
    data = []
    if (!had) return
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // Not JSON: hand over the text.
    }
    onEvent({ event: name, data: parsed })
  }

  const line = (text: string): void => {
    if (text === '') return dispatch()
    if (text.startsWith(':')) return onActivity?.()
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') eventName = value
    else if (field === 'data') data.push(value)
    // `id` and `retry` are ignored: we reconnect with our own backoff and always pull on reconnect anyway.
  }

  return {
    push(chunk) {
      buffer += chunk
      onActivity?.()
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer)
        if (!match) break
        // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
        if (match[0] === '\r' && match.index === buffer.length - 1) break
        line(buffer.slice(0, match.index))
        buffer = buffer.slice(match.index + match[0].length)
      }
    },
  }
}
