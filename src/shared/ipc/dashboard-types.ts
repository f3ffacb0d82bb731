/** What the home dashboard answers: every figure and list of the screen, computed on the replica in one call. */
import { type Audience } from '../domain/audience'
import { type PipelineSummary, type StageDays, type StageTotal, type WinRate } from '../domain/pipeline'
import { type TrainingRates } from '../domain/training-rates'
import {
  type ActionItemPriority,
  type ActionItemStatus,
  type ClassStatus,
  type KpiPeriodType,
  type MeetingStatus,
  type OpportunityStage,
  type ProjectStatus,
  type UserTier,
} from '../model/enums'

export interface DashboardPeriod {
  readonly type: KpiPeriodType
  /** The fiscal period (see fiscal-period.ts), so the renderer can label it in the user's language. */
  readonly fiscalYear: number
  readonly index: number
  readonly fiscalStartMonth: number
  /** 2026년 4분기, 2026년 11월 … */
  readonly label: string
  readonly start: string
  readonly end: string
}

export interface DayMeeting {
  readonly id: string
  readonly title: string
  readonly startTime: string
  readonly endTime: string
  readonly status: MeetingStatus
  readonly companyId: string | null
  readonly companyName: string | null
  readonly organizerName: string | null
}

export interface DayClass {
  readonly id: string
  readonly projectId: string
  readonly projectName: string
  readonly sessionNumber: number
  readonly classNumber: number
  readonly name: string | null
  readonly startTime: string
  readonly endTime: string
  readonly room: string | null
  readonly status: ClassStatus
}

export interface DueActionItem {
  readonly id: string
  readonly task: string
  readonly dueDate: string
  readonly priority: ActionItemPriority
  readonly status: ActionItemStatus
  readonly meetingId: string
  readonly meetingTitle: string
  readonly companyId: string | null
  /** Due before today. */
  readonly overdue: boolean
}

export interface DueFollowUp {
  readonly kind: 'opportunity' | 'meeting'
  readonly id: string
  readonly title: string
  /** The planned next step (opportunities); null for a meeting's follow-up. */
  readonly action: string | null
  readonly dueDate: string
  readonly companyId: string | null
  readonly companyName: string | null
  readonly stage: OpportunityStage | null
  readonly overdue: boolean
}

/** A list of the day, the first rows of it (earliest first) and how many there are in all. */
export interface DayList<T> {
  readonly items: readonly T[]
  readonly total: number
}

export interface ProjectRates extends TrainingRates {
  readonly projectId: string
  readonly name: string
  readonly status: ProjectStatus
  readonly companyName: string | null
}

export interface DashboardHome {
  readonly tier: UserTier
  readonly audience: Audience
  /** How many users' records the figures count; null for the whole company. */
  readonly audienceSize: number | null
  readonly today: string
  readonly period: DashboardPeriod
  /** Open opportunities by stage, now. */
  readonly pipeline: { readonly stages: readonly StageTotal[]; readonly summary: PipelineSummary }
  /** Won and lost within the period. */
  readonly winRate: WinRate
  /** Over every opportunity of the audience that has stage history. */
  readonly stageDays: readonly StageDays[]
  /** Training projects of the audience that have trainees (running first, then the latest ending), and all together. */
  readonly training: { readonly overall: TrainingRates; readonly projects: readonly ProjectRates[] }
  /** The signed-in user's own day, whatever the tier. */
  readonly myDay: {
    readonly meetings: DayList<DayMeeting>
    readonly classes: DayList<DayClass>
    readonly actionItems: DayList<DueActionItem>
    readonly followUps: DayList<DueFollowUp>
  }
}
