/** Value shapes of the import / export channels. */

import { type AttendanceStatus } from '../model/enums'

export type ExportFormat = 'xlsx' | 'csv'

/** One attendance mark as the attendance export lists it. */
export interface AttendanceListItem {
  readonly id: string
  readonly projectName: string
  /** 차수 and 분반 numbers. */
  readonly sessionNumber: number
  readonly classNumber: number
  readonly className: string | null
  /** The class day, YYYY-MM-DD. */
  readonly date: string
  readonly traineeName: string
  readonly employeeNumber: string | null
  readonly companyName: string | null
  readonly status: AttendanceStatus
  readonly minutesAttended: number | null
  /** ISO-8601 UTC. */
  readonly recordedAt: string
  readonly recordedByName: string | null
}

/** A file built in main, handed to the renderer as base64 so it can be saved through a Blob download. */
export interface ExportedFile {
  readonly fileName: string
  readonly mimeType: string
  readonly base64: string
}

/** `file`: an earlier row of the same file; `existing`: a record already in the replica. */
export type ImportDuplicate = { readonly kind: 'file'; readonly rowNumber: number } | { readonly kind: 'existing'; readonly id: string; readonly name: string }

/** An i18n key: a shared `validation.*` key or one of `transfer.import.errors.*`. */
export interface ImportCellError {
  readonly column: string
  readonly code: string
}

export interface ImportReviewRow {
  /** The spreadsheet's row number (the header is row 1), as the user sees it in Excel. */
  readonly rowNumber: number
  /** Mapped values by field key, as read from the file (after the user's corrections). */
  readonly values: Readonly<Record<string, string>>
  readonly errors: readonly ImportCellError[]
  readonly duplicateOf?: ImportDuplicate
  readonly excluded: boolean
}

export interface ImportSummary {
  readonly total: number
  readonly ok: number
  readonly errors: number
  readonly duplicates: number
  readonly excluded: number
}

export interface ImportReview {
  readonly headers: readonly string[]
  /** The first data row's cells, shown next to each column while mapping. */
  readonly sampleRow: readonly string[]
  /** Field key per column (same order as headers), null for a column not imported. */
  readonly mapping: ReadonlyArray<string | null>
  /** Fields that must be mapped but are not (by field key or `oneOf` group name). */
  readonly missingFields: readonly string[]
  readonly rows: readonly ImportReviewRow[]
  readonly summary: ImportSummary
}

export interface ImportCommitResult {
  readonly created: number
  readonly skippedDuplicates: number
  readonly excluded: number
  /** Trainees enrolled into the chosen class (new or existing ones). */
  readonly enrolled: number
}
