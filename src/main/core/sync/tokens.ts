/**
 * Where the device keeps its server tokens. The local core only sees this interface: the Electron layer provides a
 * safeStorage-backed store (OS keychain encryption); tests and the dev harness use FileTokenStore. Tokens live in the
 * main process only — they are never sent to the renderer.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

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
 * Writes go to a temporary file renamed over the old one, so a crash never leaves half a token file.
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
    const temp = `${this.file}.${process.pid}.tmp`
    await writeFile(temp, JSON.stringify(tokens), { mode: 0o600 })
    // The mode option is filtered by the umask only on creation; make sure an existing temp file is private too.
    await chmod(temp, 0o600)
    await rename(temp, this.file)
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
