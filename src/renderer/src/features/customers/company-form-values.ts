/**
 * The company form's values as typed (strings), and the schema input built from them. Kept apart from the component so
 * the mapping (empty select → null, edit sends only changed fields) is plain code.
 */
import { type CompanyRecord } from '../../../../shared/model/customer-views'
import { formatBusinessNumber } from '../../../../shared/domain/business-number'
import { type CompanyCreateInput, type CompanyUpdateInput } from '../../../../shared/model/validation/customers'

export const COMPANY_TEXT_FIELDS = [
  'name',
  'businessNumber',
  'corporateNumber',
  'representative',
  'industryId',
  'companySize',
  'employeeCount',
  'annualRevenue',
  'website',
  'tier',
  'status',
  'accountManagerId',
  'description',
  'phone',
  'email',
  'addressStreet',
  'creditLimit',
  'paymentTerms',
  'fiscalYearEnd',
  'tags',
  'customFields',
] as const
export type CompanyFormField = (typeof COMPANY_TEXT_FIELDS)[number]
export type CompanyFormValues = Record<CompanyFormField, string>

/** Fields only the create form has: they go to the head office branch. */
const CREATE_ONLY: ReadonlySet<CompanyFormField> = new Set(['phone', 'email', 'addressStreet'])
const NULLABLE_SELECTS: ReadonlySet<CompanyFormField> = new Set(['industryId', 'companySize', 'accountManagerId'])

export function emptyCompanyValues(): CompanyFormValues {
  const values = Object.fromEntries(COMPANY_TEXT_FIELDS.map((f) => [f, ''])) as CompanyFormValues
  return { ...values, tier: 'BRONZE', status: 'PROSPECT', paymentTerms: '30', customFields: '[]' }
}

/** One row of the custom-fields editor (사용자 정의 항목). */
export interface CustomFieldPair {
  readonly key: string
  readonly value: string
}

/**
 * The custom fields travel through the form as one string (the form's values are text, so the concurrent-edit merge
 * and "only changed fields" compare them like any other field): a JSON list of pairs in the order the user sees them.
 */
export function customFieldPairs(text: string): CustomFieldPair[] {
  try {
    const parsed = JSON.parse(text) as unknown
    return Array.isArray(parsed) ? parsed.filter((p): p is CustomFieldPair => typeof p?.key === 'string' && typeof p?.value === 'string') : []
  } catch {
    return []
  }
}

export const customFieldsText = (pairs: readonly CustomFieldPair[]): string => JSON.stringify(pairs)

/** Tags are typed as one line, separated by commas (Korean users also type "、" or "·" between words). */
export const splitTags = (text: string): string[] =>
  text
    .split(/[,，、·]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')

export function valuesFromCompany(company: CompanyRecord): CompanyFormValues {
  const text = (v: string | number | null): string => (v === null ? '' : String(v))
  return {
    ...emptyCompanyValues(),
    name: company.name,
    businessNumber: company.businessNumber ? formatBusinessNumber(company.businessNumber) : '',
    corporateNumber: text(company.corporateNumber),
    representative: text(company.representative),
    industryId: text(company.industryId),
    companySize: text(company.companySize),
    employeeCount: text(company.employeeCount),
    annualRevenue: text(company.annualRevenue),
    website: text(company.website),
    tier: company.tier,
    status: company.status,
    accountManagerId: text(company.accountManagerId),
    description: text(company.description),
    creditLimit: text(company.creditLimit),
    paymentTerms: String(company.paymentTerms),
    fiscalYearEnd: text(company.fiscalYearEnd),
    tags: company.tags.join(', '),
    customFields: customFieldsText(Object.entries(company.customFields).map(([key, value]) => ({ key, value }))),
  }
}

function toInput(values: Partial<CompanyFormValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(values) as Array<[CompanyFormField, string]>) {
    if (field === 'tags') out[field] = splitTags(value)
    else if (field === 'customFields') out[field] = customFieldPairs(value)
    else out[field] = NULLABLE_SELECTS.has(field) && value === '' ? null : value
  }
  return out
}

export function createInput(values: CompanyFormValues): CompanyCreateInput {
  return toInput(values) as CompanyCreateInput
}

/** Only what the user changed: concurrent offline edits of other fields by colleagues then survive the merge. */
export function updateInput(values: CompanyFormValues, initial: CompanyFormValues): CompanyUpdateInput {
  const changed: Partial<CompanyFormValues> = {}
  for (const field of COMPANY_TEXT_FIELDS) {
    if (!CREATE_ONLY.has(field) && values[field] !== initial[field]) changed[field] = values[field]
  }
  return toInput(changed) as CompanyUpdateInput
}
