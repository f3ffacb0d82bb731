/** Campaigns, opportunities, contracts and leads (seed §3). Device twin of sync-server/db/schema/sales.ts. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  CONTRACT_STATUSES,
  LEAD_ASSIGNMENT_STATUSES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
} from '../../../shared/model/enums'
import type { CompetitorInfo } from '../../../shared/model/json'
import { count, date, enumText, flag, id, json, money, now, syncColumns, timestamptz } from './columns'
import { branches, companies, contacts } from './customers'
import { teams, users } from './org'

export const campaigns = sqliteTable('campaigns', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: enumText('type', CAMPAIGN_TYPES),
  status: enumText('status', CAMPAIGN_STATUSES).notNull().default('PLANNED'),
  startDate: date('start_date'),
  endDate: date('end_date'),
  budget: money('budget'),
  ownerId: id('owner_id').references(() => users.id),
  description: text('description'),
})

export const opportunities = sqliteTable(
  'opportunities',
  {
    ...syncColumns(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    branchId: id('branch_id').references(() => branches.id),
    contactId: id('contact_id').references(() => contacts.id),
    type: enumText('type', OPPORTUNITY_TYPES),
    stage: enumText('stage', OPPORTUNITY_STAGES).notNull().default('QUALIFYING'),
    probability: count('probability').notNull().default(10),
    amount: money('amount'),
    currency: text('currency').notNull().default('KRW'),
    expectedCloseDate: date('expected_close_date'),
    actualCloseDate: date('actual_close_date'),
    closeReason: text('close_reason'),
    competitorInfo: json('competitor_info').$type<CompetitorInfo[]>(),
    source: enumText('source', LEAD_SOURCES),
    campaignId: id('campaign_id').references(() => campaigns.id),
    accountManagerId: id('account_manager_id')
      .notNull()
      .references(() => users.id),
    salesTeamId: id('sales_team_id').references(() => teams.id),
    nextAction: text('next_action'),
    nextActionDate: date('next_action_date'),
  },
  (t) => [
    index('opportunities_company_id_idx').on(t.companyId),
    index('opportunities_account_manager_id_idx').on(t.accountManagerId),
    // The pipeline board groups by stage and sorts by close date.
    index('opportunities_stage_idx').on(t.stage, t.expectedCloseDate),
  ],
)

export const opportunityStageHistory = sqliteTable(
  'opportunity_stage_history',
  {
    ...syncColumns(),
    opportunityId: id('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    fromStage: enumText('from_stage', OPPORTUNITY_STAGES),
    toStage: enumText('to_stage', OPPORTUNITY_STAGES).notNull(),
    changedBy: id('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: timestamptz('changed_at').notNull().default(now),
    reason: text('reason'),
  },
  (t) => [index('opportunity_stage_history_opportunity_id_idx').on(t.opportunityId, t.changedAt)],
)

export const contracts = sqliteTable(
  'contracts',
  {
    ...syncColumns(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    opportunityId: id('opportunity_id').references(() => opportunities.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    amount: money('amount'),
    currency: text('currency').notNull().default('KRW'),
    signedDate: date('signed_date'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    status: enumText('status', CONTRACT_STATUSES).notNull().default('DRAFT'),
  },
  (t) => [index('contracts_company_id_idx').on(t.companyId)],
)

export const leads = sqliteTable(
  'leads',
  {
    ...syncColumns(),
    code: text('code').notNull(),
    companyName: text('company_name').notNull(),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    source: enumText('source', LEAD_SOURCES),
    sourceDetail: text('source_detail'),
    campaignId: id('campaign_id').references(() => campaigns.id),
    status: enumText('status', LEAD_STATUSES).notNull().default('NEW'),
    score: count('score').notNull().default(0),
    bantBudget: flag('bant_budget').notNull().default(false),
    bantAuthority: flag('bant_authority').notNull().default(false),
    bantNeed: flag('bant_need').notNull().default(false),
    bantTimeline: flag('bant_timeline').notNull().default(false),
    assignedTo: id('assigned_to').references(() => users.id),
    assignedTeamId: id('assigned_team_id').references(() => teams.id),
    convertedAt: timestamptz('converted_at'),
    convertedToCompanyId: id('converted_to_company_id').references(() => companies.id),
    convertedToOpportunityId: id('converted_to_opportunity_id').references(() => opportunities.id),
    notes: text('notes'),
  },
  (t) => [index('leads_status_idx').on(t.status), index('leads_assigned_to_idx').on(t.assignedTo)],
)

export const leadAssignments = sqliteTable(
  'lead_assignments',
  {
    ...syncColumns(),
    leadId: id('lead_id')
      .notNull()
      .references(() => leads.id),
    assignedFrom: id('assigned_from').references(() => users.id),
    assignedTo: id('assigned_to').references(() => users.id),
    assignedTeamId: id('assigned_team_id').references(() => teams.id),
    assignmentReason: text('assignment_reason'),
    status: enumText('status', LEAD_ASSIGNMENT_STATUSES).notNull().default('PENDING'),
    approvedBy: id('approved_by').references(() => users.id),
    approvedAt: timestamptz('approved_at'),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [index('lead_assignments_lead_id_idx').on(t.leadId)],
)
