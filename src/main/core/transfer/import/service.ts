/**
 * Import with review (가져오기): a file is parsed, mapped and checked row by row against the shared rules and the
 * replica without writing anything (`preview`); `commit` runs the same review again and, only if no row still has an
 * error, writes every row in ONE writer transaction — a failure anywhere leaves the replica and the outbox as they were.
 */
import { type ImportCommitResult, type ImportDuplicate, type ImportReview, type ImportReviewRow } from '../../../../shared/ipc/transfer-types'
import { type ImportTarget } from '../../../../shared/model/import-targets'
import { type Writer } from '../../outbox/writer'
import { type CustomerRepos } from '../../customers/index'
import { type LeadsRepo } from '../../sales/leads'
import { type ProductsRepo } from '../../products/products'
import { type Sqlite } from '../../sqlite'
import { createCompanyLinker } from './company-link'
import { cleanMapping, missingFields, type ColumnMapping } from './mapping'
import { parseTable, type ParsedTable } from './parse'
import { targetRules, type RowValues, type TargetRules } from './targets'
import { RuleError } from '../../rule-error'

export type DuplicatePolicy = 'skip' | 'import'

export interface ImportRequest {
  readonly target: ImportTarget
  readonly bytes: Uint8Array
  readonly mapping?: ColumnMapping
  /** Cell values the user corrected in the review, by row number then field key. */
  readonly corrections?: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Rows the user chose to leave out. */
  readonly excludedRows?: readonly number[]
  /** Trainees only: enrol every imported trainee into this class as CONFIRMED. */
  readonly classId?: string | null
}

export type ImportRule = 'mappingIncomplete' | 'hasErrors' | 'nothingToImport' | 'classNotFound' | 'classFull'

export class ImportRuleError extends RuleError<ImportRule> {
  constructor(
    rule: ImportRule,
    readonly params: Readonly<Record<string, number>> = {},
  ) {
    super(rule, `import refused: ${rule}`)
  }
}

export interface ImportDeps {
  readonly sqlite: Sqlite
  readonly writer: Writer
  readonly customers: Pick<CustomerRepos, 'companies' | 'contacts'>
  readonly leads: Pick<LeadsRepo, 'create'>
  readonly products: Pick<ProductsRepo, 'save'>
  readonly newId: () => string
}

export interface ImportService {
  preview(request: ImportRequest): Promise<ImportReview>
  commit(request: ImportRequest & { readonly duplicates: DuplicatePolicy }): Promise<ImportCommitResult>
}

interface Reviewed {
  readonly review: ImportReview
  /** Valid inputs by row number (rows with errors have none). */
  readonly inputs: ReadonlyMap<number, unknown>
}

interface ClassRow {
  company_id: string | null
  max_participants: number | null
  confirmed: number
}

export function createImportService(deps: ImportDeps): ImportService {
  const classInfo = deps.sqlite.prepare<[string], ClassRow>(
    `SELECT p.company_id, k.max_participants,
            (SELECT count(*) FROM enrollments e WHERE e.class_id = k.id AND e.deleted_at IS NULL AND e.status = 'CONFIRMED') AS confirmed
       FROM training_classes k JOIN training_sessions s ON s.id = k.session_id LEFT JOIN projects p ON p.id = s.project_id
      WHERE k.id = ? AND k.deleted_at IS NULL`,
  )

  const rulesFor = (request: ImportRequest): { rules: TargetRules; klass: ClassRow | null } => {
    const classId = request.target === 'trainees' ? (request.classId ?? null) : null
    const klass = classId ? (classInfo.get(classId) ?? null) : null
    if (classId && !klass) throw new ImportRuleError('classNotFound')
    const rules = targetRules(request.target, {
      ...deps,
      linker: createCompanyLinker(deps.sqlite),
      classId,
      classCompanyId: klass?.company_id ?? null,
    })
    return { rules, klass }
  }

  const review = (request: ImportRequest, table: ParsedTable, rules: TargetRules): Reviewed => {
    const mapping = cleanMapping(request.target, table.headers, request.mapping)
    const missing = missingFields(request.target, mapping)
    const excluded = new Set(request.excludedRows ?? [])
    const seen = new Map<string, number>()
    const inputs = new Map<number, unknown>()
    const rows: ImportReviewRow[] = table.rows.map((cells, index) => {
      const rowNumber = index + 2
      const values: Record<string, string> = {}
      mapping.forEach((key, column) => {
        if (key) values[key] = cells[column] ?? ''
      })
      Object.assign(values, request.corrections?.[String(rowNumber)] ?? {})
      const isExcluded = excluded.has(rowNumber)
      if (missing.length > 0) return { rowNumber, values, errors: [], excluded: isExcluded }
      const outcome = rules.validate(values as RowValues)
      let duplicateOf: ImportDuplicate | undefined
      if (outcome.errors.length === 0 && !isExcluded) {
        inputs.set(rowNumber, outcome.input)
        const keys = rules.fileKeys(outcome.input)
        const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined)
        if (earlier !== undefined) duplicateOf = { kind: 'file', rowNumber: earlier }
        else {
          const existing = rules.existing(outcome.input)
          if (existing) duplicateOf = { kind: 'existing', id: existing.id, name: existing.name }
        }
        for (const key of keys) if (!seen.has(key)) seen.set(key, rowNumber)
      }
      return { rowNumber, values, errors: outcome.errors, excluded: isExcluded, ...(duplicateOf ? { duplicateOf } : {}) }
    })
    const live = rows.filter((r) => !r.excluded)
    const summary = {
      total: rows.length,
      ok: live.filter((r) => r.errors.length === 0 && !r.duplicateOf).length,
      errors: live.filter((r) => r.errors.length > 0).length,
      duplicates: live.filter((r) => r.errors.length === 0 && r.duplicateOf).length,
      excluded: rows.length - live.length,
    }
    return { review: { headers: table.headers, sampleRow: table.rows[0] ?? [], mapping, missingFields: missing, rows, summary }, inputs }
  }

  return {
    async preview(request) {
      const table = await parseTable(request.bytes)
      return review(request, table, rulesFor(request).rules).review
    },

    async commit(request) {
      const table = await parseTable(request.bytes)
      // From here on nothing awaits: the review and the writes see the same replica, in one transaction.
      return deps.writer.transaction(() => {
        const { rules, klass } = rulesFor(request)
        const { review: checked, inputs } = review(request, table, rules)
        if (checked.missingFields.length > 0) throw new ImportRuleError('mappingIncomplete')
        if (checked.summary.errors > 0) throw new ImportRuleError('hasErrors', { count: checked.summary.errors })
        let created = 0
        let enrolled = 0
        let skippedDuplicates = 0
        for (const row of checked.rows) {
          if (row.excluded || row.errors.length > 0) continue
          const dup = row.duplicateOf
          const skipOf = dup && request.duplicates === 'skip' ? (dup.kind === 'existing' ? dup.id : null) : null
          if (dup && request.duplicates === 'skip' && (dup.kind === 'file' || request.target !== 'trainees' || !request.classId)) {
            skippedDuplicates += 1
            continue
          }
          const result = rules.write(inputs.get(row.rowNumber), skipOf)
          if (result.created) created += 1
          else skippedDuplicates += 1
          if (result.enrolled) enrolled += 1
        }
        if (created === 0 && enrolled === 0) throw new ImportRuleError('nothingToImport')
        if (klass?.max_participants != null && klass.confirmed + enrolled > klass.max_participants) {
          throw new ImportRuleError('classFull', { max: klass.max_participants, count: klass.confirmed + enrolled })
        }
        return { created, skippedDuplicates, excluded: checked.summary.excluded, enrolled }
      })
    },
  }
}
