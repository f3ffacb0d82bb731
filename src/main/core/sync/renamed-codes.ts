/**
 * Codes the server changed (CONTRACTS.md §2): a row created offline whose code was already taken on the server is kept
 * under the next free code, and the push result says `renamed: { field: 'code', from, to }`. The device keeps the
 * last few such notes (sync_state, JSON) so the sync panel can tell the user "C-… is now C-…" until they dismiss it.
 */
import { type DeviceState } from '../state'

export interface RenamedCode {
  readonly table: string
  readonly rowId: string
  readonly field: string
  readonly from: string
  readonly to: string
  /** ISO time the server's answer arrived. */
  readonly at: string
}

/** Enough for a burst of imports; older notes fall off (the rows themselves carry their new codes). */
const KEEP = 100

export function listRenamedCodes(state: DeviceState): RenamedCode[] {
  const raw = state.get('renamed_codes')
  if (!raw) return []
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed) ? (parsed as RenamedCode[]) : []
  } catch {
    return []
  }
}

export function recordRenamedCodes(state: DeviceState, renames: readonly RenamedCode[]): void {
  if (renames.length === 0) return
  state.set('renamed_codes', JSON.stringify([...listRenamedCodes(state), ...renames].slice(-KEEP)))
}

export function dismissRenamedCode(state: DeviceState, rowId: string): void {
  const kept = listRenamedCodes(state).filter((r) => r.rowId !== rowId)
  state.set('renamed_codes', kept.length > 0 ? JSON.stringify(kept) : null)
}
