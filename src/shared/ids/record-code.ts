/**
 * Record codes (the short, human-readable `code` column: C-7K3M-9QXA-2BHT) — one generator, one format per kind, used
 * by the device for everything created offline and by the demo data generator.
 *
 * Format: `{PREFIX}-XXXX-XXXX-XXXX`, where the prefix names the kind (RECORD_CODE_PREFIX) and the 12 characters are
 * 60 random bits in Crockford base32 (digits and capitals without I, L, O, U, so a code read over the phone or typed
 * from paper cannot be misread). Devices cannot coordinate a counter offline and the server's unique index refuses a
 * duplicate, so the tail must be random enough never to clash: for n codes of one kind the chance of any clash is about
 * n² / 2^61 — 4·10⁻¹¹ for 10,000 created on two devices in the same second, 4·10⁻⁷ for a million over the product's
 * life. (The previous tails — 16 random bits per 256 ms, 24 bits per day — lost a few of every 5,000 offline creates.)
 * Should it still happen, the server keeps the row under the next free code and says so (push result `renamed`).
 *
 * Codes a person chooses (product and category catalogue codes such as P-LDR-101, teams, KPI definitions) are
 * theirs; this generator only fills a code nobody typed.
 */

/** The prefix of each kind of record whose code the app makes up. */
export const RECORD_CODE_PREFIX = {
  companies: 'C',
  branches: 'B',
  leads: 'LD',
  opportunities: 'OPP',
  contracts: 'CT',
  meetings: 'MT',
  projects: 'PJ',
  instructors: 'INS',
  products: 'P',
  product_categories: 'PC',
  campaigns: 'CP',
} as const

export type RecordCodeKind = keyof typeof RECORD_CODE_PREFIX

/** Crockford base32: 0-9 and A-Z without I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const GROUPS = 3
const GROUP_LENGTH = 4
/** 12 characters × 5 bits = 60 random bits. */
export const RECORD_CODE_RANDOM_BITS = GROUPS * GROUP_LENGTH * 5

function webRandomBytes(bytes: Uint8Array): void {
  globalThis.crypto.getRandomValues(bytes)
}

/**
 * A new code for a record of this kind. `randomBytes` is injectable: the demo generator passes bytes derived from the
 * row's seeded id so demo data stays reproducible.
 */
export function newRecordCode(kind: RecordCodeKind, randomBytes: (bytes: Uint8Array) => void = webRandomBytes): string {
  const bytes = new Uint8Array(GROUPS * GROUP_LENGTH)
  randomBytes(bytes)
  let tail = ''
  for (let i = 0; i < bytes.length; i++) {
    // Low 5 bits of each byte: uniform over the 32 symbols because 256 is a multiple of 32.
    if (i > 0 && i % GROUP_LENGTH === 0) tail += '-'
    tail += ALPHABET[(bytes[i] ?? 0) & 0x1f]
  }
  return `${RECORD_CODE_PREFIX[kind]}-${tail}`
}

const CODE_PATTERN = new RegExp(`^([A-Z]+)-([${ALPHABET}]{4})-([${ALPHABET}]{4})-([${ALPHABET}]{4})$`)

/** True when `code` has the generated format of this kind (codes people typed or imported may look otherwise). */
export function isGeneratedRecordCode(kind: RecordCodeKind, code: string): boolean {
  const match = CODE_PATTERN.exec(code)
  return match !== null && match[1] === RECORD_CODE_PREFIX[kind]
}
