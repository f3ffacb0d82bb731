// Deterministic ids for rows that stand for a natural pair (class, trainee): attendance_records and enrollments.
//
// Why: two coordinators may mark the same trainee in the same class offline. With random ids each device creates its
// own row, and the server refuses the second create on the partial unique index (class_id, trainee_id) — one mark is
// lost behind a rejection. With the id derived from the pair, both devices write the SAME row id, so the server merges
// the two writes per field (last HLC stamp wins, the loser is kept in sync_conflicts) like any concurrent edit.
//
// Format: RFC 9562 UUIDv5 (SHA-1 of a namespace UUID + a name). SHA-1 here is a name hash, not a security measure; it
// is implemented in plain JS because src/shared may not import node built-ins and Web Crypto's digest is async, while
// the repositories write inside synchronous SQLite transactions.

/** Namespace of CRM AUGU's pair ids (a fixed random UUID; changing it would change every derived id). */
export const PAIR_ID_NAMESPACE = '6f1d3c2a-8b4e-4f0a-9c7d-2e5b1a9f3c64'

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits))
}

/** SHA-1 (FIPS 180-4) of a byte string, 20 bytes. */
export function sha1(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64
  const padded = new Uint8Array(paddedLength)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  // Message length in bits, big-endian 64-bit; inputs here are far below 2^32 bits.
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 2 ** 32))
  view.setUint32(paddedLength - 4, bitLength >>> 0)

  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const w = new Uint32Array(80)
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4)
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1)
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let i = 0; i < 80; i++) {
      let f: number
      let k: number
      if (i < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (i < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6
      }
      const temp = (rotl(a, 5) + f + e + k + w[i]!) >>> 0
      e = d
      d = c
      c = rotl(b, 30) >>> 0
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const out = new Uint8Array(20)
  const outView = new DataView(out.buffer)
  ;[h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h))
  return out
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`not a UUID: ${uuid}`)
  const bytes = new Uint8Array(16)
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/** RFC 9562 UUIDv5: SHA-1(namespace bytes ‖ UTF-8 name), version 5, variant 10. Lowercase. */
export function uuidv5(name: string, namespace: string): string {
  const ns = uuidBytes(namespace)
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(ns.length + nameBytes.length)
  input.set(ns)
  input.set(nameBytes, ns.length)
  const hash = sha1(input).slice(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The tables whose rows are one per (class, trainee). The table name is part of the hash, so the ids differ. */
export type PairTable = 'attendance_records' | 'enrollments' | 'project_team_members'

/**
 * The id of the row of `table` for (classId, traineeId): the same on every device, for ever. Ids are lowercased first
 * so an upper-case spelling of the same UUID gives the same row.
 */
export function pairId(table: PairTable, classId: string, traineeId: string): string {
  uuidBytes(classId)
  uuidBytes(traineeId)
  return uuidv5(`${table}:${classId.toLowerCase()}:${traineeId.toLowerCase()}`, PAIR_ID_NAMESPACE)
}

/**
 * The id of a meeting's minutes (회의록): one per meeting (the server's unique index among live rows), so two people
 * writing the minutes of the same meeting offline write the *same* row and the server merges them field by field
 * instead of rejecting the second create. Minutes pulled with another id (older rows) are updated in place.
 */
export function minutesId(meetingId: string): string {
  uuidBytes(meetingId)
  return uuidv5(`meeting_minutes:${meetingId.toLowerCase()}`, PAIR_ID_NAMESPACE)
}
