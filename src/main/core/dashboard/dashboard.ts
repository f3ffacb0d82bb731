/**
 * The home dashboard, read from the replica in one call so it works offline: the pipeline, win rate, days per stage
 * and training rates of the signed-in user's audience (their tier decides: me / team / company, see audience.ts), and
 * the user's own day (meetings, classes, action items and follow-ups due). The figures are computed by the shared pure
 * functions (pipeline.ts, training-rates.ts); SQL only selects rows.
 */
import { audienceOfTier } from '../../../shared/domain/audience'
import { minutesBetweenTimes } from '../../../shared/domain/dates'
import { fiscalPeriodLabel, fiscalPeriodOf, fiscalPeriodRange } from '../../../shared/domain/fiscal-period'
import { displayName } from '../../../shared/domain/korean-name'
import { averageDaysPerStage, pipelineByStage, pipelineSummary, winRate, OPEN_STAGES } from '../../../shared/domain/pipeline'
import { type StageChange } from '../../../shared/domain/opportunity-stage'
import { projectAttendancePolicy } from '../../../shared/domain/attendance'
import { combinedTrainingRates, trainingRates, type EnrolmentRecord } from '../../../shared/domain/training-rates'
import {
  type DashboardHome,
  type DayClass,
  type DayList,
  type DayMeeting,
  type DueActionItem,
  type DueFollowUp,
  type ProjectRates,
} from '../../../shared/ipc/dashboard-types'
import {
  type ActionItemPriority,
  type ActionItemStatus,
  type AttendanceStatus,
  type ClassStatus,
  type MeetingStatus,
  type OpportunityStage,
  type ProjectStatus,
} from '../../../shared/model/enums'
import { type DashboardHomeInput } from '../../../shared/model/validation/dashboard'
import { NotSignedInError } from '../outbox/writer'
import { createAudienceReader, projectsOfUsersSql } from '../common/audience'
import { type RepoContext } from '../common/context'

/** Rows shown per "my day" list; the total says how many more there are. */
export const DAY_LIST_LIMIT = 20

export interface DashboardRepo {
  home(input: DashboardHomeInput): DashboardHome
}

/** `col` belongs to one of the audience's users; @members is a JSON array of ids, or NULL for the whole company. */
const byMembers = (column: string): string => `(@members IS NULL OR ${column} IN (SELECT value FROM json_each(@members)))`

/** Projects of the audience (the shared rule in audience.ts). */
const SCOPED_PROJECTS = projectsOfUsersSql('@members')

const OPEN_STAGE_LIST = OPEN_STAGES.map((s) => `'${s}'`).join(', ')

function dayList<T>(items: readonly T[]): DayList<T> {
  return { items: items.slice(0, DAY_LIST_LIMIT), total: items.length }
}

export function createDashboardRepo(ctx: RepoContext): DashboardRepo {
  const { sqlite } = ctx
  const audiences = createAudienceReader(sqlite)

  const opportunities = sqlite.prepare<
    [{ members: string | null }],
    { stage: OpportunityStage; amount: number | null; probability: number; actual_close_date: string | null }
  >(`SELECT stage, amount, probability, actual_close_date FROM opportunities WHERE deleted_at IS NULL AND ${byMembers('account_manager_id')}`)

  const stageHistory = sqlite.prepare<
    [{ members: string | null }],
    { opportunity_id: string; from_stage: OpportunityStage | null; to_stage: OpportunityStage; changed_at: string }
  >(
    `SELECT h.opportunity_id, h.from_stage, h.to_stage, h.changed_at
       FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id AND o.deleted_at IS NULL
      WHERE h.deleted_at IS NULL AND ${byMembers('o.account_manager_id')}`,
  )

  const projects = sqlite.prepare<
    [{ members: string | null }],
    { id: string; name: string; status: ProjectStatus; company_name: string | null; end_date: string | null; completion_percent: number | null }
  >(
    `SELECT p.id, p.name, p.status, c.name AS company_name, p.end_date, p.completion_percent
       FROM projects p LEFT JOIN companies c ON c.id = p.company_id
      WHERE p.id IN (${SCOPED_PROJECTS})`,
  )

  // Confirmed enrolments in classes that take place (not cancelled), with the trainee's mark if any.
  const enrolments = sqlite.prepare<
    [{ members: string | null }],
    {
      project_id: string
      trainee_id: string
      status: AttendanceStatus | null
      minutes_attended: number | null
      start_time: string
      end_time: string
    }
  >(
    `SELECT s.project_id, e.trainee_id, a.status, a.minutes_attended, c.start_time, c.end_time
       FROM enrollments e
       JOIN training_classes c ON c.id = e.class_id AND c.deleted_at IS NULL AND c.status <> 'CANCELLED'
       JOIN training_sessions s ON s.id = c.session_id AND s.deleted_at IS NULL AND s.status <> 'CANCELLED'
       LEFT JOIN attendance_records a ON a.class_id = e.class_id AND a.trainee_id = e.trainee_id AND a.deleted_at IS NULL
      WHERE e.deleted_at IS NULL AND e.status = 'CONFIRMED' AND s.project_id IN (${SCOPED_PROJECTS})`,
  )

  const meetingsToday = sqlite.prepare<
    [{ me: string; today: string }],
    {
      id: string
      title: string
      start_time: string
      end_time: string
      status: MeetingStatus
      company_id: string | null
      company_name: string | null
      organizer_first: string | null
      organizer_last: string | null
    }
  >(
    `SELECT m.id, m.title, m.start_time, m.end_time, m.status, m.company_id, c.name AS company_name,
            u.first_name AS organizer_first, u.last_name AS organizer_last
       FROM meetings m LEFT JOIN companies c ON c.id = m.company_id LEFT JOIN users u ON u.id = m.organizer_id
      WHERE m.deleted_at IS NULL AND m.date = @today AND m.status <> 'CANCELLED'
        AND (m.organizer_id = @me OR m.id IN (SELECT meeting_id FROM meeting_participants WHERE user_id = @me AND deleted_at IS NULL))
      ORDER BY m.start_time, m.end_time, m.title`,
  )

  const classesToday = sqlite.prepare<
    [{ me: string; members: string; today: string }],
    {
      id: string
      project_id: string
      project_name: string
      session_number: number
      class_number: number
      name: string | null
      start_time: string
      end_time: string
      room: string | null
      status: ClassStatus
    }
  >(
    `SELECT c.id, s.project_id, p.name AS project_name, s.session_number, c.class_number, c.name, c.start_time, c.end_time,
            c.room, c.status
       FROM training_classes c
       JOIN training_sessions s ON s.id = c.session_id AND s.deleted_at IS NULL
       JOIN projects p ON p.id = s.project_id AND p.deleted_at IS NULL
      WHERE c.deleted_at IS NULL AND c.date = @today AND c.status <> 'CANCELLED'
        AND (s.coordinator_id = @me OR p.id IN (${SCOPED_PROJECTS}))
      ORDER BY c.start_time, p.name, s.session_number, c.class_number`,
  )

  const actionItemsDue = sqlite.prepare<
    [{ me: string; today: string }],
    {
      id: string
      task: string
      due_date: string
      priority: ActionItemPriority
      status: ActionItemStatus
      meeting_id: string
      meeting_title: string
      company_id: string | null
    }
  >(
    `SELECT i.id, i.task, i.due_date, i.priority, i.status, i.meeting_id, m.title AS meeting_title, m.company_id
       FROM meeting_action_items i JOIN meetings m ON m.id = i.meeting_id AND m.deleted_at IS NULL
      WHERE i.deleted_at IS NULL AND i.assignee_id = @me AND i.status <> 'COMPLETED'
        AND i.due_date IS NOT NULL AND i.due_date <= @today
      ORDER BY i.due_date, CASE i.priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, i.task`,
  )

  const opportunityFollowUps = sqlite.prepare<
    [{ me: string; today: string }],
    {
      id: string
      title: string
      next_action: string | null
      next_action_date: string
      company_id: string
      company_name: string | null
      stage: OpportunityStage
    }
  >(
    `SELECT o.id, o.title, o.next_action, o.next_action_date, o.company_id, c.name AS company_name, o.stage
       FROM opportunities o LEFT JOIN companies c ON c.id = o.company_id
      WHERE o.deleted_at IS NULL AND o.account_manager_id = @me AND o.stage IN (${OPEN_STAGE_LIST})
        AND o.next_action_date IS NOT NULL AND o.next_action_date <= @today`,
  )

  const meetingFollowUps = sqlite.prepare<
    [{ me: string; today: string }],
    { id: string; title: string; follow_up_date: string; company_id: string | null; company_name: string | null }
  >(
    `SELECT m.id, m.title, m.follow_up_date, m.company_id, c.name AS company_name
       FROM meetings m LEFT JOIN companies c ON c.id = m.company_id
      WHERE m.deleted_at IS NULL AND m.organizer_id = @me AND m.has_follow_up = 1 AND m.status <> 'CANCELLED'
        AND m.follow_up_date IS NOT NULL AND m.follow_up_date <= @today`,
  )

  function trainingOf(members: string | null): DashboardHome['training'] {
    const byProject = new Map<string, EnrolmentRecord[]>()
    for (const row of enrolments.all({ members })) {
      const record: EnrolmentRecord = {
        traineeId: row.trainee_id,
        status: row.status,
        // A class whose times are inverted (bad data) gives no scheduled time rather than negative time.
        scheduledMinutes: Math.max(0, minutesBetweenTimes(row.start_time, row.end_time)),
        attendedMinutes: row.minutes_attended,
      }
      const list = byProject.get(row.project_id)
      if (list) list.push(record)
      else byProject.set(row.project_id, [record])
    }
    const trained = projects.all({ members }).filter((p) => byProject.has(p.id))
    const rated: ProjectRates[] = trained
      // Running projects first, then the most recently ending ones: what a manager is looking after now.
      .sort((a, b) => Number(b.status === 'IN_PROGRESS') - Number(a.status === 'IN_PROGRESS') || (b.end_date ?? '').localeCompare(a.end_date ?? ''))
      .map((p) => ({
        projectId: p.id,
        name: p.name,
        status: p.status,
        companyName: p.company_name,
        ...trainingRates(byProject.get(p.id)!, projectAttendancePolicy(p.completion_percent)),
      }))
    return {
      // Each project judged by its own completion rule (수료 기준), the same one its page and rosters show.
      overall: combinedTrainingRates(trained.map((p) => ({ records: byProject.get(p.id)!, completionPercent: p.completion_percent }))),
      projects: rated,
    }
  }

  function myDay(me: string, today: string): DashboardHome['myDay'] {
    const meetings: DayMeeting[] = meetingsToday.all({ me, today }).map((m) => ({
      id: m.id,
      title: m.title,
      startTime: m.start_time,
      endTime: m.end_time,
      status: m.status,
      companyId: m.company_id,
      companyName: m.company_name,
      organizerName: m.organizer_last !== null && m.organizer_first !== null ? displayName({ lastName: m.organizer_last, firstName: m.organizer_first }) : null,
    }))
    const classes: DayClass[] = classesToday.all({ me, members: JSON.stringify([me]), today }).map((c) => ({
      id: c.id,
      projectId: c.project_id,
      projectName: c.project_name,
      sessionNumber: c.session_number,
      classNumber: c.class_number,
      name: c.name,
      startTime: c.start_time,
      endTime: c.end_time,
      room: c.room,
      status: c.status,
    }))
    const actionItems: DueActionItem[] = actionItemsDue.all({ me, today }).map((i) => ({
      id: i.id,
      task: i.task,
      dueDate: i.due_date,
      priority: i.priority,
      status: i.status,
      meetingId: i.meeting_id,
      meetingTitle: i.meeting_title,
      companyId: i.company_id,
      overdue: i.due_date < today,
    }))
    const followUps: DueFollowUp[] = [
      ...opportunityFollowUps.all({ me, today }).map((o) => ({
        kind: 'opportunity' as const,
        id: o.id,
        title: o.title,
        action: o.next_action,
        dueDate: o.next_action_date,
        companyId: o.company_id,
        companyName: o.company_name,
        stage: o.stage,
        overdue: o.next_action_date < today,
      })),
      ...meetingFollowUps.all({ me, today }).map((m) => ({
        kind: 'meeting' as const,
        id: m.id,
        title: m.title,
        action: null,
        dueDate: m.follow_up_date,
        companyId: m.company_id,
        companyName: m.company_name,
        stage: null,
        overdue: m.follow_up_date < today,
      })),
    ].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title))
    return { meetings: dayList(meetings), classes: dayList(classes), actionItems: dayList(actionItems), followUps: dayList(followUps) }
  }

  return {
    home({ today, period: periodType, fiscalStartMonth }) {
      const actor = ctx.actor()
      if (!actor) throw new NotSignedInError()
      const audience = audienceOfTier(actor.tier)
      const memberSet = audiences.membersOf(actor.id, audience)
      const members = memberSet === null ? null : JSON.stringify([...memberSet])

      const fiscal = fiscalPeriodOf(today, periodType, fiscalStartMonth)
      const range = fiscalPeriodRange(fiscal, fiscalStartMonth)

      const opps = opportunities.all({ members })
      const stages = pipelineByStage(opps)

      const histories = new Map<string, StageChange[]>()
      for (const h of stageHistory.all({ members })) {
        const change: StageChange = { fromStage: h.from_stage, toStage: h.to_stage, changedAt: h.changed_at }
        const list = histories.get(h.opportunity_id)
        if (list) list.push(change)
        else histories.set(h.opportunity_id, [change])
      }

      return {
        tier: actor.tier,
        audience,
        audienceSize: memberSet === null ? null : memberSet.size,
        today,
        period: {
          type: periodType,
          fiscalYear: fiscal.fiscalYear,
          index: fiscal.index,
          fiscalStartMonth,
          label: fiscalPeriodLabel(fiscal, fiscalStartMonth),
          start: range.start,
          end: range.end,
        },
        pipeline: { stages, summary: pipelineSummary(stages) },
        winRate: winRate(
          opps.map((o) => ({ stage: o.stage, amount: o.amount, actualCloseDate: o.actual_close_date })),
          range,
        ),
        stageDays: averageDaysPerStage([...histories.values()], ctx.now()),
        training: trainingOf(members),
        myDay: myDay(actor.id, today),
      }
    },
  }
}
