/**
 * Free disk space, for naming a full disk ("disk full: N MB needed") and for checking before a first sync whether the
 * replica will fit. Electron-free (node:fs statfs).
 */
import { statfsSync } from 'node:fs'

const MB = 1024 * 1024

/** Bytes free for this user on the file system holding `dir`; null when the platform cannot tell. */
export function freeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir)
    return Number(stats.bavail) * Number(stats.bsize)
  } catch {
    return null
  }
}

/** Whole megabytes, rounded up (a user is told "3 MB needed", never "0 MB"). */
export function toMegabytes(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / MB))
}

/** How much more space is needed for `requiredBytes` to fit in `dir` (0 when it fits, null when unknown). */
export function shortfallBytes(dir: string, requiredBytes: number): number | null {
  const free = freeBytes(dir)
  if (free === null) return null
  return Math.max(0, requiredBytes - free)
}

export const MEGABYTE = MB
