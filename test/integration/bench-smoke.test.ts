/**
 * `npm run bench -- --smoke` end to end: every scenario of the quick run at the smallest sizes that still exercise it
 * (the quick sizes made this the longest file of the test run). Benchmarks print figures and never fail on speed:
 * this only checks that every scenario ran and produced a figure, a floor measured in the same run and their ratio. The bench
 * runs in its own process (tsx, outside vitest's module transform, which would skew hot loops).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const REPO = path.resolve(import.meta.dirname, '../..')
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-bench-smoke-'))

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Report {
  readonly mode: string
  readonly figures: readonly { scenario: string; value: number; floor: number | null; ratio: number | null }[]
  readonly failures: readonly { scenario: string; error: string }[]
}

function runSmoke(json: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/run.ts', '--smoke', '--no-write', '--json', json], {
      cwd: REPO,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => resolve({ code, output }))
  })
}

describe('npm run bench -- --smoke', () => {
  it('gives every scenario a figure, a floor and a ratio', async () => {
    const json = path.join(tmp, 'bench.json')
    const { code, output } = await runSmoke(json)
    expect(code, output).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report
    expect(report.mode).toBe('smoke')
    expect(report.failures).toEqual([])
    // Scenarios 10 (scale-out) and 11 (scope-proportional pull) are full-run only (run.ts: fullOnly).
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const figures = report.figures.filter((f) => f.scenario.startsWith(`${n}.`))
      expect(figures.length, `scenario ${n}`).toBeGreaterThan(0)
      const complete = figures.filter((f) => Number.isFinite(f.value) && f.floor !== null && f.floor > 0 && f.ratio !== null && Number.isFinite(f.ratio))
      expect(complete.length, `scenario ${n} has a figure with a floor and a ratio:\n${JSON.stringify(figures, null, 2)}`).toBeGreaterThan(0)
    }
  }, 300_000)
})
