/**
 * Fixed numbers of the file protocol (docs/sync-protocol.md § Files), shared by the server and the device so the two
 * cannot disagree on how a file is cut into chunks.
 */

/** Every chunk but the last is exactly this long; the last holds the remainder. 1 MiB: one request per MiB resumes cheaply. */
export const FILE_CHUNK_BYTES = 1024 * 1024

/** Default per-file limit (the server's FILES_MAX_BYTES overrides it; the device learns the server's value from a 413). */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024

/** Bytes of a file's start the signature check reads. */
export const SIGNATURE_HEAD_BYTES = 64

export const SHA256_PATTERN = /^[0-9a-f]{64}$/

export function chunkCount(size: number): number {
  return size === 0 ? 1 : Math.ceil(size / FILE_CHUNK_BYTES)
}

/** Length chunk `n` of a file of `size` bytes must have. */
export function chunkLength(size: number, n: number): number {
  const count = chunkCount(size)
  if (n < 0 || n >= count) return -1
  return n < count - 1 ? FILE_CHUNK_BYTES : size - FILE_CHUNK_BYTES * (count - 1)
}

/** Why the server refused a file, as stable codes the device shows translated in the sync panel. */
export const FILE_REJECT_REASONS = ['too_large', 'type_mismatch', 'hash_mismatch', 'bad_name', 'rate_limited'] as const
export type FileRejectReason = (typeof FILE_REJECT_REASONS)[number]

/**
 * Proof of possession (docs/sync-protocol.md §7a): a device adding a file the server already holds must show it has
 * the bytes, not just their SHA-256. The server picks a random nonce and CHALLENGE_RANGES ranges of
 * CHALLENGE_RANGE_BYTES at random offsets (the whole file when it is smaller than that); the answer is the lower-case
 * hex SHA-256 of the nonce's bytes followed by the bytes of each range in order.
 */
export const CHALLENGE_RANGES = 8
export const CHALLENGE_RANGE_BYTES = 4096

export interface ByteRange {
  readonly offset: number
  readonly length: number
}

export interface PossessionChallenge {
  /** Hex, 32 random bytes. */
  readonly nonce: string
  readonly ranges: readonly ByteRange[]
}

/** The ranges a challenge asks for, given a random integer source `pick(max)` → [0, max). */
export function challengeRanges(size: number, pick: (max: number) => number): ByteRange[] {
  if (size === 0) return []
  if (size <= CHALLENGE_RANGES * CHALLENGE_RANGE_BYTES) return [{ offset: 0, length: size }]
  const ranges: ByteRange[] = []
  for (let i = 0; i < CHALLENGE_RANGES; i += 1) ranges.push({ offset: pick(size - CHALLENGE_RANGE_BYTES + 1), length: CHALLENGE_RANGE_BYTES })
  return ranges
}

/** Largest offline-file budget a device accepts (1 TiB: more than any laptop's disk; larger is a typo). */
export const MAX_PREFETCH_BUDGET_BYTES = 1024 ** 4
const MEGABYTE = 1024 * 1024

/**
 * The offline-file budget as the user types it, in whole megabytes (digits, thousands separators allowed), as bytes;
 * null when it is not a whole number from 0 to MAX_PREFETCH_BUDGET_BYTES (the settings form says so and saves nothing).
 */
export function prefetchBudgetFromMegabytes(text: string): number | null {
  const digits = text.trim().replace(/,/g, '')
  if (!/^\d{1,9}$/.test(digits)) return null
  const bytes = Number(digits) * MEGABYTE
  return bytes <= MAX_PREFETCH_BUDGET_BYTES ? bytes : null
}
