/** HRD projects (seed §4). Device twin of sync-server/db/schema/projects.ts. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { PROJECT_HEALTH, PROJECT_PHASES, PROJECT_PRIORITIES, PROJECT_STATUSES, PROJECT_TEAM_ROLES, PROJECT_TYPES } from '../../../shared/model/enums'
import { count, date, enumText, flag, id, money, syncColumns } from './columns'
import { branches, companies } from './customers'
import { users } from './org'
import { contracts, opportunities } from './sales'

export const projects = sqliteTable(
  'projects',
  {
    ...syncColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    type: enumText('type', PROJECT_TYPES),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    branchId: id('branch_id').references(() => branches.id),
    opportunityId: id('opportunity_id').references(() => opportunities.id),
    contractId: id('contract_id').references(() => contracts.id),
    status: enumText('status', PROJECT_STATUSES).notNull().default('PLANNING'),
    phase: enumText('phase', PROJECT_PHASES),
    health: enumText('health', PROJECT_HEALTH),
    priority: enumText('priority', PROJECT_PRIORITIES).notNull().default('MEDIUM'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    actualStartDate: date('actual_start_date'),
    actualEndDate: date('actual_end_date'),
    budget: money('budget'),
    actualCost: money('actual_cost'),
    revenue: money('revenue'),
    progress: count('progress').notNull().default(0),
    projectManagerId: id('project_manager_id').references(() => users.id),
    coordinatorId: id('coordinator_id').references(() => users.id),
    operatorId: id('operator_id').references(() => users.id),
    /** Completion (수료) needs this share of scheduled hours, 0–100; null = the company default (80). Added last: a
     * migration appends it. */
    completionPercent: count('completion_percent'),
  },
  (t) => [index('projects_company_id_idx').on(t.companyId), index('projects_status_idx').on(t.status), index('projects_dates_idx').on(t.startDate, t.endDate)],
)

export const projectTeamMembers = sqliteTable(
  'project_team_members',
  {
    ...syncColumns(),
    projectId: id('project_id')
      .notNull()
      .references(() => projects.id),
    userId: id('user_id')
      .notNull()
      .references(() => users.id),
    role: enumText('role', PROJECT_TEAM_ROLES),
    allocationPercent: count('allocation_percent').notNull().default(100),
    startDate: date('start_date'),
    endDate: date('end_date'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [index('project_team_members_project_id_idx').on(t.projectId), index('project_team_members_user_id_idx').on(t.userId)],
)
