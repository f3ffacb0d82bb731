// Who a trainee is, so the same person is not created again in every class: a trainee is the same person when the
// full name matches AND the mobile number or the e-mail matches (a name alone is not enough: 김민수 is common). Used by
// find-or-create (walk-ins, pasted rows, imports) and by the duplicate list the merge starts from.

import { normalizeEmail } from './email'
import { displayName, splitKoreanName } from './korean-name'
import { isValidPhone, normalizePhone } from './phone'

export interface TraineeIdentity {
  readonly lastName: string
  readonly firstName: string
  readonly phone?: string | null
  readonly email?: string | null
}

const nameKey = (t: TraineeIdentity): string => displayName(t).replace(/\s+/g, '').toLowerCase()

/** The keys a trainee is found by: name + phone and name + e-mail (only those that are filled in). */
export function traineeKeys(t: TraineeIdentity): string[] {
  const name = nameKey(t)
  if (!name) return []
  const keys: string[] = []
  const phone = t.phone ? normalizePhone(t.phone) : ''
  if (phone) keys.push(`${name}|tel:${phone}`)
  const email = t.email ? normalizeEmail(t.email) : ''
  if (email) keys.push(`${name}|mail:${email}`)
  return keys
}

/** Whether two trainee records are the same person by the rule above. */
export function sameTrainee(a: TraineeIdentity, b: TraineeIdentity): boolean {
  const keys = new Set(traineeKeys(a))
  return traineeKeys(b).some((key) => keys.has(key))
}

/** Groups of records that are the same person (each group has two or more), in input order: merge candidates. */
export function duplicateTraineeGroups<T extends TraineeIdentity>(trainees: readonly T[]): T[][] {
  const parent = trainees.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)))
  const byKey = new Map<string, number>()
  trainees.forEach((t, i) => {
    for (const key of traineeKeys(t)) {
      const seen = byKey.get(key)
      if (seen === undefined) byKey.set(key, i)
      else parent[find(i)] = find(seen)
    }
  })
  const groups = new Map<number, T[]>()
  trainees.forEach((t, i) => {
    const root = find(i)
    groups.set(root, [...(groups.get(root) ?? []), t])
  })
  return [...groups.values()].filter((g) => g.length > 1)
}

/** A row pasted from a spreadsheet (or read from a file): 이름, 연락처, 회사, 부서 (and optionally 직급, 이메일). */
export interface PastedTrainee {
  readonly line: number
  readonly lastName: string
  readonly firstName: string
  readonly phone: string | null
  readonly email: string | null
  readonly companyName: string | null
  readonly department: string | null
  readonly position: string | null
}

/** A pasted row as the enrolment channel takes it (the line number stays on the device). */
export function traineeRowOf({ line: _line, ...row }: PastedTrainee): Omit<PastedTrainee, 'line'> {
  return row
}

export interface PastedRowError {
  readonly line: number
  readonly text: string
  readonly reason: 'noName' | 'badPhone' | 'noContact'
}

const HEADER_WORDS = /^(이름|성명|name|full ?name)$/i
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Rows copied from Excel / Google Sheets (tab-separated) or typed with commas: name, phone (or e-mail), company,
 * department, position. A header row (이름 …) is skipped; empty lines are ignored. A row without a name, or with
 * something in the phone column that is neither a phone number nor an e-mail, is reported with its line number and
 * nothing of it is used, so the person fixes the sheet instead of getting a half-right trainee.
 */
export function parsePastedTrainees(text: string): { rows: PastedTrainee[]; errors: PastedRowError[] } {
  const rows: PastedTrainee[] = []
  const errors: PastedRowError[] = []
  const lines = text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n')
  lines.forEach((raw, index) => {
    const line = index + 1
    if (!raw.trim()) return
    const cells = (raw.includes('\t') ? raw.split('\t') : raw.split(',')).map((c) => c.trim())
    const [name = '', contact = '', company = '', department = '', position = ''] = cells
    if (index === 0 && HEADER_WORDS.test(name)) return
    const { lastName, firstName } = splitKoreanName(name)
    if (!lastName && !firstName) return void errors.push({ line, text: raw, reason: 'noName' })
    let phone: string | null = null
    let email: string | null = null
    // The sixth column may hold an e-mail next to the phone.
    for (const value of [contact, cells[5] ?? '']) {
      if (!value) continue
      if (EMAIL.test(value)) email = normalizeEmail(value)
      else if (isValidPhone(value)) phone = normalizePhone(value)
      else return void errors.push({ line, text: raw, reason: 'badPhone' })
    }
    if (errors.some((e) => e.line === line)) return
    rows.push({ line, lastName, firstName, phone, email, companyName: company || null, department: department || null, position: position || null })
  })
  return { rows, errors }
}
