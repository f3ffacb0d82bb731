/**
 * Replacing a small file so that a crash or power loss at any instant leaves either the old or the new content —
 * never an empty or torn file. Used for the sync tokens: a rotated refresh token that is lost (or half written) after
 * the server already rotated it signs the user out.
 *
 * Steps: write a temporary file beside the target, fsync it (its bytes are on disk before the name points at them),
 * rename it over the target (atomic on POSIX and NTFS), fsync the directory (the rename itself is durable).
 */
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
