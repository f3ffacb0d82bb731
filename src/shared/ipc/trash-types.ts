/** The trash (휴지통) and delete confirmations: what a delete takes with it, and what can be restored. */
import { type DeletableKind } from '../domain/deletion'

export interface DeletionCount {
  /** A key under everyday.trash.children (contacts, branches, participants …). */
  readonly label: string
  readonly count: number
}

export interface DeletionPreview {
  readonly kind: DeletableKind
  readonly id: string
  readonly title: string
  /** What goes with it, with counts (only kinds with at least one row). */
  readonly children: readonly DeletionCount[]
  /** Records that point at it and are kept (a campaign's leads), with counts: labels under everyday.trash.references. */
  readonly references: readonly DeletionCount[]
}

export interface TrashEntry {
  /** The entry's own id (restore by it). */
  readonly id: string
  readonly kind: DeletableKind
  readonly rowId: string
  readonly title: string
  /** ISO-8601 UTC. */
  readonly deletedAt: string
  readonly children: readonly DeletionCount[]
  /** Last day it can be restored (the tombstone horizon), ISO date. */
  readonly restorableUntil: string
}
