/**
 * Every amount the renderer shows goes through src/renderer/src/lib/money.ts (one formatter, in the user's language):
 * a screen that formats won itself would bring back ₩369,892,000,000 in Korean or 억/만 in English.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = path.resolve(import.meta.dirname, '../../src/renderer/src')
/** Pure view helpers that take the language as an argument may call the shared formatter directly. */
const ALLOWED = new Set(['lib/money.ts', 'features/kpi/kpi-view.ts'])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sources(file)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : []
  })
}

describe('one money formatter', () => {
  it('is the only way the renderer formats won', () => {
    const offenders = sources(RENDERER)
      .map((file) => [path.relative(RENDERER, file).split(path.sep).join('/'), readFileSync(file, 'utf8')] as const)
      .filter(([name]) => !ALLOWED.has(name))
      .filter(([, text]) => /\bformat(Won|WonCompact|WonProse|Money|MoneyCompact|MoneyExact)\(|currency: 'KRW'/.test(text))
      .map(([name]) => name)
    expect(offenders).toEqual([])
  })
})
