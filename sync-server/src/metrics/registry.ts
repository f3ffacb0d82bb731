/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with labels, plus
 * collectors that read a value at scrape time (pool stats, Redis state). Hand-written to keep the server's
 * dependencies small; the format is https://prometheus.io/docs/instrumenting/exposition_formats/.
 */

type Labels = Readonly<Record<string, string>>

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')

function labelText(labels: Labels): string {
  const keys = Object.keys(labels)
  if (keys.length === 0) return ''
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k]!)}"`).join(',')}}`
}

const keyOf = (labels: Labels): string => JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]))

const formatNumber = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN')

interface Metric {
  render(): Promise<string> | string
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>()
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels)
    const slot = this.values.get(key)
    if (slot) slot.value += by
    else this.values.set(key, { labels, value: by })
  }
  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${formatNumber(value)}`)
    return lines.join('\n')
  }
}

export type GaugeSample = { readonly labels?: Labels; readonly value: number }

/** A gauge whose samples are read at scrape time. */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly collect: () => Promise<readonly GaugeSample[]> | readonly GaugeSample[],
  ) {}
  async render(): Promise<string> {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`]
    let samples: readonly GaugeSample[]
    try {
      samples = await this.collect()
    } catch {
      samples = []
    }
    for (const sample of samples) lines.push(`${this.name}${labelText(sample.labels ?? {})} ${formatNumber(sample.value)}`)
    return lines.join('\n')
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>()
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = keyOf(labels)
    let slot = this.series.get(key)
    if (!slot) this.series.set(key, (slot = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }))
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) slot.counts[i]! += 1
    slot.sum += value
    slot.count += 1
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((bound, i) => lines.push(`${this.name}_bucket${labelText({ ...labels, le: formatNumber(bound) })} ${counts[i]}`))
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`)
      lines.push(`${this.name}_sum${labelText(labels)} ${formatNumber(sum)}`)
      lines.push(`${this.name}_count${labelText(labels)} ${count}`)
    }
    return lines.join('\n')
  }
}

export class Registry {
  private readonly metrics: Metric[] = []
  register<M extends Metric>(metric: M): M {
    this.metrics.push(metric)
    return metric
  }
  async render(): Promise<string> {
    const parts = await Promise.all(this.metrics.map((m) => m.render()))
    return `${parts.join('\n')}\n`
  }
}
