/**
 * Deterministic UUIDv7-shaped ids. The app makes real v7 ids (time + crypto randomness); demo rows need the same
 * shape but reproducible values, so the 74 random bits come from the seeded PRNG and the 48-bit time prefix is the
 * row's own creation time — ids stay time-ordered like real ones and index just as compactly.
 */
import { newRecordCode, type RecordCodeKind } from '../shared/ids/record-code'
import { hash128, type Random } from './prng'

const HEX = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export function isDemoUuidV7(value: string): boolean {
  return HEX.test(value)
}

/** A UUIDv7 for the given Unix time in milliseconds with PRNG randomness. */
export function demoUuidV7(random: Random, timeMs: number): string {
  const ms = Math.max(0, Math.floor(timeMs))
  const timeHex = ms.toString(16).padStart(12, '0').slice(-12)
  const randA = random.hex(3)
  const variant = (8 + (random.nextUint32() & 3)).toString(16)
  const randB = random.hex(15)
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7${randA}-${variant}${randB.slice(0, 3)}-${randB.slice(3, 15)}`
}

/**
 * A fixed, readable id for well-known demo rows (demo accounts): v7-shaped with the given time and a
 * recognisable tail so the ids can be written into tests and docs.
 */
export function fixedDemoId(timeMs: number, serial: number): string {
  const timeHex = timeMs.toString(16).padStart(12, '0').slice(-12)
  const tail = serial.toString(16).padStart(12, '0')
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7000-8000-${tail}`
}

/**
 * The record code of a demo row, in the app's one format per kind (src/shared/ids/record-code.ts). The "random" bytes
 * are a hash of the row's seeded id, so the same seed gives the same codes without drawing from any table's PRNG
 * stream (adding a code never shifts other demo values).
 */
export function demoRecordCode(kind: RecordCodeKind, rowId: string): string {
  const words = hash128(rowId)
  return newRecordCode(kind, (bytes) => {
    // 12 bytes from the 16 the hash gives: one hash per code keeps seeding a 20k-row demo fast.
    for (let i = 0; i < bytes.length; i++) bytes[i] = (words[i >> 2]! >>> (8 * (i & 3))) & 0xff
  })
}
