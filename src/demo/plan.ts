/**
 * How many rows of what: turns the requested scale (≈ total rows) into counts of the driving entities. Reference
 * data stays small and nearly fixed; the organisation grows slowly; companies carry everything else (branches,
 * contacts, deals, projects, training, meetings, activities), so their count is what the scale really sets.
 */

export interface DemoPlan {
  readonly scale: number
  readonly users: number
  readonly instructors: number
  readonly campaigns: number
  readonly companies: number
  /** How many months back (and 3 ahead) monthly KPI targets reach; quarters follow. */
  readonly kpiMonths: number
}

/** Rows a company brings with it on average, training records included (measured on generated data at 100k). */
export const ROWS_PER_COMPANY = 148

/** Reference rows that do not depend on the scale (roles, permissions, industries, products, KPI definitions). */
const FIXED_ROWS = 440

/** Below this many companies a demo is not worth looking at; tiny scales overshoot rather than go under it. */
const MIN_COMPANIES = 5

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value))

export const MIN_SCALE = 200
export const MAX_SCALE = 5_000_000

export function planDemo(scale: number): DemoPlan {
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new RangeError(`Demo scale must be between ${MIN_SCALE} and ${MAX_SCALE} rows (got ${scale})`)
  }
  const users = clamp(Math.round(8 + scale / 1400), 10, 160)
  const instructors = clamp(Math.round(6 + scale / 2000), 8, 150)
  const campaigns = clamp(Math.round(4 + scale / 5000), 4, 60)
  // KPI rows ≈ targets + actuals per user-month for the individual KPIs, plus team, department and company ones.
  const kpiMonths = scale < 3_000 ? 3 : scale < 15_000 ? 6 : scale < 60_000 ? 12 : 24
  const kpiRows = kpiMonths * (users * 2.7 + 20) + 60
  // users + team memberships (a few people changed teams) + teams
  const orgRows = users * 2.25 + instructors + campaigns
  const companies = Math.max(MIN_COMPANIES, Math.round((scale - FIXED_ROWS - orgRows - kpiRows) / ROWS_PER_COMPANY))
  return { scale, users, instructors, campaigns, companies, kpiMonths }
}
