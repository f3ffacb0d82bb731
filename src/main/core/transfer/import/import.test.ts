import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { companyCreateSchema } from '../../../../shared/model/validation/customers'
import { createCustomers, type CustomerRepos } from '../../customers'
import { createLeadsRepo } from '../../sales/leads'
import { createProductsRepo } from '../../products/products'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../../test/support/device/repos'
import { countRows, createTempDir, testId, type TempDir } from '../../../../../test/support/device/fixtures'
import { exportTable } from '../export'
import { decodeText } from './decode'
import { missingFields, suggestMapping } from './mapping'
import { declaredUnzippedSize, ImportFileError, parseTable } from './parse'
import { createImportService, ImportRuleError, type ImportService } from './service'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const BOM = new Uint8Array([0xef, 0xbb, 0xbf])
const withBom = (text: string): Uint8Array => new Uint8Array([...BOM, ...utf8(text)])

/** "회사명,대표\r\n한빛전자,김철수\r\n" as Korean Excel saves it (CP949), bytes written out by hand. */
const CP949_CSV = new Uint8Array([
  0xc8,
  0xb8,
  0xbb,
  0xe7,
  0xb8,
  0xed,
  0x2c,
  0xb4,
  0xeb,
  0xc7,
  0xa5,
  0x0d,
  0x0a, // 회사명,대표
  0xc7,
  0xd1,
  0xba,
  0xfb,
  0xc0,
  0xfc,
  0xc0,
  0xda,
  0x2c,
  0xb1,
  0xe8,
  0xc3,
  0xb6,
  0xbc,
  0xf6,
  0x0d,
  0x0a, // 한빛전자,김철수
])

describe('reading files', () => {
  it('decodes UTF-8 with and without BOM, and CP949 when the bytes are not UTF-8', () => {
    expect(decodeText(withBom('회사명')).text).toBe('회사명')
    expect(decodeText(utf8('회사명'))).toEqual({ text: '회사명', encoding: 'utf-8' })
    expect(decodeText(CP949_CSV)).toEqual({ text: '회사명,대표\r\n한빛전자,김철수\r\n', encoding: 'euc-kr' })
  })

  it('parses a CP949 CSV into a Korean header and rows', async () => {
    expect(await parseTable(CP949_CSV)).toEqual({ headers: ['회사명', '대표'], rows: [['한빛전자', '김철수']] })
  })

  it('keeps quoted commas, quotes and line breaks inside one cell, and drops the BOM from the first header', async () => {
    const table = await parseTable(withBom('회사명,비고\r\n"한빛, 주식회사","첫 줄\n둘째 줄 ""인용"""\r\n\r\n'))
    expect(table.headers).toEqual(['회사명', '비고'])
    expect(table.rows).toEqual([['한빛, 주식회사', '첫 줄\n둘째 줄 "인용"']])
  })

  it('reads back what our own exporter writes: XLSX (first sheet) and CSV, formula guard removed', async () => {
    const columns = [
      { key: 'name', header: '회사명' },
      { key: 'revenue', header: '매출액', kind: 'won' as const },
    ]
    const rows = [
      { name: '=한빛', revenue: 1200000 },
      { name: '새솔, 유한회사', revenue: null },
    ]
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exportTable({ fileName: 'x', format, columns, rows })
      const table = await parseTable(new Uint8Array(Buffer.from(file.base64, 'base64')))
      expect(table.headers).toEqual(['회사명', '매출액'])
      expect(table.rows).toEqual([
        ['=한빛', '1200000'],
        ['새솔, 유한회사', ''],
      ])
    }
  })

  it('reads the unzipped size an XLSX declares before inflating it (zip bomb guard)', async () => {
    const file = await exportTable({ fileName: 'x', format: 'xlsx', columns: [{ key: 'a', header: 'A' }], rows: [{ a: 'x'.repeat(1000) }] })
    const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'))
    const size = declaredUnzippedSize(bytes)
    expect(size).toBeGreaterThan(bytes.length)
    // The same archive claiming a 4 GB entry is refused before exceljs sees it.
    const bomb = bytes.slice()
    const view = new DataView(bomb.buffer)
    const central = view.getUint32(bomb.length - 22 + 16, true)
    view.setUint32(central + 24, 0xfffffff0, true)
    await expect(parseTable(bomb)).rejects.toMatchObject({ problem: 'tooLarge' })
  })

  it('refuses a broken XLSX and an empty file', async () => {
    await expect(parseTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(ImportFileError)
    await expect(parseTable(utf8(''))).rejects.toMatchObject({ problem: 'empty' })
  })
})

describe('mapping suggestions', () => {
  it('maps Korean and English headers, spaces and case ignored', () => {
    expect(suggestMapping('companies', ['상호', '사업자 등록번호', 'Phone', '대표자', '알 수 없음'])).toEqual([
      'name',
      'businessNumber',
      'phone',
      'representative',
      null,
    ])
    expect(suggestMapping('companies', ['Company Name', '연락처', 'E-mail'])).toEqual(['name', 'phone', 'email'])
  })

  it('reads 이름 as the whole name alone, and as the given name next to 성', () => {
    expect(suggestMapping('contacts', ['회사명', '이름', '휴대폰'])).toEqual(['companyName', 'fullName', 'mobile'])
    expect(suggestMapping('contacts', ['회사명', '성', '이름'])).toEqual(['companyName', 'lastName', 'firstName'])
  })

  it("reads a trainee list's 소속 as the department, unless the file has its own 부서 column", () => {
    expect(suggestMapping('trainees', ['성명', '소속', '사번'])).toEqual(['fullName', 'department', 'employeeNumber'])
    expect(suggestMapping('trainees', ['성명', '소속', '부서'])).toEqual(['fullName', 'companyName', 'department'])
    expect(suggestMapping('contacts', ['성명', '소속'])).toEqual(['fullName', 'companyName'])
  })

  it('names the required fields a mapping leaves out', () => {
    expect(missingFields('companies', [null, 'phone'])).toEqual(['name'])
    expect(missingFields('contacts', ['fullName'])).toEqual(['company'])
    expect(missingFields('trainees', ['lastName'])).toEqual(['firstName'])
  })
})

describe('import review and commit (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let customers: CustomerRepos
  let service: ImportService

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('import.sqlite'))
    device.addUser({ id: testId(0xa1), lastName: '김', firstName: '민준' })
    device.signInAs({ id: testId(0xa1), tier: 'OPERATOR' })
    customers = createCustomers(device)
    service = createImportService({
      sqlite: device.sqlite,
      writer: device.writer,
      customers,
      leads: createLeadsRepo(device),
      products: createProductsRepo(device),
      newId: device.newId,
    })
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const existing = () => customers.companies.create(companyCreateSchema.parse({ name: '기존상사', businessNumber: '124-81-00998' }), { allowDuplicates: false })

  const COMPANIES = [
    '회사명,사업자등록번호,전화,이메일,등급',
    '한빛전자,220-81-62517,02-123-4567,info@hanbit.kr,골드',
    ',,,,', // an empty row is skipped by the parser
    '새솔물산,123-45-67890,02-999,not-an-email,',
    '기존상사 주식회사,124-81-00998,,,',
    '한빛전자(주),220-81-62517,,,',
  ].join('\r\n')

  it('reviews every row: Korean error keys per cell, duplicates in the file and against the replica', async () => {
    existing()
    const pending = device.outbox.pendingCount()
    const review = await service.preview({ target: 'companies', bytes: withBom(COMPANIES) })
    expect(review.mapping).toEqual(['name', 'businessNumber', 'phone', 'email', 'tier'])
    expect(review.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5])
    expect(review.rows[0]).toMatchObject({ errors: [], excluded: false })
    expect(review.rows[1]!.errors).toEqual([
      { column: 'businessNumber', code: 'validation.businessNumberChecksum' },
      { column: 'phone', code: 'validation.phone' },
      { column: 'email', code: 'validation.email' },
    ])
    expect(review.rows[2]!.duplicateOf).toMatchObject({ kind: 'existing', name: '기존상사' })
    expect(review.rows[3]!.duplicateOf).toEqual({ kind: 'file', rowNumber: 2 })
    expect(review.summary).toEqual({ total: 4, ok: 1, errors: 1, duplicates: 2, excluded: 0 })
    expect(device.outbox.pendingCount()).toBe(pending) // a preview writes nothing
  })

  it('refuses the commit while one row has an error: nothing written, outbox unchanged', async () => {
    existing()
    const before = { companies: countRows(device.sqlite, 'companies'), outbox: device.outbox.pendingCount() }
    await expect(service.commit({ target: 'companies', bytes: withBom(COMPANIES), duplicates: 'import' })).rejects.toMatchObject({
      rule: 'hasErrors',
      params: { count: 1 },
    })
    expect(countRows(device.sqlite, 'companies')).toBe(before.companies)
    expect(countRows(device.sqlite, 'branches')).toBe(1)
    expect(device.outbox.pendingCount()).toBe(before.outbox)
  })

  it('commits after excluding or correcting the bad row; duplicates skipped by choice', async () => {
    existing()
    const excluded = await service.commit({ target: 'companies', bytes: withBom(COMPANIES), excludedRows: [3], duplicates: 'skip' })
    expect(excluded).toEqual({ created: 1, skippedDuplicates: 2, excluded: 1, enrolled: 0 })
    const hanbit = device.sqlite.prepare("SELECT business_number, tier FROM companies WHERE name = '한빛전자'").get()
    expect(hanbit).toEqual({ business_number: '2208162517', tier: 'GOLD' })
    // The head office carries the phone and e-mail, like a company made on the form.
    expect(device.sqlite.prepare("SELECT phone, email, name FROM branches WHERE email = 'info@hanbit.kr'").get()).toEqual({
      phone: '021234567',
      email: 'info@hanbit.kr',
      name: '본사',
    })

    const corrected = await service.commit({
      target: 'companies',
      bytes: withBom(COMPANIES),
      corrections: { '3': { businessNumber: '', phone: '02-999-1234', email: 'sales@saesol.kr' } },
      duplicates: 'skip',
    })
    expect(corrected.created).toBe(1)
    expect(countRows(device.sqlite, 'companies')).toBe(3)
  })

  it('rolls back every row when one write fails midway (one writer transaction)', async () => {
    const leads = createLeadsRepo(device)
    let calls = 0
    const failing = createImportService({
      sqlite: device.sqlite,
      writer: device.writer,
      customers,
      leads: {
        create: (input) => {
          calls += 1
          if (calls === 2) throw new Error('disk full')
          return leads.create(input)
        },
      },
      products: createProductsRepo(device),
      newId: device.newId,
    })
    const csv = '회사명,담당자,전화\r\n한빛전자,박지훈,010-1234-5678\r\n새솔물산,이수진,010-2222-3333\r\n'
    await expect(failing.commit({ target: 'leads', bytes: utf8(csv), duplicates: 'import' })).rejects.toThrow('disk full')
    expect(countRows(device.sqlite, 'leads')).toBe(0)
    expect(device.outbox.pendingCount()).toBe(0)
  })

  it('imports contacts into the company found by name or business number, refusing an unknown company', async () => {
    existing()
    const csv = [
      '고객사,사업자등록번호,성명,휴대폰,이메일',
      '기존상사,,박지훈,010-1234-5678,park@a.kr',
      ',124-81-00998,이수진,,lee@a.kr',
      '없는회사,,최민수,,',
    ].join('\n')
    const review = await service.preview({ target: 'contacts', bytes: utf8(csv) })
    expect(review.rows[2]!.errors).toEqual([{ column: 'companyName', code: 'transfer.import.errors.companyNotFound' }])
    const result = await service.commit({ target: 'contacts', bytes: utf8(csv), excludedRows: [4], duplicates: 'import' })
    expect(result.created).toBe(2)
    expect(device.sqlite.prepare('SELECT last_name, first_name, mobile FROM contacts ORDER BY email DESC').all()).toEqual([
      { last_name: '박', first_name: '지훈', mobile: '01012345678' },
      { last_name: '이', first_name: '수진', mobile: null },
    ])
  })

  it('imports a roster into a class as CONFIRMED, enrolling a trainee already on file instead of copying them', async () => {
    const company = existing()
    if (company.status !== 'created') throw new Error('setup')
    const projectId = testId(0x501)
    const sessionId = testId(0x502)
    const classId = testId(0x503)
    device.writer.transaction(() => {
      device.writer.upsert('projects', projectId, { code: 'P-1', name: '리더십 과정', company_id: company.id, status: 'IN_PROGRESS' })
      device.writer.upsert('training_sessions', sessionId, { project_id: projectId, session_number: 1, start_date: '2026-12-01', end_date: '2026-12-01' })
      device.writer.upsert('training_classes', classId, {
        session_id: sessionId,
        class_number: 1,
        date: '2026-12-01',
        start_time: '09:00',
        end_time: '18:00',
        max_participants: 3,
      })
      device.writer.upsert('trainees', testId(0x601), { company_id: company.id, last_name: '정', first_name: '하늘', phone: '01055556666' })
    })
    const csv = ['성명,사번,부서,휴대폰', '홍길동,E001,인사팀,010-1111-2222', '정하늘,,영업팀,010-5555-6666'].join('\n')
    const review = await service.preview({ target: 'trainees', bytes: utf8(csv), classId })
    expect(review.rows.map((r) => r.errors)).toEqual([[], []])
    expect(review.rows[1]!.duplicateOf).toMatchObject({ kind: 'existing', id: testId(0x601) })
    const result = await service.commit({ target: 'trainees', bytes: utf8(csv), classId, duplicates: 'skip' })
    expect(result).toEqual({ created: 1, skippedDuplicates: 1, excluded: 0, enrolled: 2 })
    expect(countRows(device.sqlite, 'trainees')).toBe(2)
    expect(device.sqlite.prepare("SELECT count(*) AS n FROM enrollments WHERE class_id = ? AND status = 'CONFIRMED'").get(classId)).toEqual({ n: 2 })
    expect(device.sqlite.prepare("SELECT company_id, department FROM trainees WHERE employee_number = 'E001'").get()).toEqual({
      company_id: company.id,
      department: '인사팀',
    })

    // Over capacity: the whole roster is refused.
    const more = ['성명', '가나다', '라마바'].join('\n')
    await expect(service.commit({ target: 'trainees', bytes: utf8(more), classId, duplicates: 'skip' })).rejects.toBeInstanceOf(ImportRuleError)
    expect(countRows(device.sqlite, 'trainees')).toBe(2)
  })

  it('validates leads with the shared phone and e-mail rules and maps Korean sources', async () => {
    const csv = ['회사명,담당자,전화,이메일,유입경로', '한빛전자,박지훈,010-1234-5678,a@b.kr,소개', '새솔,,12,bad,'].join('\n')
    const review = await service.preview({ target: 'leads', bytes: utf8(csv) })
    expect(review.rows[1]!.errors.map((e) => e.code)).toEqual(['validation.phone', 'validation.email'])
    await service.commit({ target: 'leads', bytes: utf8(csv), excludedRows: [3], duplicates: 'import' })
    expect(device.sqlite.prepare('SELECT company_name, source, phone FROM leads').all()).toEqual([
      { company_name: '한빛전자', source: 'REFERRAL', phone: '01012345678' },
    ])
  })

  it('reads an XLSX file the user made in Excel (first sheet only)', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('고객사')
    sheet.addRow(['상호', '대표자', '직원수'])
    sheet.addRow(['누리소프트', '최민수', 120])
    workbook.addWorksheet('기타').addRow(['무시'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const result = await service.commit({ target: 'companies', bytes, duplicates: 'skip' })
    expect(result.created).toBe(1)
    expect(device.sqlite.prepare("SELECT representative, employee_count FROM companies WHERE name = '누리소프트'").get()).toEqual({
      representative: '최민수',
      employee_count: 120,
    })
  })

  it('imports products with their category by name, won amounts and counts as numbers', async () => {
    device.signInAs({ id: testId(0xa1), tier: 'MANAGER' })
    const categoryId = testId(0x701)
    device.writer.upsert('product_categories', categoryId, { code: 'LEAD', name: '리더십', is_active: true })
    const csv = [
      '상품코드,상품명,분류,유형,교육시간,최소인원,정원,정가',
      'LDR-01,팀장 리더십,리더십,교육,16,10,30,"1,500,000원"',
      ',신입 온보딩,없는분류,교육,8,,,abc',
      'LDR-02,코칭 과정,리더십,코칭,8,20,10,900000',
    ].join('\n')
    const review = await service.preview({ target: 'products', bytes: utf8(csv) })
    expect(review.mapping).toEqual(['code', 'productName', 'category', 'type', 'durationHours', 'minParticipants', 'maxParticipants', 'listPrice'])
    expect(review.rows[1]!.errors).toEqual([
      { column: 'category', code: 'transfer.import.errors.categoryNotFound' },
      { column: 'listPrice', code: 'validation.number' },
    ])
    expect(review.rows[2]!.errors).toEqual([{ column: 'maxParticipants', code: 'transfer.import.errors.participantsRange' }])
    await service.commit({ target: 'products', bytes: utf8(csv), excludedRows: [3, 4], duplicates: 'skip' })
    expect(device.sqlite.prepare('SELECT code, name, category_id, type, duration_hours, max_participants, list_price FROM products').all()).toEqual([
      { code: 'LDR-01', name: '팀장 리더십', category_id: categoryId, type: 'TRAINING', duration_hours: 16, max_participants: 30, list_price: 1500000 },
    ])
    const again = await service.preview({ target: 'products', bytes: utf8(csv) })
    expect(again.rows[0]!.duplicateOf).toMatchObject({ kind: 'existing', name: '팀장 리더십' })
  })
})
