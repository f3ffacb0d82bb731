/**
 * Replacing a small file so that a crash or power loss at any instant leaves either the old or the new content —
 * never an empty or torn file. Used for the sync tokens (a rotated refresh token that is lost or half written after
 * the server already rotated it signs the user out) and, synchronously, for the replica's key (a key lost in a power
 * cut after the encrypted database reached the disk makes every unsent edit unreadable for good).
 *
 * Steps: write a temporary file beside the target, fsync it (its bytes are on disk before the name points at them),
 * rename it over the target (atomic on POSIX and NTFS), fsync the directory (the rename itself is durable).
 */
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface DurableWriteOptions {
  /** File mode for the new file (0600 for secrets). */
  readonly mode?: number
}

/** Test hook: the steps that run, in order, so a test can "crash" between any two of them. */
export type DurableWriteStep = 'written' | 'synced' | 'renamed' | 'directory-synced'

let stepObserver: ((step: DurableWriteStep, file: string) => void) | null = null

/** For tests only: observe (or throw from) each step of every durable write. */
export function observeDurableWriteSteps(observer: ((step: DurableWriteStep, file: string) => void) | null): void {
  stepObserver = observer
}

export async function writeFileDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o600
  const temp = `${file}.${process.pid}.tmp`
  const handle = await open(temp, 'w', mode)
  try {
    // The mode given to open() is filtered by the umask and ignored for an existing leftover temp file.
    await handle.chmod(mode)
    await handle.writeFile(data)
    stepObserver?.('written', file)
    await handle.sync()
    stepObserver?.('synced', file)
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  await rename(temp, file)
  stepObserver?.('renamed', file)
  await syncDirectory(dirname(file))
  stepObserver?.('directory-synced', file)
}

/** fsync a directory so a rename in it survives power loss; Windows cannot open a directory for that (NTFS journals it). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The same steps, synchronously: for the replica key, which is made while the (synchronous) database opens. */
export function writeFileDurablySync(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): void {
  const mode = options.mode ?? 0o600
  const temp = `${file}.${process.pid}.tmp`
  const fd = openSync(temp, 'w', mode)
  try {
    fchmodSync(fd, mode)
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset)
    stepObserver?.('written', file)
    fsyncSync(fd)
    stepObserver?.('synced', file)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  renameSync(temp, file)
  stepObserver?.('renamed', file)
  if (process.platform !== 'win32') {
    const dir = openSync(dirname(file), 'r')
    try {
      fsyncSync(dir)
    } finally {
      closeSync(dir)
    }
  }
  stepObserver?.('directory-synced', file)
}
