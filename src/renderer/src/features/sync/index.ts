/** The sync feature's public entry: what other features may use (eslint: features import each other only here). */
export { useSyncStore } from './sync-store'
