/**
 * The renderer's end of the change stream (docs/architecture.md §8, "The change stream"). Main announces every committed local write and
 * every applied pull page (`{ source, tables, ids? }`); a store or screen declares the tables it reads and gets its
 * reload called — coalesced by src/shared/live/reload-scheduler.ts — when one of them changes:
 *
 *   useReloadOn(COMPANIES_READS, reload)                 // in the screen component: live while it is mounted
 *   const stop = reloadOn(['attendance_records'], reload) // anywhere else; call stop() when done
 *
 * This replaced the 5 s status poll and the old announceLocalChange() event: a write made anywhere (import, meetings,
 * another window) or brought by sync reaches every open screen the same way.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import { type ChangeNotice } from '../../../shared/ipc/live'
import { type CrmBridge } from '../../../shared/ipc/api'
import { type SyncedTable } from '../../../shared/model/tables'
import { createReloadScheduler, type ReloadSchedulerOptions } from '../../../shared/live/reload-scheduler'

type Listener = (notice: ChangeNotice) => void

const listeners = new Set<Listener>()
let unsubscribeBridge: (() => void) | null = null

function bridge(): Partial<CrmBridge> | undefined {
  return (globalThis as { crm?: Partial<CrmBridge> }).crm
}

/** One subscription to window.crm for the whole renderer, opened by the first listener. */
function ensureSubscribed(): void {
  if (unsubscribeBridge) return
  const onChanges = bridge()?.onChanges
  if (!onChanges) return
  unsubscribeBridge = onChanges((notice) => {
    for (const listener of [...listeners]) listener(notice)
  })
}

/** Hear every change notice (raw, not coalesced). Returns the unsubscribe. */
export function onChanges(listener: Listener): () => void {
  listeners.add(listener)
  ensureSubscribed()
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge()
      unsubscribeBridge = null
    }
  }
}

export interface ReloadOnOptions extends ReloadSchedulerOptions {
  /**
   * Narrow further, e.g. to one open record: return false to ignore a notice. Notices without ids (large pages) name
   * tables only; a filter should then answer true.
   */
  readonly filter?: (notice: ChangeNotice) => boolean
}

/** Whether the notice touches any of the tables. */
export function touches(notice: ChangeNotice, tables: readonly string[]): boolean {
  return notice.tables.some((table) => tables.includes(table))
}

/** Whether the notice may concern row `id` of `table` (true when it names the table without ids). */
export function touchesRow(notice: ChangeNotice, table: string, id: string): boolean {
  if (!notice.tables.includes(table)) return false
  const ids = notice.ids?.[table]
  return ids === undefined ? true : ids.includes(id)
}

/** Call `reload` (coalesced) whenever one of `tables` changes. Returns the unsubscribe. */
export function reloadOn(tables: readonly SyncedTable[], reload: () => unknown, options: ReloadOnOptions = {}): () => void {
  const scheduler = createReloadScheduler(reload, options)
  const stop = onChanges((notice) => {
    if (!touches(notice, tables)) return
    if (options.filter && !options.filter(notice)) return
    // A notice naming its rows is a few edits (show them now); one without ids is a large page (coalesce harder).
    scheduler.notify(notice.ids ? 'rows' : 'bulk')
  })
  return () => {
    stop()
    scheduler.cancel()
  }
}

/**
 * `reloadOn` for as long as the component is mounted. `reload` may change every render (the latest one runs);
 * `tables` is compared by content.
 */
export function useReloadOn(
  tables: readonly SyncedTable[],
  reload: () => unknown,
  options: { readonly filter?: (notice: ChangeNotice) => boolean; readonly enabled?: boolean } = {},
): void {
  const latest = useRef({ reload, filter: options.filter })
  useLayoutEffect(() => {
    latest.current = { reload, filter: options.filter }
  })
  const key = tables.join(',')
  const enabled = options.enabled ?? true
  useEffect(() => {
    if (!enabled) return undefined
    return reloadOn(key.split(',') as SyncedTable[], () => latest.current.reload(), {
      filter: (notice) => latest.current.filter?.(notice) ?? true,
    })
  }, [key, enabled])
}
