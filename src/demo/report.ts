/** A plain-text table of rows per table, for the demo scripts' output. */
export function formatDemoCounts(counts: Readonly<Record<string, number>>, elapsedMs: number): string {
  const entries = Object.entries(counts)
  const total = entries.reduce((sum, [, n]) => sum + n, 0)
  const width = Math.max(5, ...entries.map(([name]) => name.length))
  const lines = entries.map(([name, n]) => `  ${name.padEnd(width)}  ${n.toLocaleString('en-US').padStart(9)}`)
  const seconds = elapsedMs / 1000
  lines.push(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(9)}`)
  lines.push(`  ${seconds.toFixed(2)} s (${Math.round(total / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s)`)
  return lines.join('\n')
}
