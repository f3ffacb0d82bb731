import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { clampHlc, createHlcClock, formatHlc, isHlc, nodeIdForDevice, parseHlc, MAX_CLOCK_AHEAD_MS } from './hlc'

const NODE_A = '9f86d081884c7d65'
const NODE_B = '0000000000000001'

describe('HLC stamps', () => {
  it('formats as the documented fixed-width string', () => {
    const stamp = formatHlc({ millis: Date.parse('2026-11-25T07:39:39.123Z'), counter: 1, node: NODE_A })
    expect(stamp).toBe('2026-11-25T07:39:39.123Z-0001-9f86d081884c7d65')
    expect(isHlc(stamp)).toBe(true)
    expect(parseHlc(stamp)).toEqual({ millis: Date.parse('2026-11-25T07:39:39.123Z'), counter: 1, node: NODE_A })
  })

  it('rejects malformed stamps', () => {
    for (const bad of [
      '',
      'x',
      '2026-11-25T07:39:39Z-0001-9f86d081884c7d65',
      '2026-11-25T07:39:39.123Z-001-9f86d081884c7d65',
      '2026-11-25T07:39:39.123Z-0001-9F86D081884C7D65',
    ])
      expect(isHlc(bad)).toBe(false)
  })

  it('string order equals (time, counter, node) order', () => {
    const parts = fc.record({
      millis: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      node: fc.constantFrom(NODE_A, NODE_B, 'ffffffffffffffff'),
    })
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts = a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0
        expect(Math.sign(byString)).toBe(Math.sign(byParts))
      }),
    )
  })

  it('derives a device node id from the random tail of its UUID', () => {
    expect(nodeIdForDevice('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('8a9b0c1d2e3f4a5b')
    expect(() => nodeIdForDevice('not-a-uuid')).toThrow()
  })
})

describe('HLC clock', () => {
  it('never goes backwards, even when the wall clock does', () => {
    let now = 1_000_000
    const clock = createHlcClock({ node: NODE_A, now: () => now })
    const a = clock.tick()
    now -= 5_000
    const b = clock.tick()
    now += 1
    const c = clock.tick()
    expect(a < b && b < c).toBe(true)
  })

  it('moves past every remote stamp and server time it observes', () => {
    const clock = createHlcClock({ node: NODE_A, now: () => 1_000 })
    const remote = formatHlc({ millis: 90_000, counter: 7, node: NODE_B })
    clock.observe(remote)
    expect(clock.tick() > remote).toBe(true)
    clock.observe(new Date(500_000).toISOString())
    expect(parseHlc(clock.tick()).millis).toBe(500_000)
  })

  it('resumes after a restart from the persisted stamp', () => {
    const before = createHlcClock({ node: NODE_A, now: () => 2_000 })
    const last = before.tick()
    const after = createHlcClock({ node: NODE_A, now: () => 1_000, initial: last })
    expect(after.tick() > last).toBe(true)
  })

  it('borrows the next millisecond when the counter would overflow', () => {
    const clock = createHlcClock({ node: NODE_A, now: () => 10, initial: formatHlc({ millis: 10, counter: 0xffff, node: NODE_A }) })
    expect(parseHlc(clock.tick())).toEqual({ millis: 11, counter: 0, node: NODE_A })
  })

  it('issues strictly increasing stamps under any interleaving of ticks and observations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant<'tick'>('tick'), fc.integer({ min: 0, max: 10_000 })), { maxLength: 200 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 20 }),
        (ops, drift) => {
          let t = 5_000
          let i = 0
          const clock = createHlcClock({ node: NODE_A, now: () => (t += drift[i++ % drift.length]!) })
          let previous = ''
          for (const op of ops) {
            if (op === 'tick') {
              const stamp = clock.tick()
              expect(stamp > previous).toBe(true)
              previous = stamp
            } else clock.observe(op)
          }
        },
      ),
    )
  })
})

describe('clamping', () => {
  const server = () => createHlcClock({ node: 'aaaaaaaaaaaaaaaa', now: () => 1_000_000 })

  it('keeps stamps up to a minute ahead', () => {
    const stamp = formatHlc({ millis: 1_000_000 + MAX_CLOCK_AHEAD_MS, counter: 3, node: NODE_A })
    expect(clampHlc(stamp, server(), 1_000_000)).toBe(stamp)
  })

  it('clamps a stamp one millisecond past the minute, and throws for what is no stamp', () => {
    const stamp = formatHlc({ millis: 1_000_000 + MAX_CLOCK_AHEAD_MS + 1, counter: 3, node: NODE_A })
    expect(parseHlc(clampHlc(stamp, server(), 1_000_000))).toEqual({ millis: 1_000_000, counter: 0, node: NODE_A })
    expect(() => clampHlc('not a stamp', server(), 1_000_000)).toThrow('Not an HLC stamp')
  })

  it('clamps a stamp a day ahead to server time, keeping the author and the order within a push', () => {
    const clock = server()
    const day = 86_400_000
    const first = clampHlc(formatHlc({ millis: 1_000_000 + day, counter: 0, node: NODE_A }), clock, 1_000_000)
    const second = clampHlc(formatHlc({ millis: 1_000_000 + day, counter: 1, node: NODE_A }), clock, 1_000_000)
    expect(parseHlc(first).millis).toBe(1_000_000)
    expect(parseHlc(first).node).toBe(NODE_A)
    expect(second > first).toBe(true)
  })
})
