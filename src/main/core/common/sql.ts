/** Small SQL helpers shared by the device repositories. */
import { type Sqlite, type Statement } from '../sqlite'

/**
 * The list's 가나다 key. SQLite's default BINARY collation compares UTF-8 bytes, which for precomposed Hangul syllables
 * (U+AC00–U+D7A3) is code-point order, and that order IS 가나다 order (a test checks it against Intl.Collator('ko')).
 * So the sort runs in SQL and pages with LIMIT/OFFSET. Legal-form prefixes are dropped so "(주)한빛" sorts under ㅎ,
 * and Hangul names come before Latin ones, as Korean collation does.
 */
export function koreanSortSql(column: string): string {
  const key = `ltrim(replace(replace(replace(${column}, '(주)', ''), '㈜', ''), '주식회사', ''))`
  return `(unicode(${key}) BETWEEN 44032 AND 55203) DESC, ${key}, ${column}`
}

/** LIKE pattern for a literal substring (user input escaped; queries use ESCAPE '\\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Prepared statements cached by SQL text: list queries vary only by which filters are set. */
export function createStatementCache(sqlite: Sqlite): (sql: string) => Statement {
  const cache = new Map<string, Statement>()
  return (sql) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = sqlite.prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }
}

export function placeholders(count: number): string {
  return new Array<string>(count).fill('?').join(', ')
}
