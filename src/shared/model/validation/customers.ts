/**
 * Input rules for companies (고객사), branches (사업장) and contacts (담당자), shared by the renderer's forms (inline
 * errors while typing) and by main (the IPC contract parses every create/edit with these same schemas, so a bypassed
 * form still cannot store a bad business number).
 *
 * Messages are i18n keys (`validation.*`), never text: the renderer translates them. Values come out normalised the
 * way they are stored: business numbers and phones as digits, e-mails lower-cased, empty text as null.
 */
import { z } from 'zod'
import { isValidBusinessNumber, normalizeBusinessNumber } from '../../domain/business-number'
import { isValidCorporateNumber, normalizeCorporateNumber } from '../../domain/corporate-number'
import { isValidEmail, normalizeEmail } from '../../domain/email'
import { isMobilePhone, isValidPhone, normalizePhone } from '../../domain/phone'
import { isIsoDate } from '../../domain/dates'
import {
  ACTIVITY_ENTITY_TYPES,
  ACTIVITY_TYPES,
  BRANCH_TYPES,
  COMPANY_SIZES,
  COMPANY_STATUSES,
  COMPANY_TIERS,
  CONTACT_METHODS,
  CONTACT_ROLE_TYPES,
} from '../enums'

export const VALIDATION_KEYS = [
  'validation.required',
  'validation.tooLong',
  'validation.businessNumberFormat',
  'validation.businessNumberChecksum',
  'validation.corporateNumber',
  'validation.phone',
  'validation.mobile',
  'validation.date',
  'validation.futureDate',
  'validation.url',
  'validation.fiscalYearEnd',
  'validation.paymentTerms',
  'validation.tag',
  'validation.customFieldKey',
  'validation.email',
  'validation.number',
  'validation.invalid',
] as const
export type ValidationKey = (typeof VALIDATION_KEYS)[number]

const msg = (key: ValidationKey): { error: ValidationKey } => ({ error: key })

/** '' (an emptied field) and null both mean "no value", stored as NULL. */
const emptyToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim()

function optionalText(max: number) {
  return z.string().max(max, msg('validation.tooLong')).nullish().transform(emptyToNull)
}

function requiredText(max: number) {
  return z.string(msg('validation.required')).trim().min(1, msg('validation.required')).max(max, msg('validation.tooLong'))
}

/** 사업자등록번호: hyphens optional; 10 digits with a matching check digit, stored as digits. */
export const businessNumberField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .refine((v) => v == null || /^\d{10}$/.test(normalizeBusinessNumber(v)), msg('validation.businessNumberFormat'))
  .refine((v) => v == null || !/^\d{10}$/.test(normalizeBusinessNumber(v)) || isValidBusinessNumber(v), msg('validation.businessNumberChecksum'))
  .transform((v) => (v == null ? v : normalizeBusinessNumber(v)))

const corporateNumberField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .refine((v) => v == null || isValidCorporateNumber(v), msg('validation.corporateNumber'))
  .transform((v) => (v == null ? v : normalizeCorporateNumber(v)))

export const phoneField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .refine((v) => v == null || isValidPhone(v), msg('validation.phone'))
  .transform((v) => (v == null ? v : normalizePhone(v)))

/** 휴대전화: a valid number that is also a Korean mobile (010/011/016/017/018/019), so a desk line gets its own words. */
export const mobileField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .refine((v) => v == null || isValidPhone(v), msg('validation.phone'))
  .refine((v) => v == null || !isValidPhone(v) || isMobilePhone(v), msg('validation.mobile'))
  .transform((v) => (v == null ? v : normalizePhone(v)))

export const emailField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .refine((v) => v == null || isValidEmail(v), msg('validation.email'))
  .transform((v) => (v == null ? v : normalizeEmail(v)))

const idField = z.uuid(msg('validation.invalid')).nullish()

/** Whole won or a count; forms send numbers or digit strings ("1,200" is accepted). */
const wholeNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v === undefined) return undefined
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null
    const n = typeof v === 'number' ? v : Number(v.replace(/[,\s원]/g, ''))
    if (!Number.isSafeInteger(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: 'validation.number' })
      return z.NEVER
    }
    return n
  })

/** A web address; "linkedin.com/in/…" as people copy it gets its https:// so the link opens. */
const urlField = z
  .string()
  .max(500, msg('validation.tooLong'))
  .nullish()
  .transform(emptyToNull)
  .transform((v) => (v == null || /^https?:\/\//i.test(v) ? v : `https://${v}`))
  .refine((v) => v == null || /^https?:\/\/[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i.test(v), msg('validation.url'))

/** A birthday: a real date, not in the future (today is judged in the device's time zone, with a day's grace). */
const birthdayField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .refine((v) => v == null || isIsoDate(v), msg('validation.date'))
  .refine((v) => v == null || !isIsoDate(v) || Date.parse(v) <= Date.now() + 86_400_000, msg('validation.futureDate'))

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** 결산월일 MM-DD (12-31, 03-31 …); "12/31" and "1231" are accepted and stored as MM-DD. */
export const fiscalYearEndField = z
  .string()
  .nullish()
  .transform(emptyToNull)
  .transform((v) => {
    if (v == null) return v
    const m = /^(\d{1,2})[-/.]?(\d{2})$/.exec(v)
    return m ? `${m[1]?.padStart(2, '0')}-${m[2]}` : v
  })
  .refine((v) => {
    if (v == null) return true
    const m = /^(\d{2})-(\d{2})$/.exec(v)
    const month = Number(m?.[1])
    const day = Number(m?.[2])
    return m !== null && month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0)
  }, msg('validation.fiscalYearEnd'))

/** 결제 조건: days until an invoice is due, 0 (on receipt) to 365. */
const paymentTermsField = z
  .union([z.number(), z.string()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined
    const n = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v.replace(/[,\s일]/g, ''))
    if (!Number.isInteger(n) || n < 0 || n > 365) {
      ctx.addIssue({ code: 'custom', message: 'validation.paymentTerms' })
      return z.NEVER
    }
    return n
  })

/** 태그: short words, no duplicates (a repeated tag is dropped, not refused), at most 20. */
const tagsField = z
  .array(z.string())
  .optional()
  .transform((tags) => (tags === undefined ? undefined : [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))]))
  .refine((tags) => tags === undefined || (tags.length <= 20 && tags.every((tag) => tag.length <= 30)), msg('validation.tag'))

/**
 * 사용자 정의 항목 (custom_fields): key → text. Keys are what the customer calls the field ("주거래 은행"); a key used twice
 * or left empty is refused so nothing typed is silently lost.
 */
const customFieldsField = z
  .array(z.strictObject({ key: z.string(), value: z.string() }))
  .optional()
  .superRefine((pairs, ctx) => {
    if (pairs === undefined) return
    const keys = pairs.map((p) => p.key.trim())
    const bad = keys.some((key, i) => (key === '' ? (pairs[i]?.value.trim() ?? '') !== '' : key.length > 50 || keys.indexOf(key) !== i))
    if (bad || pairs.length > 30 || pairs.some((p) => p.value.length > 500)) ctx.addIssue({ code: 'custom', message: 'validation.customFieldKey' })
  })
  .transform((pairs) =>
    pairs === undefined
      ? undefined
      : (Object.fromEntries(pairs.filter((p) => p.key.trim() !== '').map((p) => [p.key.trim(), p.value.trim()])) as Record<string, string>),
  )

function enumField<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, msg('validation.invalid'))
}

const companyFields = {
  name: requiredText(200),
  businessNumber: businessNumberField,
  corporateNumber: corporateNumberField,
  representative: optionalText(100),
  industryId: idField,
  companySize: enumField(COMPANY_SIZES).nullish(),
  annualRevenue: wholeNumber,
  employeeCount: wholeNumber,
  website: optionalText(500),
  description: optionalText(5000),
  tier: enumField(COMPANY_TIERS),
  status: enumField(COMPANY_STATUSES),
  accountManagerId: idField,
  tags: tagsField,
  customFields: customFieldsField,
  creditLimit: wholeNumber,
  paymentTerms: paymentTermsField,
  fiscalYearEnd: fiscalYearEndField,
}

/**
 * A new company. The head office (본사) branch is created with it, so its phone, e-mail and address are asked for on the
 * same form (the duplicate check compares those too).
 */
export const companyCreateSchema = z.strictObject({
  ...companyFields,
  tier: companyFields.tier.default('BRONZE'),
  status: companyFields.status.default('PROSPECT'),
  phone: phoneField,
  email: emailField,
  addressStreet: optionalText(300),
  addressCity: optionalText(100),
})
export type CompanyCreateInput = z.input<typeof companyCreateSchema>
export type CompanyCreate = z.output<typeof companyCreateSchema>

/** An edit sends only the fields the user changed. */
export const companyUpdateSchema = z.strictObject(companyFields).partial()
export type CompanyUpdateInput = z.input<typeof companyUpdateSchema>
export type CompanyUpdate = z.output<typeof companyUpdateSchema>

const branchFields = {
  name: requiredText(200),
  branchType: enumField(BRANCH_TYPES).nullish(),
  businessNumber: businessNumberField,
  addressStreet: optionalText(300),
  addressCity: optionalText(100),
  addressState: optionalText(100),
  addressPostal: optionalText(10),
  phone: phoneField,
  fax: phoneField,
  email: emailField,
  managerName: optionalText(100),
  employeeCount: wholeNumber,
  isPrimary: z.boolean().optional(),
}

export const branchCreateSchema = z.strictObject({ companyId: z.uuid(msg('validation.required')), ...branchFields })
export type BranchCreateInput = z.input<typeof branchCreateSchema>
export const branchUpdateSchema = z.strictObject(branchFields).partial()
export type BranchUpdateInput = z.input<typeof branchUpdateSchema>

const contactFields = {
  /** 성 (family name). */
  lastName: requiredText(50),
  /** 이름 (given name). */
  firstName: requiredText(50),
  email: emailField,
  phone: phoneField,
  mobile: mobileField,
  position: optionalText(50),
  title: optionalText(50),
  department: optionalText(100),
  roleType: enumField(CONTACT_ROLE_TYPES).nullish(),
  preferredContactMethod: enumField(CONTACT_METHODS).nullish(),
  notes: optionalText(5000),
  isPrimary: z.boolean().optional(),
  birthday: birthdayField,
  linkedinUrl: urlField,
  /** 재직 중: off when the person has left the company (kept for the history, out of pickers). */
  isActive: z.boolean().optional(),
}

export const contactCreateSchema = z.strictObject({ branchId: z.uuid(msg('validation.required')), ...contactFields })
export type ContactCreateInput = z.input<typeof contactCreateSchema>
export const contactUpdateSchema = z.strictObject({ branchId: z.uuid(msg('validation.invalid')), ...contactFields }).partial()
export type ContactUpdateInput = z.input<typeof contactUpdateSchema>

/** A quick activity log: type, what it was about, and a line of text; the rest is optional. */
export const activityLogSchema = z.strictObject({
  entityType: enumField(ACTIVITY_ENTITY_TYPES),
  entityId: z.uuid(msg('validation.invalid')),
  activityType: enumField(ACTIVITY_TYPES),
  subject: requiredText(200),
  description: optionalText(5000),
  outcome: optionalText(500),
  nextAction: optionalText(500),
  /** Minutes. */
  duration: wholeNumber,
})
export type ActivityLogInput = z.input<typeof activityLogSchema>

/** Fixing a mistaken log: only the fields the user changed; what it is about (entity) stays. */
export const activityUpdateSchema = z
  .strictObject({
    activityType: enumField(ACTIVITY_TYPES),
    subject: requiredText(200),
    description: optionalText(5000),
    outcome: optionalText(500),
    nextAction: optionalText(500),
    duration: wholeNumber,
  })
  .partial()
export type ActivityUpdateInput = z.input<typeof activityUpdateSchema>

/** The first message key per field (what a form shows under each input). */
export function fieldErrors(error: z.ZodError): Partial<Record<string, ValidationKey>> {
  const out: Partial<Record<string, ValidationKey>> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (out[field]) continue
    out[field] = (VALIDATION_KEYS as readonly string[]).includes(issue.message) ? (issue.message as ValidationKey) : 'validation.invalid'
  }
  return out
}
