/**
 * The device's hybrid logical clock, persisted in sync_state.
 *
 * Why persist every stamp: merge is last-writer-wins by HLC, so a stamp issued after a restart must sort after every
 * stamp issued before it — even if the laptop's wall clock jumped backwards in between (battery swap, manual change,
 * NTP correction). The stamp is written with `set`, which joins the caller's SQLite transaction: a stamp used by a
 * committed write is always persisted with it.
 */
import { createHlcClock, nodeIdForDevice, type Hlc, type HlcClock } from '../../shared/sync/hlc'
import { type DeviceState } from './state'

export interface DeviceClock extends HlcClock {
  /** The 16-hex node id of this device (the random tail of its device id). */
  readonly node: string
  /**
   * Switch to a new device id (a different person signed in on this machine gets a new one): later stamps carry the
   * new node id and still sort after every earlier stamp.
   */
  rebind(deviceId: string): void
  /** The wall clock this HLC reads, as ISO (for display columns such as created_at). */
  nowIso(): string
}

export interface DeviceClockOptions {
  readonly deviceId: string
  /** Injected physical time (tests skew it). */
  readonly now?: () => number
}

export function createDeviceClock(state: DeviceState, { deviceId, now = Date.now }: DeviceClockOptions): DeviceClock {
  let node = nodeIdForDevice(deviceId)
  let inner = createHlcClock({ node, now, initial: state.get('hlc') })
  let persisted: Hlc | null = state.get('hlc')

  const persist = (): void => {
    const last = inner.last()
    // Only ever move forward in storage too (observe() of an older time changes nothing).
    if (persisted === null || last > persisted) {
      state.set('hlc', last)
      persisted = last
    }
  }

  return {
    get node() {
      return node
    },
    rebind(nextDeviceId) {
      node = nodeIdForDevice(nextDeviceId)
      inner = createHlcClock({ node, now, initial: inner.last() })
    },
    tick() {
      const stamp = inner.tick()
      persist()
      return stamp
    },
    observe(remote) {
      inner.observe(remote)
      persist()
    },
    last() {
      return inner.last()
    },
    nowIso() {
      return new Date(now()).toISOString()
    },
  }
}
