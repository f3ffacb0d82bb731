/**
 * The harness's stand-in for the Electron preload, served to the page as /__crm/bridge.js (an IIFE built by vite).
 * Same `createCrmApi` as src/preload/index.ts; only the transport differs: each call is POST /__crm/<channel>, and the
 * push stream (changes, sync status) arrives as Server-Sent Events from GET /__crm/events, validated by the same code.
 */
import { createCrmApi } from '../../src/shared/ipc/api'
import { LIVE_TOPICS, type LiveTopic } from '../../src/shared/ipc/live'

const listeners = new Map<LiveTopic, Set<(payload: unknown) => void>>(LIVE_TOPICS.map((topic) => [topic, new Set()]))
let source: EventSource | null = null

/** One EventSource for the page, opened by the first subscription; the browser reconnects it by itself. */
function connect(): void {
  if (source) return
  source = new EventSource('/__crm/events')
  for (const topic of LIVE_TOPICS) {
    source.addEventListener(topic, (event) => {
      let payload: unknown
      try {
        payload = JSON.parse(String((event as { data?: unknown }).data))
      } catch {
        return
      }
      for (const listener of listeners.get(topic)!) listener(payload)
    })
  }
}

const crm = createCrmApi(
  async (channel, input) => {
    const response = await fetch(`/__crm/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    })
    return response.json()
  },
  (topic, listener) => {
    connect()
    listeners.get(topic)!.add(listener)
    return () => {
      listeners.get(topic)!.delete(listener)
    }
  },
)

// Like contextBridge: a frozen object on a non-writable property.
Object.defineProperty(globalThis, 'crm', { value: crm, writable: false, configurable: false, enumerable: true })
