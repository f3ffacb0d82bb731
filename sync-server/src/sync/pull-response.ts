/**
 * The pull response as JSON text (docs/sync-protocol.md § Pull). Rows arrive from PostgreSQL already rendered
 * (pull.ts), so the response is spliced together as text instead of serialized from objects.
 */
import { encodeCeilingCursor, encodeCursor, type PullCursor } from './cursor'

export interface PageText {
  /** Serialized `{table,id,row}` objects. */
  readonly changes: readonly string[]
  readonly removed: readonly { readonly table: string; readonly id: string }[]
  readonly cursor: PullCursor
  readonly hasMore: boolean
  readonly watermark: string | null
  /** Committed entries exist at or above the ceiling: held back behind a transaction still open here. */
  readonly behind?: boolean
}

export interface PullStats {
  changes: number
  removed: number
}

export function responseText(page: PageText, lastAppliedSeq: number | null, stats?: PullStats): string {
  if (stats) {
    stats.changes = page.changes.length
    stats.removed = page.removed.length
  }
  return (
    `{"changes":[${page.changes.join(',')}],"removed":${JSON.stringify(page.removed)},` +
    `"cursor":${JSON.stringify(encodeCursor(page.cursor))},"hasMore":${page.hasMore},` +
    `"watermark":${JSON.stringify(page.watermark)},"serverTime":${JSON.stringify(new Date().toISOString())}` +
    `${page.behind ? ',"behind":true' : ''}${lastAppliedSeq === null ? '' : `,"lastAppliedSeq":${lastAppliedSeq}`}}`
  )
}

/**
 * What `responseText` gives for the empty log page at ceiling `x` (cursor (x, 0), watermark x, nothing more), from a
 * template: the answer to most pulls of the day (bench scenario 9), without building a page and a cursor object.
 * `x` is PostgreSQL's decimal text of an xid8, which needs no JSON escaping. pull-response.test.ts holds it equal to
 * `responseText`.
 */
export function emptyResponseText(x: string, behind: boolean, lastAppliedSeq: number | null, stats?: PullStats): string {
  if (stats) {
    stats.changes = 0
    stats.removed = 0
  }
  const cursor = encodeCeilingCursor(x)
  return (
    `{"changes":[],"removed":[],"cursor":"${cursor}","hasMore":false,"watermark":"${x}","serverTime":"${new Date().toISOString()}"` +
    `${behind ? ',"behind":true' : ''}${lastAppliedSeq === null ? '' : `,"lastAppliedSeq":${lastAppliedSeq}`}}`
  )
}
