/**
 * Where the device keeps its server tokens. The local core only sees this interface: the Electron layer provides a
 * safeStorage-backed store (OS keychain encryption); tests and the dev harness use FileTokenStore. Tokens live in the
 * main process only — they are never sent to the renderer.
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { writeFileDurably } from '../files/durable-write'

export interface StoredTokens {
  readonly accessToken: string
  readonly refreshToken: string
  /** Whose tokens these are: a store never hands one user's tokens to another's session. */
  readonly userId: string
  readonly serverUrl: string
}

export interface TokenStore {
  load(): Promise<StoredTokens | null>
  save(tokens: StoredTokens): Promise<void>
  clear(): Promise<void>
}

const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  userId: z.string().min(1),
  serverUrl: z.string().min(1),
})

/**
 * Plain JSON file, mode 0600 (owner read/write only). For tests and development: production uses the OS keychain.
 * Writes are durable (temporary file, fsync, rename, directory fsync): killed or powered off right after the server
 * rotated the refresh token, the file holds the old or the new tokens, never an empty or torn file.
 */
export class FileTokenStore implements TokenStore {
  constructor(private readonly file: string) {}

  async load(): Promise<StoredTokens | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    // A corrupt or foreign file means "not signed in", never a crash at start-up.
    try {
      const parsed = storedTokensSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  async save(tokens: StoredTokens): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    await writeFileDurably(this.file, JSON.stringify(tokens), { mode: 0o600 })
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true })
  }
}

/** In memory, for unit tests. */
export class MemoryTokenStore implements TokenStore {
  private tokens: StoredTokens | null = null

  load(): Promise<StoredTokens | null> {
    return Promise.resolve(this.tokens)
  }

  save(tokens: StoredTokens): Promise<void> {
    this.tokens = tokens
    return Promise.resolve()
  }

  clear(): Promise<void> {
    this.tokens = null
    return Promise.resolve()
  }
}
