import { afterEach, describe, expect, it } from 'vitest'
import { parseHlc } from '../../shared/sync/hlc'
import { createDeviceClock } from './clock'
import { createDeviceState } from './state'
import { createTempDir, openTestReplica, type TempDir } from '../../../test/support/device/fixtures'

const DEVICE = '0190a000-0000-7000-8000-00000000abcd'
const NODE = '800000000000abcd'

describe('device clock', () => {
  let dir: TempDir
  afterEach(() => dir.remove())

  it('persists the last stamp and never goes backwards across a restart, even when the wall clock does', () => {
    dir = createTempDir()
    const file = dir.file('clock.sqlite')
    let wall = Date.parse('2026-11-25T07:00:00.000Z')
    let replica = openTestReplica(file)
    let clock = createDeviceClock(createDeviceState(replica.sqlite), { deviceId: DEVICE, now: () => wall })
    const first = clock.tick()
    const second = clock.tick()
    expect(second > first).toBe(true)
    expect(parseHlc(second).node).toBe(NODE)
    replica.sqlite.close()

    wall -= 3_600_000 // the laptop's clock jumped back an hour while it was off
    replica = openTestReplica(file)
    clock = createDeviceClock(createDeviceState(replica.sqlite), { deviceId: DEVICE, now: () => wall })
    const afterRestart = clock.tick()
    expect(afterRestart > second).toBe(true)
    replica.sqlite.close()
  })

  it('observes server time so later local stamps sort after it', () => {
    dir = createTempDir()
    const replica = openTestReplica(dir.file('clock.sqlite'))
    const state = createDeviceState(replica.sqlite)
    const clock = createDeviceClock(state, { deviceId: DEVICE, now: () => Date.parse('2026-01-01T00:00:00.000Z') })
    clock.observe('2026-06-01T00:00:00.000Z')
    const stamp = clock.tick()
    expect(stamp > '2026-06-01T00:00:00.000Z').toBe(true)
    expect(state.get('hlc')).toBe(stamp)
    // Observing an older time changes nothing.
    clock.observe('2025-01-01T00:00:00.000Z')
    expect(state.get('hlc')).toBe(stamp)
    replica.sqlite.close()
  })

  it('rebinds to a new device id without going backwards', () => {
    dir = createTempDir()
    const replica = openTestReplica(dir.file('clock.sqlite'))
    const clock = createDeviceClock(createDeviceState(replica.sqlite), { deviceId: DEVICE, now: () => 1_000 })
    const before = clock.tick()
    clock.rebind('0190a000-0000-7000-8000-0000000000ff')
    const after = clock.tick()
    expect(parseHlc(after).node).toBe('80000000000000ff')
    expect(parseHlc(after).millis * 65536 + parseHlc(after).counter).toBeGreaterThan(parseHlc(before).millis * 65536 + parseHlc(before).counter)
    replica.sqlite.close()
  })
})
