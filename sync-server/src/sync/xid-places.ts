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

  /** What is known: ids known elsewhere, ids known here. */
  params(): [string[], string[]] {
    return [[...this.away], [...this.here]]
  }

  /**
   * The pull ceiling of a snapshot (CEILING_SQL's rule in pull.ts) from what is known, or null when a running id
   * that could bound it is unknown (then look it up, `learn`, and ask again with the ids found nowhere as
   * `assumedHere`: an id found nowhere counts as this database's, exactly as in CEILING_SQL).
   *
   * The ceiling is the smallest running id not in another database, else xmax. Every running id below the smallest
   * one known (or assumed) to be here must be known elsewhere; the first that is not makes the answer unknown.
   */
  ceiling(snapshot: Snapshot, assumedHere?: ReadonlySet<string>): string | null {
    let firstHere: string | null = null
    for (const xid of snapshot.xip) {
      if ((this.here.has(xid) || assumedHere?.has(xid) === true) && (firstHere === null || xidBelow(xid, firstHere))) firstHere = xid
    }
    for (const xid of snapshot.xip) {
      if (this.away.has(xid) || this.here.has(xid) || assumedHere?.has(xid) === true) continue
      if (firstHere === null || xidBelow(xid, firstHere)) return null
    }
    return firstHere ?? snapshot.xmax
  }

  /** The running ids `ceiling` needs looked up (none when it answered). */
  unknown(snapshot: Snapshot): string[] {
    let firstHere: string | null = null
    for (const xid of snapshot.xip) if (this.here.has(xid) && (firstHere === null || xidBelow(xid, firstHere))) firstHere = xid
    return snapshot.xip.filter((xid) => !this.away.has(xid) && !this.here.has(xid) && (firstHere === null || xidBelow(xid, firstHere)))
  }

  /**
   * A transaction this instance runs in this database (a push read its id with pg_current_xact_id): pulls that see it
   * running need not look it up. Under load most running ids are this instance's own pushes, and each lookup reads
   * pg_locks and pg_stat_activity (issue 20, scenario 4: 0.4 lookups per push+pull cycle before this).
   */
  ranHere(xid: string): void {
    if (this.here.size > 4096) this.here.clear()
    this.here.add(xid)
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

/** A pg_snapshot as PostgreSQL prints it (`xmin:xmax:xip,…`), ids as decimal text. */
export interface Snapshot {
  readonly xmin: string
  readonly xmax: string
  readonly xip: readonly string[]
}

export function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, xip] = text.split(':')
  if (xmin === undefined || xmax === undefined || xip === undefined) throw new Error(`not a pg_snapshot: ${text}`)
  return { xmin, xmax, xip: xip === '' ? [] : xip.split(',') }
}

/** a < b for xid8s as PostgreSQL prints them (decimal, no leading zeros): by length, then by digits. */
export function xidBelow(a: string, b: string): boolean {
  return a.length === b.length ? a < b : a.length < b.length
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
