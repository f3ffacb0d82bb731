import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportTableSchema, exportWorkbookSchema } from '../../../shared/ipc/transfer-contract'
import { buildCsv, csvField, exportFileName, exportTable, exportWorkbook, neutralizeFormula, sheetNames } from './export'

const columns = [
  { key: 'name', header: '고객사명' },
  { key: 'amount', header: '금액', kind: 'won' as const },
  { key: 'count', header: '인원', kind: 'number' as const },
]

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and a Korean header row, CRLF line ends', () => {
    const csv = buildCsv(columns, [{ name: '한빛전자', amount: 1200000, count: 3 }])
    expect(csv.startsWith('\uFEFF고객사명,금액,인원\r\n')).toBe(true)
    expect(csv).toBe('\uFEFF고객사명,금액,인원\r\n한빛전자,1200000,3\r\n')
  })

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line1\nline2')).toBe('"line1\nline2"')
    expect(csvField('plain')).toBe('plain')
  })

  it('neutralises cells Excel would run as formulas, but not numbers', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    for (const lead of ['+', '-', '@', '\t']) expect(neutralizeFormula(`${lead}1`)).toBe(`'${lead}1`)
    expect(buildCsv([{ key: 'n', header: 'n', kind: 'number' }], [{ n: -5 }])).toContain('\r\n-5\r\n')
    expect(buildCsv([{ key: 'n', header: 'n' }], [{ n: '=1+1' }])).toContain("\r\n'=1+1\r\n")
  })

  it('writes empty cells for null and missing values', () => {
    expect(buildCsv(columns, [{ name: null }])).toBe('\uFEFF고객사명,금액,인원\r\n,,\r\n')
  })
})

describe('XLSX export', () => {
  it('has a bold Korean header, numbers as numbers and #,##0 on won columns', async () => {
    const file = await exportTable({
      fileName: '고객사',
      format: 'xlsx',
      columns,
      rows: [{ name: '=cmd', amount: 1500000, count: '12' }],
    })
    expect(file.fileName).toBe('고객사.xlsx')
    expect(file.mimeType).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual([undefined, '고객사명', '금액', '인원'])
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.getCell('A2').value).toBe('=cmd') // a string cell, never a formula
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String)
    expect(sheet.getCell('B2').value).toBe(1500000)
    expect(sheet.getCell('B2').numFmt).toBe('#,##0')
    expect(sheet.getCell('C2').value).toBe(12)
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10)
  })
})

describe('export input', () => {
  it('makes a safe file name with the format extension', () => {
    expect(exportFileName('고객사/목록:2026', 'csv')).toBe('고객사_목록_2026.csv')
    expect(exportFileName('  ', 'xlsx')).toBe('export.xlsx')
    expect(exportFileName('a.csv', 'csv')).toBe('a.csv')
  })

  it('refuses too many columns, objects in cells and oversized cells', () => {
    const base = { fileName: 'x', format: 'csv', columns: [{ key: 'a', header: 'A' }], rows: [] }
    expect(exportTableSchema.safeParse(base).success).toBe(true)
    expect(exportTableSchema.safeParse({ ...base, format: 'pdf' }).success).toBe(false)
    expect(exportTableSchema.safeParse({ ...base, columns: Array.from({ length: 201 }, (_, i) => ({ key: `k${i}`, header: 'h' })) }).success).toBe(false)
    expect(exportTableSchema.safeParse({ ...base, rows: [{ a: { nested: 1 } }] }).success).toBe(false)
    expect(exportTableSchema.safeParse({ ...base, rows: [{ a: 'x'.repeat(32_768) }] }).success).toBe(false)
  })
})

describe('workbook export (everything I can see)', () => {
  it('writes one sheet per list, in order, each with its bold Korean header and won format', async () => {
    const file = await exportWorkbook({
      fileName: 'CRM 전체',
      sheets: [
        { name: '고객사', columns, rows: [{ name: '한빛전자', amount: 1_200_000, count: 3 }] },
        { name: '담당자', columns: [{ key: 'name', header: '이름' }], rows: [{ name: '=cmd' }, { name: '김민준' }] },
      ],
    })
    expect(file.fileName).toBe('CRM 전체.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['고객사', '담당자'])
    const [companies, contacts] = workbook.worksheets
    expect(companies!.getRow(1).font?.bold).toBe(true)
    expect(companies!.getRow(2).getCell(2).value).toBe(1_200_000)
    expect(companies!.getColumn(2).numFmt).toBe('#,##0')
    expect(contacts!.rowCount).toBe(3)
    // A string cell, never a formula (exceljs writes formulas only from { formula } values).
    expect(contacts!.getRow(2).getCell(1).value).toBe('=cmd')
  })

  it('makes sheet names Excel accepts: at most 31 characters, no \\ / ? * [ ] :, never twice', () => {
    expect(sheetNames(['KPI [팀/분기]', 'kpi [팀/분기]', 'x'.repeat(40), ''])).toEqual(['KPI  팀 분기', 'kpi  팀 분기 2', 'x'.repeat(31), 'Sheet4'])
  })

  it('refuses a workbook over the cell budget or without sheets', () => {
    expect(exportWorkbookSchema.safeParse({ fileName: 'a', sheets: [] }).success).toBe(false)
    const rows = Array.from({ length: 100_000 }, () => ({ a: 1 }))
    const wide = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, header: 'h' }))
    expect(
      exportWorkbookSchema.safeParse({
        fileName: 'a',
        sheets: [
          { name: 's', columns: wide, rows },
          { name: 't', columns: wide, rows },
        ],
      }).success,
    ).toBe(false)
  })
})
