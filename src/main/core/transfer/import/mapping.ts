/** Suggests which field each column of a file fills, from its header (Korean or English), and checks a mapping. */
import { IMPORT_FIELDS, normalizeHeader, type ImportField, type ImportTarget } from '../../../../shared/model/import-targets'

export type ColumnMapping = ReadonlyArray<string | null>

export function suggestMapping(target: ImportTarget, headers: readonly string[]): Array<string | null> {
  const fields = IMPORT_FIELDS[target]
  const normalized = headers.map(normalizeHeader)
  const used = new Set<string>()
  // 이름 next to a 성 column is the given name; on its own it is the whole name (성명).
  const hasFamilyNameColumn = normalized.some((h) => fields.find((f) => f.key === 'lastName')?.aliases.includes(h))
  // A trainee list's 소속 is usually the team (인사팀), not the company: the class already names the client company. It
  // means the company only when the file has its own 부서 column.
  const departmentAliases = fields.find((f) => f.key === 'department')?.aliases.map(normalizeHeader) ?? []
  const soForDepartment = target === 'trainees' && !normalized.some((h) => departmentAliases.includes(h))
  const pick = (header: string): string | null => {
    if (soForDepartment && header === normalizeHeader('소속') && !used.has('department')) return 'department'
    const candidates = fields.filter((f) => !used.has(f.key) && f.aliases.some((a) => normalizeHeader(a) === header))
    if (header === '이름' && candidates.some((f) => f.key === 'firstName') && candidates.some((f) => f.key === 'fullName')) {
      return hasFamilyNameColumn ? 'firstName' : 'fullName'
    }
    return candidates.find((f) => f.key !== 'firstName' || hasFamilyNameColumn)?.key ?? null
  }
  return normalized.map((header) => {
    const key = pick(header)
    if (key) used.add(key)
    return key
  })
}

/** Required fields (or `oneOf` groups) the mapping leaves out; an import cannot be reviewed without them. */
export function missingFields(target: ImportTarget, mapping: ColumnMapping): string[] {
  const mapped = new Set(mapping.filter((m): m is string => m !== null))
  const fields = IMPORT_FIELDS[target]
  const missing = fields.filter((f) => f.required && !mapped.has(f.key)).map((f) => f.key)
  const groups = new Map<string, ImportField[]>()
  for (const f of fields) if (f.oneOf) groups.set(f.oneOf, [...(groups.get(f.oneOf) ?? []), f])
  for (const [group, members] of groups) if (!members.some((f) => mapped.has(f.key))) missing.push(group)
  // 성 alone is half a name.
  if (mapped.has('lastName') && !mapped.has('firstName') && !mapped.has('fullName')) missing.push('firstName')
  return missing
}

/** A mapping from the user: known field keys only, each used once, one entry per column. */
export function cleanMapping(target: ImportTarget, headers: readonly string[], mapping: ColumnMapping | undefined): Array<string | null> {
  if (!mapping) return suggestMapping(target, headers)
  const keys = new Set(IMPORT_FIELDS[target].map((f) => f.key))
  const used = new Set<string>()
  return headers.map((_, i) => {
    const key = mapping[i] ?? null
    if (key === null || !keys.has(key) || used.has(key)) return null
    used.add(key)
    return key
  })
}
