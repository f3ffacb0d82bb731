import { describe, expect, it } from 'vitest'
import { createSseParser, type SseEvent } from './sse-parser'

describe('SSE parser', () => {
  it('handles chunks split anywhere, CRLF/CR/LF line ends, comments, multi-line data and non-JSON data', () => {
    const events: SseEvent[] = []
    let activity = 0
    const parser = createSseParser(
      (e) => events.push(e),
      () => (activity += 1),
    )
    const stream = 'retry: 5000\r\n\r\n: heartbeat\n\nevent: poke\ndata: {"at":\ndata: 1}\n\nevent: ready\rdata: hello\r\rdata: plain\n\n'
    for (const char of stream) parser.push(char)
    expect(events).toEqual([
      { event: 'poke', data: { at: 1 } },
      { event: 'ready', data: 'hello' },
      { event: 'message', data: 'plain' },
    ])
    expect(activity).toBeGreaterThan(0)
  })

  it('does not dispatch an event without data', () => {
    const events: SseEvent[] = []
    const parser = createSseParser((e) => events.push(e))
    parser.push('event: poke\n\n')
    expect(events).toEqual([])
  })
})
