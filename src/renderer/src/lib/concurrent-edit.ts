/**
 * One form open on one record while others may change it (docs/architecture.md §8, "The change stream"). The form's values live here:
 *
 * - When the record changes underneath (a pull, another screen), fields the user has not touched take the new value;
 *   fields the user has typed in keep the user's text and are listed as conflicts with the other value, until the user
 *   keeps theirs or takes the new one. Who changed it and when come from `sync.lastEdit`.
 * - "Changed by this user" is always measured against the latest record (`base`), so saving sends only those fields:
 *   `prepareSave()` re-reads the record and lays the user's changes over it, and the writer records only what differs,
 *   so another person's edits to other fields survive the merge.
 * - A record that is deleted or leaves the user's scope while open (reassigned company, removed from a project team)
 *   ends the edit: `gone` turns true, an app notice says why, and `onGone` lets the caller close the dialog.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { type SyncedTable } from '../../../shared/model/tables'
import { api } from './api'
import { touchesRow, useReloadOn } from './live'
import { showNotice } from './notices'
import { i18n } from '../i18n'

export type FormValues = Readonly<Record<string, string>>

export interface RemoteEdit<V extends FormValues> {
  /** Every field someone else changed since the form opened (or since the user last saved). */
  readonly fields: readonly (keyof V & string)[]
  /** Their current values of those fields. */
  readonly theirs: Partial<V>
  /** Fields where the user typed something else: they decide (keepMine / takeTheirs). */
  readonly conflicts: readonly (keyof V & string)[]
  readonly byName: string | null
  readonly at: string | null
}

export interface ConcurrentEditConfig<V extends FormValues> {
  readonly table: SyncedTable
  /** null: a new record (nothing to watch). */
  readonly id: string | null
  /** The form's values as the dialog opens. */
  readonly initial: V
  /** The record as it is now, as form values; null when it is not there. */
  readonly read: () => Promise<V | null>
  /** Other tables whose changes can change the values (e.g. a stage move writes a history row too). */
  readonly alsoReads?: readonly SyncedTable[]
  /** The record left (deleted or out of scope): close the dialog. A notice is shown already. */
  readonly onGone?: () => void
  /**
   * For values that live in rows of other tables (a meeting's attendees, agenda): the stored row behind a field, so
   * "who and when" name the latest edit among the rows that changed, not only the record's own last edit.
   */
  readonly rowOf?: (field: string) => { readonly table: SyncedTable; readonly id: string } | null
}

export interface ConcurrentEdit<V extends FormValues> {
  readonly values: V
  setValues(update: V | ((current: V) => V)): void
  /** The latest record's values the user's changes are measured against. */
  readonly base: V
  readonly remote: RemoteEdit<V> | null
  readonly gone: boolean
  keepMine(field: keyof V & string): void
  takeTheirs(field: keyof V & string): void
  dismissRemote(): void
  /**
   * Re-read the record and lay the user's changes over it. `values` is what to save, `base` the record it is based on
   * (send the difference). Null when the record is gone.
   */
  prepareSave(): Promise<{ readonly values: V; readonly base: V } | null>
  /** The save went through: these values are now the record. */
  saved(values: V): void
}

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '') === (b ?? '')

/** Which fields differ between two sets of values. */
export function changedFields<V extends FormValues>(from: V, to: V): (keyof V & string)[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)])
  return [...keys].filter((key) => !same(from[key], to[key])) as (keyof V & string)[]
}

/**
 * The pure step behind a reload: the form values, base and remote edit after the record changed from `base` to
 * `fresh` while the user had `mine` on screen.
 */
export function mergeRemote<V extends FormValues>(
  mine: V,
  base: V,
  fresh: V,
  previous: RemoteEdit<V> | null,
  who: { byName: string | null; at: string | null },
): { values: V; base: V; remote: RemoteEdit<V> | null } {
  const changed = changedFields(base, fresh)
  if (changed.length === 0) return { values: mine, base, remote: previous }
  const values: Record<string, string> = { ...mine }
  const conflicts = new Set(previous?.conflicts ?? [])
  for (const field of changed) {
    if (same(mine[field], base[field])) values[field] = fresh[field] ?? ''
    else if (!same(mine[field], fresh[field])) conflicts.add(field)
    else conflicts.delete(field)
  }
  const fields = [...new Set([...(previous?.fields ?? []), ...changed])]
  const theirs: Record<string, string> = { ...(previous?.theirs as Record<string, string> | undefined) }
  for (const field of fields) theirs[field] = fresh[field] ?? ''
  // A field gone from the record (a sub-row removed) reads '' in the base too, so the next reload sees no change.
  const nextBase: Record<string, string> = { ...base, ...fresh }
  for (const field of changed) nextBase[field] = fresh[field] ?? ''
  return {
    values: values as V,
    base: nextBase as V,
    remote: { fields, theirs: theirs as Partial<V>, conflicts: [...conflicts], byName: who.byName, at: who.at },
  }
}

/** Lay the user's changes (mine vs base) over the fresh record. */
export function mineOver<V extends FormValues>(mine: V, base: V, fresh: V): V {
  const out: Record<string, string> = { ...fresh }
  for (const field of changedFields(base, mine)) out[field] = mine[field] ?? ''
  return out as V
}

type LastEdit = Awaited<ReturnType<typeof api.sync.lastEdit>>

/** The latest of the record's own last edit and those of the rows behind `fields` (a removed row counts: it was edited). */
async function latestEdit(record: LastEdit, fields: readonly string[], rowOf: NonNullable<ConcurrentEditConfig<FormValues>['rowOf']>): Promise<LastEdit> {
  const rows = new Map<string, { table: SyncedTable; id: string }>()
  for (const field of fields) {
    const row = rowOf(field)
    if (row) rows.set(`${row.table}:${row.id}`, row)
  }
  const edits = await Promise.all([...rows.values()].map((row) => api.sync.lastEdit(row).catch(() => null)))
  let best = record
  for (const edit of edits) if (edit?.updatedAt && (!best.updatedAt || edit.updatedAt > best.updatedAt)) best = edit
  return best
}

export function useConcurrentEdit<V extends FormValues>(config: ConcurrentEditConfig<V>): ConcurrentEdit<V> {
  const [values, setValuesState] = useState<V>(config.initial)
  const [base, setBase] = useState<V>(config.initial)
  const [remote, setRemote] = useState<RemoteEdit<V> | null>(null)
  const [gone, setGone] = useState(false)
  const latest = useRef({ values, base, remote, config })
  // Async reloads and saves read the latest committed state, not the render they started from.
  useLayoutEffect(() => {
    latest.current = { values, base, remote, config }
  })
  const goneRef = useRef(false)

  const setValues = useCallback((update: V | ((current: V) => V)) => {
    setValuesState((current) => {
      const next = typeof update === 'function' ? update(current) : update
      latest.current = { ...latest.current, values: next }
      return next
    })
  }, [])

  const markGone = useCallback(() => {
    if (goneRef.current) return
    goneRef.current = true
    setGone(true)
    showNotice(i18n.t('live.gone.title'), i18n.t('live.gone.body'))
    latest.current.config.onGone?.()
  }, [])

  const reload = useCallback(async () => {
    const { config: c } = latest.current
    if (!c.id || goneRef.current) return
    const [edit, fresh] = await Promise.all([api.sync.lastEdit({ table: c.table, id: c.id }), c.read().catch(() => null)])
    if (!edit.exists || fresh === null) {
      markGone()
      return
    }
    const who = c.rowOf ? await latestEdit(edit, changedFields(latest.current.base, fresh), c.rowOf) : edit
    // After the awaits: what the user has typed meanwhile is in latest.current.
    const now = latest.current
    const merged = mergeRemote(now.values, now.base, fresh, now.remote, { byName: who.updatedByName, at: who.updatedAt })
    if (merged.base === now.base) return
    latest.current = { ...now, values: merged.values, base: merged.base, remote: merged.remote }
    setValuesState(merged.values)
    setBase(merged.base)
    setRemote(merged.remote)
  }, [markGone])

  const { id, table, alsoReads } = config
  useReloadOn([table, ...(alsoReads ?? [])], reload, {
    enabled: id !== null,
    filter: (notice) => (id !== null && touchesRow(notice, table, id)) || (alsoReads ?? []).some((t) => notice.tables.includes(t)),
  })
  // The record may already have changed between the list read and the dialog opening.
  useEffect(() => {
    if (id !== null) void reload()
  }, [id, reload])

  const resolve = (field: keyof V & string, take: boolean): void => {
    if (take) setValues((current) => ({ ...current, [field]: latest.current.base[field] ?? '' }))
    setRemote((current) => (current ? { ...current, conflicts: current.conflicts.filter((f) => f !== field) } : current))
  }

  return {
    values,
    setValues,
    base,
    remote,
    gone,
    keepMine: (field) => resolve(field, false),
    takeTheirs: (field) => resolve(field, true),
    dismissRemote: () => setRemote(null),
    async prepareSave() {
      const { config: c, values: mine, base: b } = latest.current
      if (!c.id) return { values: mine, base: b }
      const fresh = await c.read().catch(() => null)
      if (fresh === null) {
        markGone()
        return null
      }
      return { values: mineOver(mine, b, fresh), base: fresh }
    },
    saved(next) {
      latest.current = { ...latest.current, base: next, values: next, remote: null }
      setBase(next)
      setValuesState(next)
      setRemote(null)
    },
  }
}
