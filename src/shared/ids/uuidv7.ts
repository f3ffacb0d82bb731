// RFC 9562 UUIDv7: 48-bit Unix time in ms, version 7, 12 bits rand_a, variant 10, 62 bits rand_b.
// Ids are created on the device and on the server alike, so they must sort by creation (compact B-tree inserts)
// and never collide without coordination.
//
// Monotonicity (RFC 9562 §6.2, method 1 "fixed-length dedicated counter"): rand_a and the top 30 bits of rand_b form a
// 42-bit counter. A new millisecond seeds it randomly with its top bit clear (≥ 2^41 increments of headroom); another
// id in the same millisecond — or after the clock stepped backwards — reuses the last timestamp and adds one. The low
// 32 bits of rand_b stay random in every id.

const COUNTER_BITS = 42
const COUNTER_MAX = 2 ** COUNTER_BITS - 1
const COUNTER_LOW_SPAN = 2 ** 30 // the counter's share of rand_b
const MAX_TIMESTAMP = 2 ** 48 - 1

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const NIL_UUID = '00000000-0000-0000-0000-000000000000'
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff'

export interface UuidV7Options {
  /** Current time in ms since the Unix epoch. */
  now?: () => number
  /** Fills the array with random bytes. */
  randomBytes?: (bytes: Uint8Array) => void
}

function webRandomBytes(bytes: Uint8Array): void {
  globalThis.crypto.getRandomValues(bytes)
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0')
}

/** Creates an independent generator; the clock and randomness can be injected for tests. */
export function createUuidV7Generator(options: UuidV7Options = {}): () => string {
  const now = options.now ?? Date.now
  const randomBytes = options.randomBytes ?? webRandomBytes
  const bytes = new Uint8Array(10)
  const view = new DataView(bytes.buffer)
  let lastTimestamp = -1
  let counter = 0

  return function uuidv7(): string {
    randomBytes(bytes)
    const clock = Math.floor(now())
    if (!Number.isSafeInteger(clock) || clock < 0 || clock > MAX_TIMESTAMP) {
      throw new RangeError(`uuidv7: clock out of range: ${clock}`)
    }
    let timestamp: number
    if (clock > lastTimestamp) {
      timestamp = clock
      // 41 random bits: the counter's top bit starts clear.
      counter = (view.getUint8(0) & 0x01) * 2 ** 40 + view.getUint8(1) * 2 ** 32 + view.getUint32(2)
    } else {
      timestamp = lastTimestamp
      counter += 1
      if (counter > COUNTER_MAX) {
        // 2^41 ids in one millisecond cannot happen in practice; RFC 9562 allows advancing the timestamp.
        timestamp += 1
        counter = 0
      }
    }
    lastTimestamp = timestamp

    // rand_a = the counter's top 12 bits; rand_b = variant 10, the counter's low 30 bits, then 32 random bits.
    const randA = Math.floor(counter / COUNTER_LOW_SPAN)
    const counterLow = counter % COUNTER_LOW_SPAN
    const variantAndHigh = 0x8000 | (counterLow >>> 16)
    const midCounter = counterLow & 0xffff
    const random32 = view.getUint32(6)

    const timeHex = hex(timestamp, 12)
    return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-` + `7${hex(randA, 3)}-` + `${hex(variantAndHigh, 4)}-${hex(midCounter, 4)}${hex(random32, 8)}`
  }
}

/** A new UUIDv7 string (lowercase), increasing within this process. */
export const uuidv7: () => string = createUuidV7Generator()

/** True for any RFC 9562 UUID: versions 1–8 with the RFC variant, and the nil and max UUIDs. Case-insensitive. */
export function isUuid(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 36) return false
  const lower = value.toLowerCase()
  return UUID_PATTERN.test(value) || lower === NIL_UUID || lower === MAX_UUID
}

/** The creation time (ms since epoch) carried by a UUIDv7, or null for anything else. */
export function uuidv7Timestamp(id: string): number | null {
  if (!isUuid(id) || id[14] !== '7') return null
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)
}
