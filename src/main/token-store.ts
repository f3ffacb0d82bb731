/**
 * Where the device keeps the sync server's tokens. In Electron the store encrypts with safeStorage
 * (src/main/electron/secrets.ts); the web harness and tests use the in-memory one. Tokens stay in main: no IPC channel
 * returns them.
 */
export interface SessionTokens {
  readonly serverUrl: string
  readonly userId: string
  readonly refreshToken: string
  readonly accessToken?: string
  /** ISO-8601 UTC. */
  readonly accessTokenExpiresAt?: string
}

export interface TokenStore<T = SessionTokens> {
  load(): T | null
  save(tokens: T): void
  clear(): void
}

export function createMemoryTokenStore<T = SessionTokens>(): TokenStore<T> {
  let current: T | null = null
  return {
    load: () => current,
    save: (tokens) => {
      current = tokens
    },
    clear: () => {
      current = null
    },
  }
}
