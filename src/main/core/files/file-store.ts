/**
 * The device's file store: a directory of content-addressed files (`<dir>/<aa>/<sha256>`), beside the replica. A file
 * the user adds is copied here at once (so it opens offline, whatever happens to the original), and a downloaded file
 * lands here after its SHA-256 was checked. Writes go to a temporary name and are renamed, so a crash never leaves a
 * partial file under an address.
 */
import { createHash, randomUUID } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'

export interface FileStore {
  readonly dir: string
  has(sha256: string): boolean
  pathOf(sha256: string): string
  /** Where a download in progress is kept (resumed from its length). */
  partialPathOf(sha256: string): string
  /** Stores `bytes` under their SHA-256 (a no-op when already there) and returns the address. */
  put(bytes: Uint8Array): string
  /** Moves a verified download into place. */
  adopt(sha256: string, tempPath: string): void
  /** The first bytes of a stored file (signature checks). */
  head(sha256: string, length: number): Uint8Array
  /** A copy of the file under its own (sanitised) name, for the OS to pick the application by extension. */
  namedCopy(sha256: string, fileName: string): string
  /** Bytes used by stored files. */
  usage(): number
  remove(sha256: string): void
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function createFileStore(dir: string): FileStore {
  const folder = (sha256: string): string => join(dir, sha256.slice(0, 2))
  const pathOf = (sha256: string): string => join(folder(sha256), sha256)
  return {
    dir,
    has: (sha256) => existsSync(pathOf(sha256)),
    pathOf,
    partialPathOf: (sha256) => {
      mkdirSync(join(dir, 'partial'), { recursive: true })
      return join(dir, 'partial', sha256)
    },
    put(bytes) {
      const sha256 = sha256Of(bytes)
      if (existsSync(pathOf(sha256))) return sha256
      mkdirSync(folder(sha256), { recursive: true })
      const temp = join(folder(sha256), `.${randomUUID()}.part`)
      const fd = openSync(temp, 'w')
      try {
        writeFileSync(fd, bytes)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(temp, pathOf(sha256))
      return sha256
    },
    adopt(sha256, tempPath) {
      mkdirSync(folder(sha256), { recursive: true })
      renameSync(tempPath, pathOf(sha256))
    },
    head(sha256, length) {
      const fd = openSync(pathOf(sha256), 'r')
      try {
        const buffer = Buffer.alloc(length)
        const read = readSync(fd, buffer, 0, length, 0)
        return buffer.subarray(0, read)
      } finally {
        closeSync(fd)
      }
    },
    namedCopy(sha256, fileName) {
      const folderPath = join(dir, 'open', sha256.slice(0, 16))
      const target = join(folderPath, fileName)
      if (!existsSync(target)) {
        mkdirSync(folderPath, { recursive: true })
        copyFileSync(pathOf(sha256), target)
      }
      return target
    },
    usage() {
      if (!existsSync(dir)) return 0
      let total = 0
      for (const sub of readdirSync(dir)) {
        if (sub.length !== 2) continue
        for (const name of readdirSync(join(dir, sub))) if (!name.startsWith('.')) total += statSync(join(dir, sub, name)).size
      }
      return total
    },
    remove(sha256) {
      rmSync(pathOf(sha256), { force: true })
    },
  }
}
