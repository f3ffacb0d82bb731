/**
 * Which database a running transaction id belongs to, remembered per server instance (per pool) for the pull
 * ceiling (pull.ts). Finding out reads pg_locks joined to pg_stat_activity: on a busy cluster that is most of the
 * cost of a pull with nothing new (issue 20, scenario 9). But an id's database never changes, and an xid8 is never
 * reused, so what one pull learnt about a transaction stays true for as long as that transaction runs: the next pulls
 * only look up ids they have not seen yet.
 *
 * Only positive findings are kept: "runs in another database" (it cannot write this change_log) and "runs in this
 * database" (it holds the ceiling down while it runs). An id found nowhere (being assigned, or just finished) is
 * counted as this database's and looked up again next time, exactly as before.
 */
export class XidPlaces {
  /** xid8s (decimal) of transactions known to run in another database. */
  private readonly away = new Set<string>()
  /** xid8s of transactions known to run in this database. */
  private readonly here = new Set<string>()

  /** The statement's parameters: ids known elsewhere, ids known here. */
  params(): [string[], string[]] {
    return [[...this.away], [...this.here]]
  }

  /**
   * Records what a ceiling statement found, and forgets ids below the snapshot's xmin: those transactions have
   * finished and can never be running again.
   */
  learn(away: readonly string[], here: readonly string[], xmin: string): void {
    for (const xid of away) this.away.add(xid)
    for (const xid of here) this.here.add(xid)
    if (this.away.size + this.here.size <= 64) return
    const floor = BigInt(xmin)
    for (const set of [this.away, this.here]) for (const xid of set) if (BigInt(xid) < floor) set.delete(xid)
    // A pathological cluster (thousands of long transactions): stop growing, look them up again.
    if (this.away.size + this.here.size > 4096) {
      this.away.clear()
      this.here.clear()
    }
  }
}

const places = new WeakMap<object, XidPlaces>()

/** The instance's memory for `pool` (one per pool: a pool is one database). */
export function xidPlacesFor(pool: object): XidPlaces {
  let found = places.get(pool)
  if (!found) {
    found = new XidPlaces()
    places.set(pool, found)
  }
  return found
}
