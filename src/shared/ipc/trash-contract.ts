/** Contract entries of the trash channels (spread into `ipcContract`). */
import { z } from 'zod'
import { DELETABLE_KINDS } from '../domain/deletion'
import { returns } from './returns'
import { type TrashChannel } from './trash-channels'
import { type DeletionPreview, type TrashEntry } from './trash-types'

const target = z.strictObject({ kind: z.enum(DELETABLE_KINDS), id: z.uuid() })

export const trashContract = {
  /** What deleting this record would also delete, with counts (nothing is written). */
  'trash.preview': { input: target, output: returns<DeletionPreview>() },
  /** Soft-deletes the record with its children in one transaction and puts it in this user's trash on this device. */
  'trash.remove': { input: target, output: returns<TrashEntry>() },
  /** This user's deletions on this device that can still be restored, newest first. */
  'trash.list': { input: z.undefined(), output: returns<readonly TrashEntry[]>() },
  /** Brings a deletion back with exactly the children it took (an undelete of each row). */
  'trash.restore': { input: z.strictObject({ entryId: z.string().min(1).max(64) }), output: returns<{ readonly restored: number }>() },
} as const satisfies { readonly [K in TrashChannel]: { readonly input: z.ZodType; readonly output: object } }
