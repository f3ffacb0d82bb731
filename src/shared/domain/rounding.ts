// Exact rounding for money and percentages. Binary floats misround halves (1.005 × 100 = 100.49999…), so inputs are
// scaled to integers and divided with BigInt. Inputs come from columns with at most two decimals (rates, percents,
// KPI values) or whole won, so scaling by 100 is exact.

/** numerator / denominator rounded to the nearest integer, halves away from zero (commercial rounding). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('divideRounded: division by zero')
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  return sign * ((2n * n + d) / (2n * d))
}

/** A finite number with at most two decimals as an exact count of hundredths (12.34 → 1234n). */
export function toHundredths(value: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`toHundredths: not a finite number: ${value}`)
  const scaled = Math.round(value * 100)
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`toHundredths: out of range: ${value}`)
  return BigInt(scaled)
}

/** part / whole × 100, rounded to two decimals (half away from zero); null when whole is 0. */
export function ratioPercent(part: number, whole: number): number | null {
  return hundredthsRatioPercent(toHundredths(part), toHundredths(whole))
}

/** The same ratio for values already scaled to hundredths (or any common scale). */
export function hundredthsRatioPercent(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null
  return Number(divideRounded(part * 10_000n, whole)) / 100
}
