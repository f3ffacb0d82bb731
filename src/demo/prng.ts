/**
 * A small seeded PRNG for demo data. Math.random cannot be seeded, and the demo data must be reproducible:
 * the same seed gives byte-identical rows on every machine (tests, docs and screenshots rely on it).
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state) seeded from a string hash (cyrb128).
 * Every table gets its own stream (`forkRandom(seed, 'companies')`), so adding rows to one table never shifts
 * the values of another.
 */

export type DemoSeed = number | string

/** cyrb128: a fast, well-mixed 128-bit hash of a string, used only to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** A 128-bit hash of a string as four unsigned 32-bit words (stable across platforms). */
export function hash128(text: string): [number, number, number, number] {
  return cyrb128(text)
}

/** A 32-bit unsigned hash of a string (stable across platforms). */
export function hash32(text: string): number {
  return cyrb128(text)[0]
}

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seedText: string) {
    ;[this.a, this.b, this.c, this.d] = cyrb128(seedText)
    // Discard the first outputs: sfc32 needs a few rounds to mix a weak seed.
    for (let i = 0; i < 15; i++) this.nextUint32()
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`)
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    const last = entries[entries.length - 1]
    if (!last) throw new RangeError('weighted pick from an empty list')
    return last[0]
  }

  /** k distinct items (k is capped at the list length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice()
    const n = Math.min(k, copy.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      const tmp = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = tmp
    }
    return copy.slice(0, n)
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length)
  }

  /** Approximately normal (Irwin–Hall of 4), clamped to [min, max] and rounded to an integer. */
  normalInt(mean: number, sd: number, min: number, max: number): number {
    const u = (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3)
    return Math.min(max, Math.max(min, Math.round(mean + u * sd)))
  }

  /** Skewed toward the low end: a Pareto-like long tail, for amounts and sizes. */
  skewedInt(min: number, max: number, skew = 2): number {
    return min + Math.floor(Math.pow(this.next(), skew) * (max - min + 1))
  }

  /** n random hex digits. */
  hex(n: number): string {
    let out = ''
    while (out.length < n) out += this.nextUint32().toString(16).padStart(8, '0')
    return out.slice(0, n)
  }
}

/** An independent stream for one purpose (a table, a dictionary) under one seed. */
export function forkRandom(seed: DemoSeed, stream: string): Random {
  return new Random(`${String(seed)}\u0000${stream}`)
}
