/**
 * Campaigns, opportunities, contracts and leads (seed §3). Tables are in SYNCED_TABLES order: a lead points at the
 * opportunity it was converted to, so opportunities come first.
 */
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core'
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  CONTRACT_STATUSES,
  LEAD_ASSIGNMENT_STATUSES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
} from '../../../src/shared/model/enums'
import type { CompetitorInfo } from '../../../src/shared/model/json'
import { between, count, date, enumChecks, enumText, flag, json, live, money, nonNegative, now, ordered, syncColumns, timestamptz } from './columns'
import { branches, companies, contacts } from './customers'
import { teams, users } from './org'

/** Referenced by the seed (opportunities.campaign_id) but never defined; minimal definition. Reference data. */
export const campaigns = pgTable(
  'campaigns',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('campaigns_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    type: enumText('type', CAMPAIGN_TYPES, 30),
    status: enumText('status', CAMPAIGN_STATUSES, 20).notNull().default('PLANNED'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    budget: money('budget'),
    ownerId: uuid('owner_id').references(() => users.id),
    description: text('description'),
  },
  (t) => [...enumChecks('campaigns', t), ordered('campaigns_dates_check', t.startDate, t.endDate), nonNegative('campaigns_budget_check', t.budget)],
)

/** No stored expected_amount: it is amount × probability / 100, computed where shown. */
export const opportunities = pgTable(
  'opportunities',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('opportunities_code_key'),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description'),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    branchId: uuid('branch_id').references(() => branches.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    type: enumText('type', OPPORTUNITY_TYPES, 50),
    stage: enumText('stage', OPPORTUNITY_STAGES, 50).notNull().default('QUALIFYING'),
    probability: count('probability').notNull().default(10),
    /** Whole won (or the currency's minor unit). */
    amount: money('amount'),
    currency: varchar('currency', { length: 3 }).notNull().default('KRW'),
    expectedCloseDate: date('expected_close_date'),
    actualCloseDate: date('actual_close_date'),
    closeReason: text('close_reason'),
    competitorInfo: json<CompetitorInfo[]>('competitor_info'),
    source: enumText('source', LEAD_SOURCES, 50),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    accountManagerId: uuid('account_manager_id')
      .notNull()
      .references(() => users.id),
    salesTeamId: uuid('sales_team_id').references(() => teams.id),
    nextAction: text('next_action'),
    nextActionDate: date('next_action_date'),
  },
  (t) => [
    ...enumChecks('opportunities', t),
    between('opportunities_probability_check', t.probability, 0, 100),
    nonNegative('opportunities_amount_check', t.amount),
    check('opportunities_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('opportunities_stage_idx').on(t.stage).where(live(t.deletedAt)),
    index('opportunities_company_id_idx').on(t.companyId),
    index('opportunities_expected_close_date_idx').on(t.expectedCloseDate).where(live(t.deletedAt)),
    index('opportunities_account_manager_id_idx').on(t.accountManagerId),
    index('opportunities_sales_team_id_idx').on(t.salesTeamId),
    index('opportunities_campaign_id_idx').on(t.campaignId),
    index('opportunities_title_trgm').using('gin', t.title.op('gin_trgm_ops')),
  ],
)

/** Append-only: one row per stage change. Time in a stage is the gap to the next row (no stored duration_days). */
export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    ...syncColumns(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    fromStage: enumText('from_stage', OPPORTUNITY_STAGES, 50),
    toStage: enumText('to_stage', OPPORTUNITY_STAGES, 50).notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    /** When the user changed the stage (on the device, possibly offline), not when it reached the server. */
    changedAt: timestamptz('changed_at').notNull().default(now),
    reason: text('reason'),
  },
  (t) => [...enumChecks('opportunity_stage_history', t), index('opportunity_stage_history_opportunity_id_idx').on(t.opportunityId, t.changedAt)],
)

/** Referenced by the seed (projects.contract_id) but never defined; minimal definition. */
export const contracts = pgTable(
  'contracts',
  {
    ...syncColumns(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    code: varchar('code', { length: 50 }).notNull().unique('contracts_code_key'),
    title: varchar('title', { length: 255 }).notNull(),
    amount: money('amount'),
    currency: varchar('currency', { length: 3 }).notNull().default('KRW'),
    signedDate: date('signed_date'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    status: enumText('status', CONTRACT_STATUSES, 20).notNull().default('DRAFT'),
  },
  (t) => [
    ...enumChecks('contracts', t),
    ordered('contracts_dates_check', t.startDate, t.endDate),
    nonNegative('contracts_amount_check', t.amount),
    check('contracts_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('contracts_company_id_idx').on(t.companyId),
    index('contracts_opportunity_id_idx').on(t.opportunityId),
  ],
)

/** The BANT answers are stored; bant_score is derived from them (src/shared/domain), never stored. */
export const leads = pgTable(
  'leads',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('leads_code_key'),
    companyName: varchar('company_name', { length: 255 }).notNull(),
    contactName: varchar('contact_name', { length: 100 }),
    email: varchar('email', { length: 255 }),
    phone: varchar('phone', { length: 20 }),
    source: enumText('source', LEAD_SOURCES, 50),
    sourceDetail: varchar('source_detail', { length: 255 }),
    /** New: which campaign a CAMPAIGN-sourced lead came from (opportunities already had it). */
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    status: enumText('status', LEAD_STATUSES, 50).notNull().default('NEW'),
    /** A manual rating 0–100, distinct from the BANT score. */
    score: count('score').notNull().default(0),
    bantBudget: flag('bant_budget').notNull().default(false),
    bantAuthority: flag('bant_authority').notNull().default(false),
    bantNeed: flag('bant_need').notNull().default(false),
    bantTimeline: flag('bant_timeline').notNull().default(false),
    assignedTo: uuid('assigned_to').references(() => users.id),
    assignedTeamId: uuid('assigned_team_id').references(() => teams.id),
    convertedAt: timestamptz('converted_at'),
    convertedToCompanyId: uuid('converted_to_company_id').references(() => companies.id),
    convertedToOpportunityId: uuid('converted_to_opportunity_id').references(() => opportunities.id),
    notes: text('notes'),
  },
  (t) => [
    ...enumChecks('leads', t),
    between('leads_score_check', t.score, 0, 100),
    index('leads_status_idx').on(t.status).where(live(t.deletedAt)),
    index('leads_assigned_to_idx').on(t.assignedTo),
    index('leads_assigned_team_id_idx').on(t.assignedTeamId),
    index('leads_company_name_trgm').using('gin', t.companyName.op('gin_trgm_ops')),
    index('leads_contact_name_trgm').using('gin', t.contactName.op('gin_trgm_ops')),
  ],
)

export const leadAssignments = pgTable(
  'lead_assignments',
  {
    ...syncColumns(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id),
    assignedFrom: uuid('assigned_from').references(() => users.id),
    assignedTo: uuid('assigned_to').references(() => users.id),
    assignedTeamId: uuid('assigned_team_id').references(() => teams.id),
    assignmentReason: text('assignment_reason'),
    status: enumText('status', LEAD_ASSIGNMENT_STATUSES, 50).notNull().default('PENDING'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamptz('approved_at'),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [...enumChecks('lead_assignments', t), index('lead_assignments_lead_id_idx').on(t.leadId), index('lead_assignments_assigned_to_idx').on(t.assignedTo)],
)
