/**
 * Helpers for the local core's unit tests: real SQLite files (the real schema and migrations) in a temp directory.
 * Not used by production code.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { type Sqlite } from '../../../src/main/core/sqlite'
import { type DeviceState } from '../../../src/main/core/state'

export interface TempDir {
  readonly path: string
  file(name: string): string
  remove(): void
}

export function createTempDir(prefix = 'crm-core-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
}

export function openTestReplica(file: string): Replica {
  return openReplica(file)
}

/** Mark a user signed in without a server (what session.signIn leaves behind), for writer-only tests. */
export function signInLocally(
  state: DeviceState,
  user: { readonly id: string; readonly email: string; readonly tier?: string },
  serverUrl = 'http://127.0.0.1:1',
): void {
  state.set('user_id', user.id)
  state.set('user_profile', JSON.stringify(user))
  state.set('server_url', serverUrl)
  state.set('signed_in', '1')
}

/** Counts rows of a table (assertions). */
export function countRows(sqlite: Sqlite, table: string, where = '1 = 1'): number {
  return (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }).n
}

/** A deterministic UUID-shaped id for test rows: `n` in the last group. */
export function testId(n: number, prefix = '0190a000-0000-7000-8000'): string {
  return `${prefix}-${n.toString(16).padStart(12, '0')}`
}
