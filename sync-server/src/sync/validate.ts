/**
 * Checks a mutation can apply at all, before any row is touched: known table and columns, values of the column's
 * type, domain rules, the stamp's author. Everything here depends only on the mutation, so a mutation refused here is
 * refused the same way on every retry (and never needs a savepoint).
 *
 * Server-authored columns (created_by, updated_at, updated_by, deleted_by) are dropped silently: a device may set them
 * locally for display, and the server overwrites them (docs/architecture.md §3). Server-only columns (field_hlc) and
 * anything the table does not have are refused: a device that sends them is confused, and applying the rest of its
 * change would store something the user did not mean.
 */
import { isValidBusinessNumber } from '../../../src/shared/domain/business-number'
import { isValidCorporateNumber } from '../../../src/shared/domain/corporate-number'
import { sanitizeFileName } from '../../../src/shared/files/file-name'
import { normalizeMimeType } from '../../../src/shared/files/signature'
import { nodeIdForDevice, parseHlc } from '../../../src/shared/sync/hlc'
import type { Mutation } from '../../../src/shared/sync/protocol'
import type { RejectionCode } from '../../../src/shared/sync/protocol'
import { refusal, type Refusal } from './refusal'
import { isServerAuthored, isServerOnly, tableMeta, type TableMeta } from './tables'

export interface ValidMutation {
  readonly seq: number
  readonly table: TableMeta
  readonly id: string
  readonly op: 'upsert' | 'delete'
  /** Device-writable columns only, values in wire encoding. A delete holds deleted_at (or nothing: server time). */
  readonly fields: Readonly<Record<string, unknown>>
  readonly hlc: string
  readonly base: string | null
}

export type Validation = { readonly ok: true; readonly mutation: ValidMutation } | { readonly ok: false; readonly refusal: Refusal }

type DomainRule = (value: unknown) => string | null

/** Rules beyond the column type, by table and column. Null values are the column type's business. */
const DOMAIN_RULES: Readonly<Record<string, Readonly<Record<string, DomainRule>>>> = {
  companies: {
    business_number: (v) => (typeof v === 'string' && !isValidBusinessNumber(v) ? 'not a valid business registration number (10 digits, checksum)' : null),
    corporate_number: (v) => (typeof v === 'string' && !isValidCorporateNumber(v) ? 'not a valid corporate registration number (13 digits, checksum)' : null),
  },
  branches: {
    business_number: (v) => (typeof v === 'string' && !isValidBusinessNumber(v) ? 'not a valid business registration number (10 digits, checksum)' : null),
  },
  // A name any OS can write and show, and a type the file endpoints know (src/shared/files): a row from a script or an
  // old client cannot plant `../../x` or a bidi-reversed name on every device that lists it.
  attachments: {
    file_name: (v) => (typeof v === 'string' && sanitizeFileName(v) !== v ? 'file_name is not a safe file name (sanitizeFileName)' : null),
    mime_type: (v) => (typeof v === 'string' && normalizeMimeType(v) !== v ? 'mime_type is not a normalized type (normalizeMimeType)' : null),
  },
}

/** Registration numbers are stored as bare digits; the CHECK constraint refuses hyphens, so store what it accepts. */
const DIGITS_ONLY: ReadonlySet<string> = new Set(['business_number', 'corporate_number'])

const reject = (code: RejectionCode, message: string): Validation => ({ ok: false, refusal: refusal(code, message) })

/** The HLC node of `deviceId`, or null when it is not a UUID (then every stamp is refused, as before). */
export function deviceNode(deviceId: string): string | null {
  try {
    return nodeIdForDevice(deviceId)
  } catch {
    return null
  }
}

/**
 * `node`: deviceNode(deviceId), computed once per push by the caller (push.ts checks 10,000 mutations of one device);
 * omitted, it is computed here.
 */
export function validateMutation(mutation: Mutation, deviceId: string, node: string | null = deviceNode(deviceId)): Validation {
  const table = tableMeta(mutation.table)
  if (!table) return reject('unknown_field', `unknown table ${mutation.table}`)
  // A parsed mutation's stamp is an HLC (fixed width): its node is the last 16 characters.
  if (node === null || mutation.hlc.slice(-16) !== node) {
    return reject('malformed', `hlc node ${parseHlc(mutation.hlc).node} is not this device's (${nodeIdForDevice(deviceId)})`)
  }

  const fields: Record<string, unknown> = {}
  for (const [name, raw] of Object.entries(mutation.fields)) {
    if (name === 'id') {
      if (raw !== mutation.id) return reject('malformed', 'id in fields differs from the mutation id')
      continue
    }
    if (isServerOnly(name)) return reject('unknown_field', `${name} is written by the server only`)
    if (isServerAuthored(name)) continue
    const column = table.columns.get(name)
    if (!column || !table.writable.has(name)) return reject('unknown_field', `unknown column ${mutation.table}.${name}`)
    const input = DIGITS_ONLY.has(name) && typeof raw === 'string' ? raw.replace(/[\s-]/g, '') : raw
    const checked = column.validate(input)
    if (!checked.ok) return reject('invalid_value', `${name}: ${checked.reason}`)
    const domainError = checked.value === null ? null : (DOMAIN_RULES[table.name]?.[name]?.(checked.value) ?? null)
    if (domainError) return reject('invalid_value', `${name}: ${domainError}`)
    fields[name] = checked.value
  }

  if (mutation.op === 'delete') {
    const others = Object.keys(fields).filter((name) => name !== 'deleted_at')
    if (others.length > 0) return reject('malformed', `a delete carries only deleted_at (got ${others.join(', ')})`)
    if ('deleted_at' in fields && fields.deleted_at === null)
      return reject('malformed', 'a delete needs a deleted_at time (an undelete is an upsert of deleted_at: null)')
  }

  return {
    ok: true,
    mutation: { seq: mutation.seq, table, id: mutation.id.toLowerCase(), op: mutation.op, fields, hlc: mutation.hlc, base: mutation.base ?? null },
  }
}

/** The columns a create of `table` lacks (NOT NULL, no default, not written by the server). */
export function missingForCreate(table: TableMeta, fields: Readonly<Record<string, unknown>>): string[] {
  return table.required.filter((name) => !(name in fields) || fields[name] === null)
}
