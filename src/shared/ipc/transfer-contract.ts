/** Contract entries of the import / export channels (spread into `ipcContract`). */
import { z } from 'zod'
import { returns } from './returns'
import { type TransferChannel } from './transfer-channels'
import { type AttendanceListItem, type ExportedFile, type ImportCommitResult, type ImportReview } from './transfer-types'
import { IMPORT_TARGETS } from '../model/import-targets'
import { idSchema } from '../model/validation/common'

/** Excel's own limits for a cell's text and a sheet's columns; rows capped well below its 1,048,576. */
export const EXPORT_LIMITS = { columns: 200, rows: 100_000, cellChars: 32_767, cells: 2_000_000 } as const

const exportColumnSchema = z.strictObject({
  key: z.string().min(1).max(100),
  header: z.string().min(1).max(200),
  kind: z.enum(['text', 'number', 'won']).optional(),
})

const exportCellSchema = z.union([z.string().max(EXPORT_LIMITS.cellChars), z.number(), z.null()])

export const exportTableSchema = z
  .strictObject({
    fileName: z.string().trim().min(1).max(200),
    format: z.enum(['xlsx', 'csv']),
    columns: z.array(exportColumnSchema).min(1).max(EXPORT_LIMITS.columns),
    rows: z.array(z.record(z.string().max(100), exportCellSchema)).max(EXPORT_LIMITS.rows),
  })
  .refine((t) => t.columns.length * t.rows.length <= EXPORT_LIMITS.cells, { message: 'validation.tooLong', path: ['rows'] })

/** At most one sheet per list the app has, with the same cell budget as one table. */
export const exportWorkbookSchema = z
  .strictObject({
    fileName: z.string().trim().min(1).max(200),
    sheets: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(100),
          columns: z.array(exportColumnSchema).min(1).max(EXPORT_LIMITS.columns),
          rows: z.array(z.record(z.string().max(100), exportCellSchema)).max(EXPORT_LIMITS.rows),
        }),
      )
      .min(1)
      .max(30),
  })
  .refine((b) => b.sheets.reduce((n, s) => n + s.columns.length * s.rows.length, 0) <= EXPORT_LIMITS.cells, {
    message: 'validation.tooLong',
    path: ['sheets'],
  })

/** 10 MB of file as base64 (4 characters per 3 bytes), matching the parser's own limit. */
const MAX_FILE_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4

const importRequestFields = {
  target: z.enum(IMPORT_TARGETS),
  fileBase64: z
    .string()
    .min(1)
    .max(MAX_FILE_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** Field key per column of the file, null for a column left out; omitted: the suggested mapping. */
  mapping: z.array(z.string().max(50).nullable()).max(100).optional(),
  /** Cells the user corrected in the review: row number → field key → value. */
  corrections: z.record(z.string().regex(/^\d{1,6}$/), z.record(z.string().max(50), z.string().max(5000))).optional(),
  excludedRows: z.array(z.number().int().min(2).max(1_000_000)).max(10_001).optional(),
  /** Trainees only: enrol every row into this class (분반) as CONFIRMED. */
  classId: idSchema.nullish(),
}

export const importPreviewSchema = z.strictObject(importRequestFields)
export const importCommitSchema = z.strictObject({ ...importRequestFields, duplicates: z.enum(['skip', 'import']) })

export const transferContract = {
  /** Builds an XLSX or CSV file of the given table; nothing is read from or written to the replica. */
  'export.table': { input: exportTableSchema, output: returns<ExportedFile>() },
  /** "Everything I can see" (전체 내보내기): one XLSX workbook, one sheet per list. */
  'export.workbook': { input: exportWorkbookSchema, output: returns<ExportedFile>() },
  /** Every attendance mark on this device (the attendance export reads it; nothing is written). */
  'export.attendance': { input: z.undefined(), output: returns<readonly AttendanceListItem[]>() },
  /** Parses, maps and checks a file against the replica; writes nothing. */
  'import.preview': { input: importPreviewSchema, output: returns<ImportReview>() },
  /** Reviews again and writes every row in one transaction; refused (`import.hasErrors`) while any row has an error. */
  'import.commit': { input: importCommitSchema, output: returns<ImportCommitResult>() },
} as const satisfies { readonly [K in TransferChannel]: { readonly input: z.ZodType; readonly output: object } }
