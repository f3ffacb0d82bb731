/** What the KPI channels answer (the renderer's view of definitions, targets and achievement). */
import { type FiscalPeriod } from '../domain/fiscal-period'
import { type AttainmentBand } from '../domain/kpi'
import { type KpiMeasure } from '../domain/kpi-measures'
import { type KpiCategory, type KpiDirection, type KpiEntityType, type KpiFrequency, type KpiLevel, type KpiPeriodType, type KpiUnit } from '../model/enums'
import { type KpiAudience } from '../model/validation/kpi'

export interface KpiDefinitionView {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly category: KpiCategory | null
  readonly level: KpiLevel | null
  readonly unit: KpiUnit | null
  readonly direction: KpiDirection | null
  readonly frequency: KpiFrequency | null
  readonly formula: string | null
  readonly isActive: boolean
  /** What the app computes from the replica for this KPI; null: recorded actuals only. */
  readonly computed: KpiMeasure | null
}

export interface KpiAchievementRow {
  readonly targetId: string
  readonly definitionId: string
  readonly kpiName: string
  readonly category: KpiCategory | null
  readonly unit: KpiUnit | null
  readonly direction: KpiDirection
  readonly ownerType: KpiEntityType | null
  readonly ownerId: string | null
  /** 홍길동, a team's or department's name, or 전사 for our company. */
  readonly ownerLabel: string
  readonly periodType: KpiPeriodType
  /** The target's fiscal period (for editing it). */
  readonly period: FiscalPeriod
  readonly periodLabel: string
  /** The period's first and last day, 'YYYY-MM-DD'. */
  readonly periodStart: string
  readonly periodEnd: string
  readonly target: number
  readonly stretch: number | null
  readonly minimum: number | null
  readonly actual: number | null
  readonly actualSource: 'computed' | 'recorded' | null
  /** What the app computes for this KPI; null when actuals are recorded by hand. */
  readonly measure: KpiMeasure | null
  /** The day a recorded actual stands at; null for computed or missing actuals. */
  readonly actualDate: string | null
  readonly achievementPercent: number | null
  readonly band: AttainmentBand | null
  readonly weight: number
  /** How many cases a computed rate rests on (closed opportunities, wins, attendance marks); null for counts, amounts, recorded actuals. */
  readonly sampleSize: number | null
  /** The achievement rests on fewer than SMALL_SAMPLE_MINIMUM cases: shown with a mark, left out of the composite. */
  readonly smallSample: boolean
  /** This target's share of the composite's weight (percent); null when it does not count (no actual, small sample). */
  readonly compositeShare: number | null
}

export interface KpiAchievements {
  readonly audience: KpiAudience
  readonly periodType: KpiPeriodType
  readonly periodLabel: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly rows: readonly KpiAchievementRow[]
  /**
   * The composite (compositeAchievement in src/shared/domain/kpi.ts): the weighted mean of the rows that have an
   * achievement from a big enough sample, each counted at most COMPOSITE_CAP_PERCENT; null when none counts.
   */
  readonly overall: number | null
  /** What went into `overall`: rows counted, rows left out as small samples, rows counted at the cap. */
  readonly composite: { readonly counted: number; readonly smallSamples: number; readonly capped: number }
}

export interface KpiOwnerOption {
  readonly type: KpiEntityType
  readonly id: string
  readonly label: string
}

export interface KpiDefinitionsList {
  readonly definitions: readonly KpiDefinitionView[]
  /** Users, teams and departments a target may be set for, plus our company. */
  readonly owners: readonly KpiOwnerOption[]
  /** Audiences the signed-in user may look at (OPERATOR: me; MANAGER: me, team; EXECUTIVE: all). */
  readonly audiences: readonly KpiAudience[]
}
