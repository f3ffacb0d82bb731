/**
 * Per import target: how a row's mapped cells become a validated input (the same zod schemas the forms and IPC use),
 * which keys make two rows duplicates, which replica record a row duplicates, and how it is written. Writes go through
 * the same repositories as the screens, so an imported company gets its 본사 branch and code like one typed in.
 */
import { type z } from 'zod'
import { companyNameKey } from '../../../../shared/domain/company-name'
import { isValidEmail, normalizeEmail } from '../../../../shared/domain/email'
import { splitKoreanName } from '../../../../shared/domain/korean-name'
import { isValidPhone, normalizePhone } from '../../../../shared/domain/phone'
import { pairId } from '../../../../shared/ids/pair-id'
import { type ImportCellError } from '../../../../shared/ipc/transfer-types'
import { enumFromLabel, type ImportTarget } from '../../../../shared/model/import-targets'
import { businessNumberField, companyCreateSchema, contactCreateSchema, fieldErrors, type CompanyCreate } from '../../../../shared/model/validation/customers'
import { productSaveSchema, type ProductSave } from '../../../../shared/model/validation/products'
import { leadCreateSchema } from '../../../../shared/model/validation/sales'
import { traineeImportSchema, type TraineeImport } from '../../../../shared/model/validation/transfer'
import { type Writer } from '../../outbox/writer'
import { type CustomerRepos } from '../../customers/index'
import { type LeadsRepo } from '../../sales/leads'
import { type ProductsRepo } from '../../products/products'
import { type Sqlite } from '../../sqlite'
import { type CompanyLinker } from './company-link'

export type RowValues = Readonly<Record<string, string>>

export interface RowOutcome {
  readonly input: unknown
  readonly errors: ImportCellError[]
}

export interface TargetRules {
  validate(values: RowValues): RowOutcome
  /** Keys that make two rows of one file the same record (e.g. `bn:1248100998`). */
  fileKeys(input: unknown): string[]
  /** A replica record this row would duplicate. */
  existing(input: unknown): Match | null
  /** Writes one valid row (inside the import's transaction). `duplicateId`: the record it duplicates, if skipped. */
  write(input: unknown, skippedDuplicateOf: string | null): { created: boolean; enrolled: boolean }
}

export interface TargetDeps {
  readonly sqlite: Sqlite
  readonly writer: Writer
  readonly customers: Pick<CustomerRepos, 'companies' | 'contacts'>
  readonly leads: Pick<LeadsRepo, 'create'>
  readonly products: Pick<ProductsRepo, 'save'>
  readonly linker: CompanyLinker
  readonly newId: () => string
  /** Trainees only: the class (분반) to enrol every row into as CONFIRMED. */
  readonly classId?: string | null
  readonly classCompanyId?: string | null
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000'

/** Only cells that hold something: an empty cell means "not given", so schema defaults apply. */
function filled(values: RowValues, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of keys) {
    const value = values[key]
    if (value !== undefined && value.trim() !== '') out[key] = value
  }
  return out
}

/** zod issues as cell errors; `rename` moves an error to the column the user mapped (성명 → lastName). */
function issues(error: z.ZodError | undefined, rename: Record<string, string> = {}, skip: readonly string[] = []): ImportCellError[] {
  if (!error) return []
  return Object.entries(fieldErrors(error))
    .filter(([field]) => !skip.includes(field))
    .map(([field, code]) => ({ column: rename[field] ?? field, code: code ?? 'validation.invalid' }))
}

/** 성명 in one cell, or 성 and 이름 in two; errors point at the column the user filled. */
function personName(values: RowValues): { lastName: string; firstName: string; rename: Record<string, string> } {
  const full = values.fullName?.trim()
  if (full) {
    const { lastName, firstName } = splitKoreanName(full)
    return { lastName, firstName, rename: { lastName: 'fullName', firstName: 'fullName' } }
  }
  const hasSplit = values.lastName !== undefined || values.firstName !== undefined
  return {
    lastName: values.lastName?.trim() ?? '',
    firstName: values.firstName?.trim() ?? '',
    rename: hasSplit ? {} : { lastName: 'fullName', firstName: 'fullName' },
  }
}

/** The company cell(s) of a contact or trainee row, resolved in the replica. */
function linkCompany(values: RowValues, linker: CompanyLinker): { companyId: string | null; branchId: string | null; errors: ImportCellError[] } {
  const errors: ImportCellError[] = []
  let businessNumber: string | undefined
  if (values.businessNumber?.trim()) {
    const parsed = businessNumberField.safeParse(values.businessNumber)
    if (!parsed.success) return { companyId: null, branchId: null, errors: issues(parsed.error).map((e) => ({ ...e, column: 'businessNumber' })) }
    businessNumber = parsed.data ?? undefined
  }
  const link = linker.find({ companyName: values.companyName?.trim(), businessNumber })
  if (link === null) return { companyId: null, branchId: null, errors }
  const column = businessNumber ? 'businessNumber' : 'companyName'
  if (link.status === 'notFound') errors.push({ column, code: 'transfer.import.errors.companyNotFound' })
  if (link.status === 'ambiguous') errors.push({ column, code: 'transfer.import.errors.companyAmbiguous' })
  if (link.status === 'found') return { companyId: link.companyId, branchId: link.branchId, errors }
  return { companyId: null, branchId: null, errors }
}

interface Match {
  readonly id: string
  readonly name: string
}

/**
 * The replica's records by the same keys as `fileKeys`, read once per review on first use: one scan instead of a
 * query per row (a 10,000-row file against tens of thousands of records stays interactive).
 */
function replicaIndex(load: () => Iterable<[string, Match]>): (keys: readonly string[]) => Match | null {
  let index: Map<string, Match> | null = null
  return (keys) => {
    if (!index) {
      index = new Map()
      for (const [key, match] of load()) if (!index.has(key)) index.set(key, { id: match.id, name: match.name })
    }
    for (const key of keys) {
      const hit = index.get(key)
      if (hit) return hit
    }
    return null
  }
}

const traineeKeys = (
  email: string | null | undefined,
  phone: string | null | undefined,
  companyId: string | null,
  employeeNumber: string | null | undefined,
): string[] => [...contactKeys(email, phone), ...(employeeNumber ? [`emp:${companyId ?? ''}:${employeeNumber}`] : [])]

const productKeys = (code: string | null | undefined, name: string): string[] => [
  ...(code ? [`code:${code.toUpperCase()}`] : []),
  `name:${name.trim().toLowerCase()}`,
]

const contactKeys = (email: string | null | undefined, ...phones: Array<string | null | undefined>): string[] => [
  ...(email ? [`email:${email}`] : []),
  ...phones.filter((p): p is string => Boolean(p)).map((p) => `phone:${p}`),
]

function companyRules(deps: TargetDeps): TargetRules {
  const fields = [
    'name',
    'businessNumber',
    'corporateNumber',
    'representative',
    'phone',
    'email',
    'addressStreet',
    'addressCity',
    'website',
    'employeeCount',
    'annualRevenue',
    'tier',
    'status',
    'description',
  ]
  const replica = replicaIndex(() => {
    const entries: Array<[string, Match]> = []
    const companies = deps.sqlite.prepare<[], { id: string; name: string; business_number: string | null }>(
      'SELECT id, name, business_number FROM companies WHERE deleted_at IS NULL',
    )
    for (const c of companies.iterate()) {
      if (c.business_number) entries.push([`bn:${c.business_number}`, c])
      entries.push([`name:${companyNameKey(c.name)}`, c])
    }
    const branches = deps.sqlite.prepare<[], { id: string; name: string; business_number: string }>(
      `SELECT c.id, c.name, b.business_number FROM branches b JOIN companies c ON c.id = b.company_id
        WHERE b.deleted_at IS NULL AND c.deleted_at IS NULL AND b.business_number IS NOT NULL`,
    )
    for (const b of branches.iterate()) entries.push([`bn:${b.business_number}`, b])
    return entries
  })
  return {
    validate(values) {
      const raw: Record<string, string> = { name: values.name ?? '', ...filled(values, fields) }
      if (raw.tier) raw.tier = enumFromLabel('tier', raw.tier)
      if (raw.status) raw.status = enumFromLabel('status', raw.status)
      const parsed = companyCreateSchema.safeParse(raw)
      return { input: parsed.success ? parsed.data : null, errors: issues(parsed.error) }
    },
    fileKeys(input) {
      const company = input as CompanyCreate
      return [...(company.businessNumber ? [`bn:${company.businessNumber}`] : []), `name:${companyNameKey(company.name)}`]
    },
    existing(input) {
      return replica(this.fileKeys(input))
    },
    write(input, skipped) {
      if (skipped) return { created: false, enrolled: false }
      deps.customers.companies.create(input as CompanyCreate, { allowDuplicates: true })
      return { created: true, enrolled: false }
    },
  }
}

type ContactInput = z.output<typeof contactCreateSchema>

function contactRules(deps: TargetDeps): TargetRules {
  const replica = replicaIndex(() => {
    const rows = deps.sqlite.prepare<
      [],
      { id: string; last_name: string; first_name: string; email: string | null; phone: string | null; mobile: string | null }
    >('SELECT id, last_name, first_name, email, phone, mobile FROM contacts WHERE deleted_at IS NULL')
    return [...rows.iterate()].flatMap((r) =>
      contactKeys(r.email, r.phone, r.mobile).map((key): [string, Match] => [key, { id: r.id, name: `${r.last_name}${r.first_name}` }]),
    )
  })
  return {
    validate(values) {
      const name = personName(values)
      const link = linkCompany(values, deps.linker)
      const errors = [...link.errors]
      if (!values.companyName?.trim() && !values.businessNumber?.trim()) {
        errors.push({ column: values.companyName !== undefined ? 'companyName' : 'businessNumber', code: 'validation.required' })
      } else if (link.companyId && !link.branchId) {
        errors.push({ column: 'companyName', code: 'transfer.import.errors.companyNoBranch' })
      }
      const raw = {
        ...filled(values, ['email', 'phone', 'mobile', 'position', 'title', 'department', 'notes']),
        lastName: name.lastName,
        firstName: name.firstName,
        branchId: link.branchId ?? PLACEHOLDER_ID,
      }
      const parsed = contactCreateSchema.safeParse(raw)
      errors.push(...issues(parsed.error, name.rename, ['branchId']))
      return { input: errors.length === 0 && parsed.success ? parsed.data : null, errors: dedupe(errors) }
    },
    fileKeys(input) {
      const c = input as ContactInput
      return contactKeys(c.email, c.phone, c.mobile)
    },
    existing(input) {
      return replica(this.fileKeys(input))
    },
    write(input, skipped) {
      if (skipped) return { created: false, enrolled: false }
      deps.customers.contacts.createContact(input as ContactInput, { allowDuplicates: true })
      return { created: true, enrolled: false }
    },
  }
}

type LeadInput = z.output<typeof leadCreateSchema>

function leadRules(deps: TargetDeps): TargetRules {
  const replica = replicaIndex(() => {
    const rows = deps.sqlite.prepare<[], { id: string; company_name: string; email: string | null; phone: string | null }>(
      'SELECT id, company_name, email, phone FROM leads WHERE deleted_at IS NULL',
    )
    return [...rows.iterate()].flatMap((r) =>
      contactKeys(r.email?.toLowerCase(), r.phone).map((key): [string, Match] => [key, { id: r.id, name: r.company_name }]),
    )
  })
  return {
    validate(values) {
      const raw: Record<string, string> = { companyName: values.companyName ?? '', ...filled(values, ['contactName', 'email', 'phone', 'source', 'notes']) }
      if (raw.source) raw.source = enumFromLabel('source', raw.source)
      const errors: ImportCellError[] = []
      // The lead form keeps any digits; an import is held to the same phone and e-mail rules as contacts.
      if (raw.phone && !isValidPhone(raw.phone)) errors.push({ column: 'phone', code: 'validation.phone' })
      if (raw.email && !isValidEmail(raw.email)) errors.push({ column: 'email', code: 'validation.email' })
      if (raw.email) raw.email = normalizeEmail(raw.email)
      if (raw.phone && isValidPhone(raw.phone)) raw.phone = normalizePhone(raw.phone)
      const parsed = leadCreateSchema.safeParse(raw)
      errors.push(...issues(parsed.error).filter((e) => !errors.some((x) => x.column === e.column)))
      return { input: errors.length === 0 && parsed.success ? parsed.data : null, errors }
    },
    fileKeys(input) {
      const lead = input as LeadInput
      return contactKeys(lead.email, lead.phone)
    },
    existing(input) {
      return replica(this.fileKeys(input))
    },
    write(input, skipped) {
      if (skipped) return { created: false, enrolled: false }
      deps.leads.create(input as LeadInput)
      return { created: true, enrolled: false }
    },
  }
}

type TraineeRow = TraineeImport & { readonly companyId: string | null }

function traineeRules(deps: TargetDeps): TargetRules {
  const replica = replicaIndex(() => {
    const rows = deps.sqlite.prepare<
      [],
      {
        id: string
        last_name: string
        first_name: string
        email: string | null
        phone: string | null
        company_id: string | null
        employee_number: string | null
      }
    >('SELECT id, last_name, first_name, email, phone, company_id, employee_number FROM trainees WHERE deleted_at IS NULL')
    return [...rows.iterate()].flatMap((r) =>
      traineeKeys(r.email, r.phone, r.company_id, r.employee_number).map((key): [string, Match] => [key, { id: r.id, name: `${r.last_name}${r.first_name}` }]),
    )
  })
  const enrolment = deps.sqlite.prepare<[string], { deleted_at: string | null }>('SELECT deleted_at FROM enrollments WHERE id = ?')
  const enrol = (traineeId: string): boolean => {
    if (!deps.classId) return false
    const id = pairId('enrollments', deps.classId, traineeId)
    const current = enrolment.get(id)
    if (current && current.deleted_at === null) return false
    deps.writer.upsert('enrollments', id, { class_id: deps.classId, trainee_id: traineeId, status: 'CONFIRMED' })
    return true
  }
  return {
    validate(values) {
      const name = personName(values)
      const link = linkCompany(values, deps.linker)
      const raw = {
        ...filled(values, ['employeeNumber', 'department', 'position', 'email', 'phone', 'notes']),
        lastName: name.lastName,
        firstName: name.firstName,
      }
      const parsed = traineeImportSchema.safeParse(raw)
      const errors = dedupe([...link.errors, ...issues(parsed.error, name.rename)])
      const companyId = link.companyId ?? deps.classCompanyId ?? null
      return { input: errors.length === 0 && parsed.success ? { ...parsed.data, companyId } : null, errors }
    },
    fileKeys(input) {
      const t = input as TraineeRow
      return traineeKeys(t.email, t.phone, t.companyId, t.employeeNumber)
    },
    existing(input) {
      return replica(this.fileKeys(input))
    },
    write(input, skipped) {
      // A trainee already on file is not created again, but a roster import still puts them in the class.
      if (skipped) return { created: false, enrolled: enrol(skipped) }
      const t = input as TraineeRow
      const id = deps.newId()
      deps.writer.upsert('trainees', id, {
        company_id: t.companyId,
        last_name: t.lastName,
        first_name: t.firstName,
        employee_number: t.employeeNumber,
        department: t.department,
        position: t.position,
        email: t.email,
        phone: t.phone,
        notes: t.notes,
      })
      return { created: true, enrolled: enrol(id) }
    },
  }
}

/** "1,200,000원" → 1200000; anything that is not a number stays text for the schema to refuse. */
function numberCell(cell: string): number | string {
  const n = Number(cell.replace(/[,\s원]/g, ''))
  return cell.trim() !== '' && Number.isFinite(n) ? n : cell
}

const PRODUCT_NUMBERS = ['durationDays', 'durationHours', 'minParticipants', 'maxParticipants', 'listPrice', 'cost'] as const

function productRules(deps: TargetDeps): TargetRules {
  const categoryByName = deps.sqlite.prepare<[string], { id: string }>(
    'SELECT id FROM product_categories WHERE deleted_at IS NULL AND lower(trim(name)) = lower(?) LIMIT 2',
  )
  const replica = replicaIndex(() => {
    const rows = deps.sqlite.prepare<[], { id: string; name: string; code: string }>('SELECT id, name, code FROM products WHERE deleted_at IS NULL')
    return [...rows.iterate()].flatMap((r) => productKeys(r.code, r.name).map((key): [string, Match] => [key, r]))
  })
  return {
    validate(values) {
      const errors: ImportCellError[] = []
      let categoryId: string | null = null
      const category = values.category?.trim()
      if (category) {
        const found = categoryByName.all(category)
        if (found.length === 1) categoryId = found[0]!.id
        else
          errors.push({ column: 'category', code: found.length === 0 ? 'transfer.import.errors.categoryNotFound' : 'transfer.import.errors.categoryAmbiguous' })
      }
      const cells = filled(values, ['code', 'type', 'productDescription', 'targetAudience', ...PRODUCT_NUMBERS])
      const raw: Record<string, unknown> = {
        name: values.productName ?? '',
        code: cells.code,
        categoryId,
        type: cells.type ? enumFromLabel('type', cells.type) : undefined,
        description: cells.productDescription,
        targetAudience: cells.targetAudience,
      }
      for (const key of PRODUCT_NUMBERS) if (cells[key] !== undefined) raw[key] = numberCell(cells[key])
      const parsed = productSaveSchema.safeParse(raw)
      const rename = { name: 'productName', description: 'productDescription', categoryId: 'category' }
      for (const issue of parsed.error?.issues ?? []) {
        const field = String(issue.path[0] ?? '')
        const column = rename[field as keyof typeof rename] ?? field
        if (errors.some((e) => e.column === column)) continue
        const code =
          field === 'name'
            ? values.productName?.trim()
              ? 'validation.tooLong'
              : 'validation.required'
            : field === 'maxParticipants' && issue.code === 'custom'
              ? 'transfer.import.errors.participantsRange'
              : (PRODUCT_NUMBERS as readonly string[]).includes(field)
                ? 'validation.number'
                : 'validation.invalid'
        errors.push({ column, code })
      }
      return { input: errors.length === 0 && parsed.success ? parsed.data : null, errors }
    },
    fileKeys(input) {
      const p = input as ProductSave
      return productKeys(p.code, p.name)
    },
    existing(input) {
      return replica(this.fileKeys(input))
    },
    write(input, skipped) {
      if (skipped) return { created: false, enrolled: false }
      deps.products.save(input as ProductSave)
      return { created: true, enrolled: false }
    },
  }
}

function dedupe(errors: ImportCellError[]): ImportCellError[] {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const key = `${e.column}|${e.code}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function targetRules(target: ImportTarget, deps: TargetDeps): TargetRules {
  switch (target) {
    case 'companies':
      return companyRules(deps)
    case 'contacts':
      return contactRules(deps)
    case 'leads':
      return leadRules(deps)
    case 'trainees':
      return traineeRules(deps)
    case 'products':
      return productRules(deps)
  }
}
