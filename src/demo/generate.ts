/**
 * The demo-data generator: deterministic rows for every synced table, yielded table by table in SYNCED_TABLES order
 * (parents first) in wire encoding, so the device and the server writers insert exactly the same data.
 *
 * Rows are produced lazily per table: a writer can insert a table's rows before the next table is generated, and
 * leaf tables are never all held at once. Earlier tables leave compact records of their rows for later ones.
 */
import { SYNCED_TABLES, type SyncedTable } from '../shared/model/tables'
import { referenceTimeForSeed } from './clock'
import { createContext, type WireRow } from './context'
import { type DemoSeed } from './prng'
import { planDemo, type DemoPlan } from './plan'
import { createState, type DemoState } from './state'
import { buildActivities } from './tables/activities'
import { buildCampaigns, buildIndustries, buildInstructors, buildKpiDefinitions, buildProductCategories, buildProducts } from './tables/catalog'
import { buildBranches, buildCompanies, buildContacts } from './tables/customers'
import { buildKpiActuals, buildKpiTargets } from './tables/kpi'
import {
  buildMeetingActionItems,
  buildMeetingAgenda,
  buildMeetingMinutes,
  buildMeetingParticipants,
  buildMeetingProducts,
  buildMeetings,
} from './tables/meetings'
import { buildDepartments, buildPermissions, buildRolePermissions, buildRoles, buildTeamMembers, buildTeams, buildUsers } from './tables/org'
import { buildContracts, buildLeadAssignments, buildLeads, buildOpportunities, buildStageHistory } from './tables/sales'
import {
  buildAttendanceRecords,
  buildEnrollments,
  buildProjects,
  buildProjectTeamMembers,
  buildTrainees,
  buildTrainingClasses,
  buildTrainingFeedback,
  buildTrainingSessions,
} from './tables/training'

export type { WireRow } from './context'

export interface DemoOptions {
  /** Same seed (and scale and reference time) → identical rows. */
  readonly seed: DemoSeed
  /** Approximate total number of rows over all tables (e.g. 1,000 / 10,000 / 100,000). */
  readonly scale: number
  /**
   * The "now" the data is relative to (ms since epoch or an ISO string). Default: a fixed instant derived from the
   * seed, never the clock, so output does not depend on when it runs. The app passes today for a live-looking demo.
   */
  readonly referenceTime?: number | string
}

export interface DemoTableBatch {
  readonly table: SyncedTable
  readonly rows: WireRow[]
}

/** Every synced table has a builder (the compiler checks the list is complete). */
const BUILDERS: Readonly<Record<SyncedTable, (state: DemoState) => WireRow[]>> = {
  roles: buildRoles,
  permissions: buildPermissions,
  role_permissions: buildRolePermissions,
  departments: buildDepartments,
  users: buildUsers,
  teams: buildTeams,
  team_members: buildTeamMembers,
  industries: buildIndustries,
  product_categories: buildProductCategories,
  products: buildProducts,
  instructors: buildInstructors,
  kpi_definitions: buildKpiDefinitions,
  campaigns: buildCampaigns,
  companies: buildCompanies,
  branches: buildBranches,
  contacts: buildContacts,
  opportunities: buildOpportunities,
  opportunity_stage_history: buildStageHistory,
  contracts: buildContracts,
  leads: buildLeads,
  lead_assignments: buildLeadAssignments,
  projects: buildProjects,
  project_team_members: buildProjectTeamMembers,
  training_sessions: buildTrainingSessions,
  training_classes: buildTrainingClasses,
  trainees: buildTrainees,
  enrollments: buildEnrollments,
  attendance_records: buildAttendanceRecords,
  training_feedback: buildTrainingFeedback,
  meetings: buildMeetings,
  meeting_participants: buildMeetingParticipants,
  meeting_agenda: buildMeetingAgenda,
  meeting_minutes: buildMeetingMinutes,
  meeting_action_items: buildMeetingActionItems,
  meeting_products: buildMeetingProducts,
  kpi_targets: buildKpiTargets,
  kpi_actuals: buildKpiActuals,
  activities: buildActivities,
  // Demo data has no files: attachment rows would promise bytes that exist nowhere.
  attachments: () => [],
  // Recorded by the sync server when a push books an instructor twice; the demo's own clashes show through the device check.
  instructor_clashes: () => [],
  // Conflicts are recorded by the server's merge; a fresh demo has none.
  sync_conflicts: () => [],
}

export function resolveReferenceTime(options: DemoOptions): number {
  const { referenceTime, seed } = options
  if (referenceTime === undefined) return referenceTimeForSeed(seed)
  const ms = typeof referenceTime === 'number' ? referenceTime : Date.parse(referenceTime)
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid demo reference time: ${String(referenceTime)}`)
  return ms
}

export function demoPlan(options: DemoOptions): DemoPlan {
  return planDemo(options.scale)
}

/** Yields `{ table, rows }` for every table of SYNCED_TABLES, in that order (tables without rows yield []). */
export function* generateDemoData(options: DemoOptions): Generator<DemoTableBatch, void, undefined> {
  const plan = planDemo(options.scale)
  const ctx = createContext(options.seed, options.scale, resolveReferenceTime(options))
  const state = createState(ctx, plan)
  for (const table of SYNCED_TABLES) {
    yield { table, rows: BUILDERS[table](state) }
  }
}

/** Convenience for tests and small scales: all tables at once. */
export function generateDemoTables(options: DemoOptions): Map<SyncedTable, WireRow[]> {
  const tables = new Map<SyncedTable, WireRow[]>()
  for (const { table, rows } of generateDemoData(options)) tables.set(table, rows)
  return tables
}
