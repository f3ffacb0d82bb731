/**
 * HRD projects (seed §4). No stored margin or margin_percent: both are computed from revenue and actual_cost, so a
 * cost edited offline on one laptop and a revenue edited on another can never leave a stale margin behind.
 */
import { index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { PROJECT_HEALTH, PROJECT_PHASES, PROJECT_PRIORITIES, PROJECT_STATUSES, PROJECT_TEAM_ROLES, PROJECT_TYPES } from '../../../src/shared/model/enums'
import { between, count, date, enumChecks, enumText, flag, live, money, nonNegative, ordered, syncColumns } from './columns'
import { branches, companies } from './customers'
import { users } from './org'
import { contracts, opportunities } from './sales'

export const projects = pgTable(
  'projects',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('projects_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    type: enumText('type', PROJECT_TYPES, 50),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    branchId: uuid('branch_id').references(() => branches.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    status: enumText('status', PROJECT_STATUSES, 50).notNull().default('PLANNING'),
    phase: enumText('phase', PROJECT_PHASES, 50),
    health: enumText('health', PROJECT_HEALTH, 20),
    priority: enumText('priority', PROJECT_PRIORITIES, 20).notNull().default('MEDIUM'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    actualStartDate: date('actual_start_date'),
    actualEndDate: date('actual_end_date'),
    budget: money('budget'),
    actualCost: money('actual_cost'),
    revenue: money('revenue'),
    /** 0–100, set by the project manager. */
    progress: count('progress').notNull().default(0),
    projectManagerId: uuid('project_manager_id').references(() => users.id),
    coordinatorId: uuid('coordinator_id').references(() => users.id),
    operatorId: uuid('operator_id').references(() => users.id),
    /** Completion (수료) needs this share of scheduled hours, 0–100; null = the company default (80). Added last: a
     * migration appends it. */
    completionPercent: count('completion_percent'),
  },
  (t) => [
    ...enumChecks('projects', t),
    ordered('projects_dates_check', t.startDate, t.endDate),
    ordered('projects_actual_dates_check', t.actualStartDate, t.actualEndDate),
    between('projects_progress_check', t.progress, 0, 100),
    between('projects_completion_percent_check', t.completionPercent, 0, 100),
    nonNegative('projects_amounts_check', t.budget, t.actualCost, t.revenue),
    index('projects_status_idx').on(t.status).where(live(t.deletedAt)),
    index('projects_company_id_idx').on(t.companyId),
    index('projects_dates_idx').on(t.startDate, t.endDate),
    index('projects_project_manager_id_idx').on(t.projectManagerId),
    index('projects_coordinator_id_idx').on(t.coordinatorId),
    index('projects_operator_id_idx').on(t.operatorId),
    index('projects_opportunity_id_idx').on(t.opportunityId),
    index('projects_contract_id_idx').on(t.contractId),
    index('projects_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
)

export const projectTeamMembers = pgTable(
  'project_team_members',
  {
    ...syncColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: enumText('role', PROJECT_TEAM_ROLES, 50),
    allocationPercent: count('allocation_percent').notNull().default(100),
    startDate: date('start_date'),
    endDate: date('end_date'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [
    ...enumChecks('project_team_members', t),
    between('project_team_members_allocation_check', t.allocationPercent, 0, 100),
    ordered('project_team_members_dates_check', t.startDate, t.endDate),
    uniqueIndex('project_team_members_project_id_user_id_key').on(t.projectId, t.userId).where(live(t.deletedAt)),
    // Scope includes tombstones, so the live-only unique index cannot serve the scope's parent lookup (migration 0017).
    index('project_team_members_project_id_idx').on(t.projectId),
    index('project_team_members_user_id_idx').on(t.userId),
  ],
)
