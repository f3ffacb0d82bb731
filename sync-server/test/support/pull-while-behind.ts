import type { Pool } from 'pg'
import type { PullResponse } from '../../../src/shared/sync/protocol'
import { pull, type PullInput } from '../../src/sync/pull'

/**
 * Pulls from `input.cursor` while the answer says `behind` or `hasMore` (a few times at most), following the cursor,
 * as a device does. On a shared server a transaction of another database that ends between the snapshot and the
 * lookup of its database counts as this database's (xid-places.ts): the ceiling then waits one pull longer, and says
 * so — a late commit is delivered by a later pull, never skipped. A test asserting delivery pulls this way.
 */
export async function pullWhileBehind(pool: Pool, input: PullInput): Promise<PullResponse[]> {
  const pages: PullResponse[] = []
  let cursor = input.cursor
  for (let i = 0; i < 10; i++) {
    const page = JSON.parse(await pull(pool, { ...input, cursor })) as PullResponse
    pages.push(page)
    cursor = page.cursor
    if (!page.behind && !page.hasMore) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return pages
}
