/**
 * Hybrid logical clock (HLC) stamps: `2026-11-25T07:39:39.123Z-0001-9f86d081884c7d65`
 * (ISO time in ms, 4-hex counter, 16-hex node id). Fixed width, so plain string comparison is causal-ish time order
 * with the node id as the final tie-breaker: two stamps from different devices are never equal.
 *
 * Physical time is injected so the clock can be tested (and skewed) deterministically.
 */

export type Hlc = string

const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/
const MAX_COUNTER = 0xffff

/** How far ahead of the server clock a stamp may be before the server clamps it (architecture §3). */
export const MAX_CLOCK_AHEAD_MS = 60_000

export interface HlcParts {
  readonly millis: number
  readonly counter: number
  readonly node: string
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value) && !Number.isNaN(Date.parse(value.slice(0, 24)))
}

export function parseHlc(stamp: Hlc): HlcParts {
  const match = HLC_PATTERN.exec(stamp)
  if (!match) throw new Error(`Not an HLC stamp: ${stamp}`)
  return { millis: Date.parse(match[1]!), counter: parseInt(match[2]!, 16), node: match[3]! }
}

export function formatHlc({ millis, counter, node }: HlcParts): Hlc {
  if (!/^[0-9a-f]{16}$/.test(node)) throw new Error(`HLC node id must be 16 hex digits: ${node}`)
  if (counter < 0 || counter > MAX_COUNTER) throw new Error(`HLC counter out of range: ${counter}`)
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`
}

/** A device's HLC node id: the random tail of its UUID, so stamps name the device that made them. */
export function nodeIdForDevice(deviceId: string): string {
  const hex = deviceId.replace(/-/g, '').toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`Not a UUID: ${deviceId}`)
  return hex.slice(16)
}

export interface HlcClock {
  /** A new stamp, greater than every stamp this clock has issued or observed. */
  tick(): Hlc
  /** Move past a remote stamp or a server time (ISO string or ms) so later local stamps sort after it. */
  observe(remote: Hlc | string | number): void
  /** The greatest stamp issued or observed so far (persist it so a restart never goes backwards). */
  last(): Hlc
}

export interface HlcClockOptions {
  readonly node: string
  readonly now?: () => number
  /** The last stamp persisted before a restart. */
  readonly initial?: Hlc | null
}

export function createHlcClock({ node, now = Date.now, initial }: HlcClockOptions): HlcClock {
  let state: HlcParts = initial ? { ...parseHlc(initial), node } : { millis: 0, counter: 0, node }

  const advance = (millis: number, counter: number): void => {
    // A counter overflow borrows the next millisecond rather than wrapping (wrapping would go backwards).
    state = counter > MAX_COUNTER ? { millis: millis + 1, counter: 0, node } : { millis, counter, node }
  }

  return {
    tick() {
      const physical = now()
      if (physical > state.millis) advance(physical, 0)
      else advance(state.millis, state.counter + 1)
      return formatHlc(state)
    },
    observe(remote) {
      const remoteMillis = typeof remote === 'number' ? remote : isHlc(remote) ? parseHlc(remote).millis : Date.parse(remote)
      if (Number.isNaN(remoteMillis)) return
      const remoteCounter = typeof remote === 'string' && isHlc(remote) ? parseHlc(remote).counter : 0
      if (remoteMillis > state.millis) advance(remoteMillis, remoteCounter)
      else if (remoteMillis === state.millis && remoteCounter > state.counter) advance(remoteMillis, remoteCounter)
    },
    last() {
      return formatHlc(state)
    },
  }
}

/**
 * The server keeps a device's change but never lets a fast clock win for a day: a stamp more than
 * MAX_CLOCK_AHEAD_MS ahead of the server is replaced by a fresh server stamp that keeps the device's node id,
 * so conflicts still name the right author and stamps from one push stay in order. `stamp` must be an HLC stamp
 * (isHlc).
 */
export function clampHlc(stamp: Hlc, serverClock: HlcClock, serverNow: number): Hlc {
  // Only the time is needed to keep a stamp: read from its first 24 characters, without matching the whole pattern
  // again. The caller has checked the stamp (isHlc: push.ts parses every mutation first), and a push clamps up to
  // 10,000 of them (issue 20). A stamp that is clamped is parsed in full, so a non-stamp still throws there.
  if (Date.parse(stamp.slice(0, 24)) <= serverNow + MAX_CLOCK_AHEAD_MS) return stamp
  const parts = parseHlc(stamp)
  const fresh = parseHlc(serverClock.tick())
  return formatHlc({ millis: fresh.millis, counter: fresh.counter, node: parts.node })
}
