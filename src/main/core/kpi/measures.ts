/**
 * The actuals the app computes itself from the replica (src/shared/domain/kpi-measures.ts: ORD won amount, NEW new
 * customers, MTG meetings held, ATT attendance rate, WIN win rate, CYC days to win), over the people an owner stands for
 * in a period: a USER themself, a TEAM's members during the period, a DEPARTMENT's users (sub-departments included),
 * COMPANY everyone (the shared rule ownerMembers in src/shared/domain/audience.ts).
 */
import { DEFAULT_ATTENDANCE_POLICY, attendanceRate } from '../../../shared/domain/attendance'
import { daysBetween } from '../../../shared/domain/dates'
import { type DateRange } from '../../../shared/domain/fiscal-period'
import { averageDays, winRatePercent, type KpiMeasure } from '../../../shared/domain/kpi-measures'
import { type AttendanceStatus, type KpiEntityType } from '../../../shared/model/enums'
import { projectsOfUsersSql, type AudienceReader } from '../common/audience'
import { type Sqlite } from '../sqlite'

export interface ComputedActual {
  readonly value: number | null
  /** How many cases a rate or an average rests on (closed opportunities, wins, attendance marks); null for counts and amounts. */
  readonly sampleSize: number | null
}

export interface KpiMeasures {
  compute(measure: KpiMeasure, owner: { type: KpiEntityType | null; id: string | null }, range: DateRange): ComputedActual
}

interface ScopeParams {
  scope: string | null
  start: string
  end: string
}

// Scope: `@scope` is null for everyone (COMPANY), else a JSON array of user ids.
const IN_SCOPE = (column: string) => `(@scope IS NULL OR ${column} IN (SELECT value FROM json_each(@scope)))`

export function createKpiMeasures(sqlite: Sqlite, audiences: AudienceReader): KpiMeasures {
  const wonAmount = sqlite.prepare<[ScopeParams], { total: number }>(
    `SELECT COALESCE(SUM(amount), 0) AS total FROM opportunities
      WHERE deleted_at IS NULL AND stage = 'CLOSED_WON' AND actual_close_date BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const closedCounts = sqlite.prepare<[ScopeParams], { won: number; lost: number }>(
    `SELECT COALESCE(SUM(stage = 'CLOSED_WON'), 0) AS won, COALESCE(SUM(stage = 'CLOSED_LOST'), 0) AS lost
       FROM opportunities
      WHERE deleted_at IS NULL AND stage IN ('CLOSED_WON', 'CLOSED_LOST') AND actual_close_date BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const wonSpans = sqlite.prepare<[ScopeParams], { created: string; closed: string }>(
    `SELECT date(created_at, '+9 hours') AS created, actual_close_date AS closed FROM opportunities
      WHERE deleted_at IS NULL AND stage = 'CLOSED_WON' AND actual_close_date BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const newCustomers = sqlite.prepare<[ScopeParams], { total: number }>(
    `SELECT COUNT(*) AS total FROM companies
      WHERE deleted_at IS NULL AND date(created_at, '+9 hours') BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const meetingsHeld = sqlite.prepare<[ScopeParams], { total: number }>(
    `SELECT COUNT(*) AS total FROM meetings m
      WHERE m.deleted_at IS NULL AND m.status = 'COMPLETED' AND m.date BETWEEN @start AND @end
        AND (${IN_SCOPE('m.organizer_id')} OR EXISTS (
          SELECT 1 FROM meeting_participants p
           WHERE p.meeting_id = m.id AND p.deleted_at IS NULL AND p.user_id IN (SELECT value FROM json_each(@scope))))`,
  )
  const attendanceMarks = sqlite.prepare<[ScopeParams], { status: AttendanceStatus }>(
    `SELECT a.status FROM attendance_records a
       JOIN training_classes c ON c.id = a.class_id AND c.deleted_at IS NULL
       JOIN training_sessions s ON s.id = c.session_id AND s.deleted_at IS NULL
      WHERE a.deleted_at IS NULL AND c.date BETWEEN @start AND @end
        AND s.project_id IN (${projectsOfUsersSql('@scope')})`,
  )

  /** The users an owner stands for in a period, as a JSON array; null for our company as a whole. */
  function scopeOf(type: KpiEntityType | null, id: string | null, range: DateRange): string | null {
    const members = audiences.ownerMembers({ type, id }, range)
    return members === null ? null : JSON.stringify([...members])
  }

  return {
    /**
     * The computed actual and, for rates and averages, how many cases it rests on so a 1-of-1 figure can be marked as
     * a small sample; counts and amounts have no sample.
     */
    compute(measure, owner, range) {
      const params: ScopeParams = { scope: scopeOf(owner.type, owner.id, range), start: range.start, end: range.end }
      switch (measure) {
        case 'WON_AMOUNT':
          return { value: wonAmount.get(params)?.total ?? 0, sampleSize: null }
        case 'NEW_CUSTOMERS':
          return { value: newCustomers.get(params)?.total ?? 0, sampleSize: null }
        case 'MEETINGS_HELD':
          return { value: meetingsHeld.get(params)?.total ?? 0, sampleSize: null }
        case 'ATTENDANCE_RATE': {
          const marks = attendanceMarks.all(params).map((r) => r.status)
          return { value: attendanceRate(marks, DEFAULT_ATTENDANCE_POLICY), sampleSize: marks.length }
        }
        case 'WIN_RATE': {
          const won = closedCounts.get(params)?.won ?? 0
          const lost = closedCounts.get(params)?.lost ?? 0
          return { value: winRatePercent(won, lost), sampleSize: won + lost }
        }
        case 'DAYS_TO_WIN': {
          const spans = wonSpans.all(params).map((r) => Math.max(0, daysBetween(r.created, r.closed)))
          return { value: averageDays(spans), sampleSize: spans.length }
        }
      }
    },
  }
}
