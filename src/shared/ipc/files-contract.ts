/** Contract entries of the attachments channels (spread into `ipcContract`). */
import { z } from 'zod'
import { MAX_PREFETCH_BUDGET_BYTES } from '../files/limits'
import { ATTACHMENT_ENTITY_TYPES } from '../model/enums'
import { idSchema } from '../model/validation/common'
import { returns } from './returns'
import { type FilesChannel } from './files-channels'
import { type AttachmentList, type Attachment, type FileSettings, type FileTransferView, type OpenResult } from './files-types'

const record = { entityType: z.enum(ATTACHMENT_ENTITY_TYPES), entityId: idSchema }
/** 50 MB as base64 (4/3) with room: the device's own limit refuses larger files with a clear error. */
const MAX_BASE64 = 70 * 1024 * 1024

export const filesContract = {
  /** The record's files, newest first, and whether it is pinned. */
  'files.list': { input: z.strictObject(record), output: returns<AttachmentList>() },
  /** Copies the file into the device's store at once (it opens offline) and queues its upload. */
  'files.add': {
    input: z.strictObject({
      ...record,
      fileName: z.string().min(1).max(1000),
      mimeType: z.string().max(200).default(''),
      base64: z.string().max(MAX_BASE64),
    }),
    output: returns<Attachment>(),
  },
  'files.remove': { input: z.strictObject({ id: idSchema }), output: returns<null>() },
  /** Downloads on first open when needed; opens, saves (programs) or hands the bytes to the web harness. */
  'files.open': { input: z.strictObject({ id: idSchema }), output: returns<OpenResult>() },
  'files.pin': { input: z.strictObject({ ...record, pinned: z.boolean() }), output: returns<null>() },
  /** Uploads and downloads in progress or refused, for the sync panel. */
  'files.transfers': { input: z.undefined(), output: returns<readonly FileTransferView[]>() },
  'files.settings': { input: z.undefined(), output: returns<FileSettings>() },
  'files.saveSettings': {
    input: z.strictObject({ prefetchBudgetBytes: z.number().int().min(0).max(MAX_PREFETCH_BUDGET_BYTES) }),
    output: returns<FileSettings>(),
  },
} as const satisfies { readonly [K in FilesChannel]: { readonly input: z.ZodType; readonly output: object } }
