/**
 * Builds a table export (표 내보내기) in main: XLSX through exceljs (kept out of the renderer bundle) or CSV that Excel
 * opens correctly in Korean. The renderer only receives the finished bytes and saves them.
 */
import ExcelJS from 'exceljs'
import { type ExportedFile, type ExportFormat } from '../../../shared/ipc/transfer-types'

/** How a column's values are written: `won` is whole won with a thousands separator, `number` a plain number. */
export type ExportColumnKind = 'text' | 'number' | 'won'

export interface ExportColumn {
  readonly key: string
  readonly header: string
  readonly kind?: ExportColumnKind
}

export type ExportCell = string | number | null

export interface ExportTable {
  readonly fileName: string
  readonly format: ExportFormat
  readonly columns: readonly ExportColumn[]
  readonly rows: ReadonlyArray<Readonly<Record<string, ExportCell | undefined>>>
}

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
}

const UTF8_BOM = '\uFEFF'

/**
 * A cell Excel would run as a formula (=, +, -, @, and tab / carriage return that some parsers skip first) is prefixed
 * with an apostrophe so an exported name like `=HYPERLINK(...)` stays text (OWASP CSV injection).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes inside. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function cellText(value: ExportCell | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return neutralizeFormula(value)
}

export function buildCsv(columns: readonly ExportColumn[], rows: ExportTable['rows']): string {
  const lines = [columns.map((c) => csvField(neutralizeFormula(c.header))).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvField(cellText(row[c.key]))).join(','))
  // CRLF as RFC 4180 says; the BOM is what makes Excel read UTF-8 rather than the system code page (CP949).
  return UTF8_BOM + lines.join('\r\n') + '\r\n'
}

/** Display width in Excel character units: Hangul and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 2 : 1
  return width
}

function xlsxValue(value: ExportCell | undefined, kind: ExportColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  if (kind !== 'text') {
    const n = typeof value === 'number' ? value : Number(value.replace(/[,\s원]/g, ''))
    if (Number.isFinite(n) && !(typeof value === 'string' && value.trim() === '')) return n
  }
  // Strings stay strings (exceljs never turns them into formulas); numbers in a text column stay numbers.
  return value
}

/** One sheet: a bold, frozen header row, columns as wide as their content (Hangul counts double), won formats. */
function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ExportColumn[], rows: ExportTable['rows']): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  const widths = columns.map((c) => displayWidth(c.header))
  sheet.addRow(columns.map((c) => c.header))
  for (const row of rows) {
    const values = columns.map((c, i) => {
      const value = xlsxValue(row[c.key], c.kind ?? 'text')
      const shown = typeof value === 'number' && c.kind === 'won' ? value.toLocaleString('ko-KR') : String(value ?? '')
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(shown))
      return value
    })
    sheet.addRow(values)
  }
  sheet.getRow(1).font = { bold: true }
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = Math.min(60, Math.max(8, (widths[i] ?? 0) + 2))
    if (c.kind === 'won') column.numFmt = '#,##0'
  })
}

export async function buildXlsx(columns: readonly ExportColumn[], rows: ExportTable['rows']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CRM AUGU'
  addSheet(workbook, 'Sheet1', columns, rows)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export interface ExportSheet {
  readonly name: string
  readonly columns: readonly ExportColumn[]
  readonly rows: ExportTable['rows']
}

/**
 * Excel refuses sheet names over 31 characters, with any of \ / ? * [ ] :, or used twice (case-insensitively):
 * cleaned and numbered here so a list's translated title always makes a valid, distinct tab.
 */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name, i) => {
    const base =
      name
        .replace(/[\\/?*[\]:]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`
    let candidate = base
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`
    taken.add(candidate.toLowerCase())
    return candidate
  })
}

/** "Everything I can see" (전체 내보내기): one workbook, one sheet per list, in the order given. */
export async function exportWorkbook(book: { readonly fileName: string; readonly sheets: readonly ExportSheet[] }): Promise<ExportedFile> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CRM AUGU'
  const names = sheetNames(book.sheets.map((s) => s.name))
  book.sheets.forEach((sheet, i) => addSheet(workbook, names[i] ?? `Sheet${i + 1}`, sheet.columns, sheet.rows))
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: exportFileName(book.fileName, 'xlsx'), mimeType: MIME.xlsx, base64: bytes.toString('base64') }
}

/** A file name safe on Windows, macOS and Linux, ending in the format's extension. */
export function exportFileName(fileName: string, format: ExportFormat): string {
  const base = fileName
    .replace(/\.(xlsx|csv)$/i, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    // Control characters are not allowed in Windows file names either.
    .replace(/\p{Cc}/gu, '_')
    .trim()
    .slice(0, 120)
  return `${base || 'export'}.${format}`
}

export async function exportTable(table: ExportTable): Promise<ExportedFile> {
  const bytes = table.format === 'csv' ? Buffer.from(buildCsv(table.columns, table.rows), 'utf8') : await buildXlsx(table.columns, table.rows)
  return { fileName: exportFileName(table.fileName, table.format), mimeType: MIME[table.format], base64: bytes.toString('base64') }
}
