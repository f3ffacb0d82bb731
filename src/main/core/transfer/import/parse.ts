/**
 * A spreadsheet file (CSV or the first sheet of an XLSX) to a header row and data rows of plain text cells. Size limits
 * keep a wrong file from freezing main.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { decodeText } from './decode'

export const IMPORT_LIMITS = { bytes: 10 * 1024 * 1024, rows: 10_000, columns: 100, cellChars: 5_000, unzippedBytes: 200 * 1024 * 1024 } as const

export interface ParsedTable {
  readonly headers: readonly string[]
  /** Data rows (without the header), each padded to the header's length. */
  readonly rows: ReadonlyArray<readonly string[]>
}

export type ParseProblem = 'unreadable' | 'tooLarge' | 'empty'

export class ImportFileError extends Error {
  constructor(readonly problem: ParseProblem) {
    super(`import file ${problem}`)
    this.name = 'ImportFileError'
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

export function isXlsx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b)
}

export async function parseTable(bytes: Uint8Array): Promise<ParsedTable> {
  if (bytes.length > IMPORT_LIMITS.bytes) throw new ImportFileError('tooLarge')
  const grid = isXlsx(bytes) ? await readXlsx(bytes) : readCsv(bytes)
  return toTable(grid)
}

export function readCsv(bytes: Uint8Array): string[][] {
  const { text } = decodeText(bytes)
  if (text.includes('\u0000')) throw new ImportFileError('unreadable')
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: '' })
  // Papa reports a ragged row as an error but still returns it; only a broken quote loses data.
  if (result.errors.some((e) => e.type === 'Quotes')) throw new ImportFileError('unreadable')
  return result.data
}

/**
 * The total uncompressed size an XLSX (a zip) declares in its central directory, or null if it cannot be read. Checked
 * before exceljs inflates anything, so a small "zip bomb" cannot exhaust main's memory.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null
    const size = view.getUint32(at + 24, true)
    // 0xFFFFFFFF: the real size is in a ZIP64 field; no spreadsheet we accept needs one.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY
    total += size
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return total
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const unzipped = declaredUnzippedSize(bytes)
  if (unzipped === null) throw new ImportFileError('unreadable')
  if (unzipped > IMPORT_LIMITS.unzippedBytes) throw new ImportFileError('tooLarge')
  const workbook = new ExcelJS.Workbook()
  try {
    // A copy of exactly these bytes as an ArrayBuffer (what exceljs's typings ask for; JSZip reads it as is).
    await workbook.xlsx.load(bytes.slice().buffer)
  } catch {
    throw new ImportFileError('unreadable')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new ImportFileError('empty')
  if (sheet.rowCount > IMPORT_LIMITS.rows + 1 || sheet.columnCount > IMPORT_LIMITS.columns) throw new ImportFileError('tooLarge')
  const grid: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)))
    if (cells.some((v) => v.trim() !== '')) grid.push(cells)
  })
  return grid
}

/** What the user sees in the cell: formulas by their result, dates as YYYY-MM-DD, rich text joined. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value)
      return value.result === undefined || value.result === null
        ? ''
        : String(value.result instanceof Date ? value.result.toISOString().slice(0, 10) : value.result)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

function toTable(grid: string[][]): ParsedTable {
  const [head, ...body] = grid
  if (!head || head.every((h) => h.trim() === '')) throw new ImportFileError('empty')
  if (body.length > IMPORT_LIMITS.rows || head.length > IMPORT_LIMITS.columns) throw new ImportFileError('tooLarge')
  const width = head.length
  const rows = body.map((row) => {
    if (row.some((cell) => cell.length > IMPORT_LIMITS.cellChars)) throw new ImportFileError('tooLarge')
    // Our own CSV export writes '=… for a cell starting with a formula character; read it back as the text it was.
    return Array.from({ length: width }, (_, i) => (row[i] ?? '').trim().replace(/^'(?=[=+\-@])/, ''))
  })
  return { headers: head.map((h) => h.replace(/^\uFEFF/, '').trim()), rows }
}
