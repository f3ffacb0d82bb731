/**
 * Global search over companies, contacts, leads, opportunities and projects, answered offline from the replica.
 *
 * Three routes, because no single one works for Korean (docs field notes, "Korean search"):
 * - 3+ characters: the FTS5 trigram index (`search_index`, kept by triggers; business-number and phone digits are
 *   indexed without separators, so "124-81" and "12481" find the same company).
 * - 1–2 characters (삼성, 민준, 김): trigrams cannot match them. Made only of non-ASCII characters (Hangul, as users
 *   type them), they are looked up in `search_grams` (drizzle/sqlite/0004_search_grams.sql: every 1–2 character
 *   piece of the searched texts, stored in result order, so LIMIT stops an index range). Holding ASCII (a digit, a
 *   Latin letter), they keep instr() on the base tables (without lower() when the query holds no a-z, which gives the
 *   same matches for a third less work): indexing every ASCII pair of every e-mail and phone would multiply the table.
 * - initial consonants (ㅎㄱㄷ → 홍길동, also mixed 홍ㄱ동): the names holding one 초성 piece of the query (`search_grams`,
 *   '^' + initials) are read in result order and checked with matchesChoseong (a deterministic SQL function) until
 *   there are enough; names SQL cannot key ('^*': decomposed jamo, unusual whitespace) are always checked.
 * While a first sync's search_grams is still being filled (src/main/db/search-index.ts), both use the scans instead.
 * Ties (same name) are ordered by id in every route, so the index and the scan give the same hits in the same order.
 */
import { formatBusinessNumber } from '../../../shared/domain/business-number'
import { matchesChoseong, searchKey } from '../../../shared/domain/korean-text'
import { displayName } from '../../../shared/domain/korean-name'
import { formatPhone } from '../../../shared/domain/phone'
import { SEARCH_TYPES, type SearchHit, type SearchMode, type SearchResult, type SearchType } from '../../../shared/model/customer-views'
import { SEARCH_GRAMS_PENDING_KEY } from '../../db/search-index'
import { type Sqlite, type Statement } from '../sqlite'

export interface SearchRepo {
  search(query: string, limitPerType: number): SearchResult
}

/** Compatibility jamo consonants ㄱ..ㅎ: a query holding any of them is an initial-consonant search. */
const CONSONANT = /[\u3131-\u314e]/

/** What each type is matched on by the short and 초성 routes: its names (the index covers codes, numbers, e-mails). */
const NAME_SQL: Record<SearchType, { table: string; name: string; extra: string[] }> = {
  companies: { table: 'companies', name: 'name', extra: ['business_number', 'representative'] },
  contacts: { table: 'contacts', name: 'last_name || first_name', extra: ['mobile', 'phone', 'email'] },
  leads: { table: 'leads', name: 'company_name', extra: ["coalesce(contact_name, '')"] },
  opportunities: { table: 'opportunities', name: 'title', extra: ['code'] },
  projects: { table: 'projects', name: 'name', extra: ['code'] },
}

const CHOSEONG_FN = 'crm_matches_choseong'

/** A 1–2 character query of non-ASCII characters only: `search_grams` holds exactly those pieces of every text. */
export function isGramQuery(key: string): boolean {
  const chars = [...key]
  return chars.length >= 1 && chars.length <= 2 && chars.every((char) => (char.codePointAt(0) ?? 0) >= 0x80)
}

/** Compatibility jamo ㄱ..ㅎ: what the 초성 pieces of `search_grams` are made of (the migration's 12593–12622). */
const JAMO_FIRST = 0x3131
const JAMO_LAST = 0x314e

/**
 * The `search_grams` 초성 piece that every name matching the query holds: each query character stands for its
 * initial consonant (a syllable's, or the consonant itself), and the piece is the first two adjacent ones (else the
 * first one). A match's characters are adjacent once spaces are removed, as they are in the name's key.
 */
export function choseongGram(query: string): string {
  const initials = [...query.normalize('NFC').replace(/\s+/g, '').toLowerCase()].map((char) => {
    const code = char.codePointAt(0) ?? 0
    if (code >= SYLLABLE_FIRST && code <= 0xd7a3) return INITIALS[Math.floor((code - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL)]!
    return code >= JAMO_FIRST && code <= JAMO_LAST ? char : null
  })
  for (let i = 0; i + 1 < initials.length; i++) {
    if (initials[i] && initials[i + 1]) return `^${initials[i]}${initials[i + 1]}`
  }
  const single = initials.find((initial) => initial !== null)
  return `^${single ?? ''}`
}

/** Any conjoining (decomposed) jamo: such a name may only match after NFC, so the 초성 prefilter lets it through. */
export const CONJOINING_JAMO = '*[\u1100-\u11ff]*'

const SYLLABLE_FIRST = 0xac00
const SYLLABLES_PER_INITIAL = 21 * 28
/** The initial consonants in 가나다 order, as Unicode orders the syllables (ㄱ: 가..깋, ㄲ: 까..낗, …). */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'

/**
 * A GLOB pattern that every name matchesChoseong(name, query) accepts also matches (a necessary condition, checked
 * in C before the JS function is called): the query's initial consonants (as any syllable starting with them, or the
 * consonant itself) and its Hangul syllables, in order, anything in between. Other characters (spaces, letters whose
 * case or normal form may differ) are not constrained. ㄱㅁㅈ → *[가-깋ㄱ]*[마-밓ㅁ]*[자-짛ㅈ]*
 */
export function choseongPrefilter(query: string): string {
  const parts = [...query.normalize('NFC').toLowerCase()].flatMap((char) => {
    const initial = INITIALS.indexOf(char)
    if (initial >= 0) {
      const first = SYLLABLE_FIRST + initial * SYLLABLES_PER_INITIAL
      return [`[${String.fromCharCode(first)}-${String.fromCharCode(first + SYLLABLES_PER_INITIAL - 1)}${char}]`]
    }
    const code = char.codePointAt(0) ?? 0
    return code >= SYLLABLE_FIRST && code <= 0xd7a3 ? [char] : []
  })
  return `*${parts.join('*')}*`.replace(/\*+/g, '*')
}

interface HydrateRow {
  id: string
  title: string
  subtitle: string | null
  company_id: string | null
}

function subtitleOf(type: SearchType, row: HydrateRow & { extra: string | null }): string | null {
  const parts: string[] = []
  if (type === 'companies' && row.extra) parts.push(formatBusinessNumber(row.extra))
  if (type === 'contacts' && row.extra) parts.push(formatPhone(row.extra))
  if (row.subtitle) parts.push(row.subtitle)
  return parts.length > 0 ? parts.join(' · ') : null
}

/**
 * Registers `crm_matches_choseong(text, query)` on a connection (deterministic, so SQLite may reuse results within a
 * statement). Every repo whose SQL calls it registers it; registering twice is harmless.
 */
export function registerChoseongFunction(sqlite: Sqlite): void {
  sqlite.function(CHOSEONG_FN, { deterministic: true }, (text: unknown, query: unknown) =>
    typeof text === 'string' && typeof query === 'string' && matchesChoseong(text, query) ? 1 : 0,
  )
}

/**
 * A SQL condition (and its parameters) that a name column matches a list's text filter: by 초성 when the text holds
 * initial consonants, else as a substring of the column or of any of `extra` (codes, numbers). Needs
 * registerChoseongFunction on the connection.
 */
export function textMatchSql(text: string, name: string, extra: readonly string[]): { sql: string; params: unknown[] } {
  const trimmed = text.normalize('NFC').trim()
  if (CONSONANT.test(trimmed)) {
    return {
      sql: `((${name} GLOB ? OR ${name} GLOB '${CONJOINING_JAMO}') AND ${CHOSEONG_FN}(${name}, ?) = 1)`,
      params: [choseongPrefilter(trimmed), trimmed],
    }
  }
  const key = searchKey(trimmed)
  const columns = [name, ...extra]
  return { sql: `(${columns.map((column) => `instr(lower(${column}), ?) > 0`).join(' OR ')})`, params: columns.map(() => key) }
}

/**
 * The short and 초성 routes as scans of the base tables: what answered them before `search_grams`, and still answers
 * short queries holding ASCII. Exported as the reference the index routes are tested against (same hits, same order).
 */
export function prepareScanRoutes(sqlite: Sqlite): {
  substring(type: SearchType, key: string, limit: number): Array<{ entity_id: string }>
  choseong(type: SearchType, query: string, limit: number): Array<{ entity_id: string }>
} {
  registerChoseongFunction(sqlite)
  // Two variants of the substring statement: lower() on every column of every row is a third of the scan's cost, and
  // it changes nothing when the query holds no a-z (SQLite's lower() only folds A-Z, and the key is lower case).
  const substring = {} as Record<SearchType, { folded: Statement; exact: Statement }>
  const choseong = {} as Record<SearchType, Statement>
  for (const type of SEARCH_TYPES) {
    const { table, name, extra } = NAME_SQL[type]
    // Names that start with the query first (김 → 김민준 before 이김), then shorter names.
    const substringSql = (fold: (column: string) => string): string =>
      `SELECT id AS entity_id FROM ${table} WHERE deleted_at IS NULL AND (instr(${fold(name)}, @q) > 0 OR ${extra
        .map((column) => `instr(${fold(column)}, @q) > 0`)
        .join(' OR ')})
       ORDER BY instr(${fold(name)}, @q) = 1 DESC, length(${name}), ${name}, id LIMIT @limit`
    substring[type] = {
      folded: sqlite.prepare(substringSql((column) => `lower(${column})`)),
      exact: sqlite.prepare(substringSql((column) => column)),
    }
    // The GLOB is a necessary condition evaluated in C (choseongPrefilter), so the JS function only sees candidates.
    choseong[type] = sqlite.prepare(
      `SELECT id AS entity_id FROM ${table} WHERE deleted_at IS NULL
         AND (${name} GLOB @pattern OR ${name} GLOB '${CONJOINING_JAMO}') AND ${CHOSEONG_FN}(${name}, @q) = 1
       ORDER BY length(${name}), ${name}, id LIMIT @limit`,
    )
  }

  return {
    substring: (type, key, limit) => substring[type][/[a-z]/.test(key) ? 'folded' : 'exact'].all({ q: key, limit }) as Array<{ entity_id: string }>,
    choseong: (type, query, limit) => choseong[type].all({ q: query, pattern: choseongPrefilter(query), limit }) as Array<{ entity_id: string }>,
  }
}

export function createSearchRepo(sqlite: Sqlite): SearchRepo {
  registerChoseongFunction(sqlite)

  const indexed = sqlite.prepare<[string, string, number], { entity_id: string }>(
    `SELECT entity_id FROM search_index WHERE search_index MATCH ? AND entity_type = ? ORDER BY rank LIMIT ?`,
  )

  const scan = prepareScanRoutes(sqlite)
  const gramsPending = sqlite.prepare(`SELECT 1 FROM sync_state WHERE key = '${SEARCH_GRAMS_PENDING_KEY}'`)

  // One index range each, in result order (the primary key of search_grams), stopped by LIMIT.
  const grams = sqlite.prepare(
    `SELECT entity_id FROM search_grams WHERE gram = @gram AND entity_type = @type
     ORDER BY later, name_length, name, entity_id LIMIT @limit`,
  )
  const choseongGrams = sqlite.prepare(
    `SELECT entity_id FROM (
       SELECT * FROM (SELECT entity_id, name_length, name FROM search_grams
         WHERE gram = @gram AND entity_type = @type AND ${CHOSEONG_FN}(name, @q) = 1
         ORDER BY later, name_length, name, entity_id LIMIT @limit)
       UNION
       SELECT * FROM (SELECT entity_id, name_length, name FROM search_grams
         WHERE gram = '^*' AND entity_type = @type AND ${CHOSEONG_FN}(name, @q) = 1
         ORDER BY later, name_length, name, entity_id LIMIT @limit))
     ORDER BY name_length, name, entity_id LIMIT @limit`,
  )

  const hydrate: Record<SearchType, Statement> = {
    companies: sqlite.prepare(
      `SELECT id, name AS title, representative AS subtitle, business_number AS extra, id AS company_id
       FROM companies WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    contacts: sqlite.prepare(
      `SELECT p.id, p.last_name AS title, p.first_name AS first_name, c.name AS subtitle, coalesce(p.mobile, p.phone) AS extra,
              c.id AS company_id
       FROM contacts p LEFT JOIN branches b ON b.id = p.branch_id LEFT JOIN companies c ON c.id = b.company_id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    ),
    leads: sqlite.prepare(
      `SELECT id, company_name AS title, contact_name AS subtitle, NULL AS extra, converted_to_company_id AS company_id
       FROM leads WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    opportunities: sqlite.prepare(
      `SELECT o.id, o.title, c.name AS subtitle, NULL AS extra, o.company_id
       FROM opportunities o LEFT JOIN companies c ON c.id = o.company_id WHERE o.id IN (SELECT value FROM json_each(?))`,
    ),
    projects: sqlite.prepare(
      `SELECT p.id, p.name AS title, c.name AS subtitle, NULL AS extra, p.company_id
       FROM projects p LEFT JOIN companies c ON c.id = p.company_id WHERE p.id IN (SELECT value FROM json_each(?))`,
    ),
  }

  const hitsFor = (type: SearchType, ids: string[]): SearchHit[] => {
    if (ids.length === 0) return []
    const rows = hydrate[type].all(JSON.stringify(ids)) as Array<HydrateRow & { extra: string | null; first_name?: string }>
    const byId = new Map(rows.map((row) => [row.id, row]))
    return ids.flatMap((id) => {
      const row = byId.get(id)
      if (!row) return []
      const title = type === 'contacts' ? displayName({ lastName: row.title, firstName: row.first_name ?? '' }) : row.title
      return [{ type, id, title, subtitle: subtitleOf(type, row), companyId: row.company_id }]
    })
  }

  return {
    search(query, limitPerType) {
      const text = query.normalize('NFC').trim()
      if (!text) return { query, mode: 'substring', groups: [] }
      const key = searchKey(text)
      const mode: SearchMode = CONSONANT.test(text) ? 'choseong' : [...key].length >= 3 ? 'index' : 'substring'
      // A phrase query: the user's text is matched as a literal substring, never parsed as FTS syntax.
      const phrase = `"${key.replace(/"/g, '""')}"`
      const gram = mode === 'choseong' ? choseongGram(text) : key
      // Right after a first sync search_grams may still be waiting to be filled (search-index.ts): the scans answer.
      const gramsReady = mode !== 'index' && gramsPending.get() === undefined
      const groups = SEARCH_TYPES.map((type) => {
        const rows =
          mode === 'index'
            ? indexed.all(phrase, type, limitPerType)
            : mode === 'choseong'
              ? gramsReady
                ? choseongGrams.all({ gram, type, q: text, limit: limitPerType })
                : scan.choseong(type, text, limitPerType)
              : gramsReady && isGramQuery(key)
                ? grams.all({ gram, type, limit: limitPerType })
                : scan.substring(type, key, limitPerType)
        return {
          type,
          hits: hitsFor(
            type,
            (rows as Array<{ entity_id: string }>).map((row) => row.entity_id),
          ),
        }
      }).filter((group) => group.hits.length > 0)
      return { query, mode, groups }
    },
  }
}
