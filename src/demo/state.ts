/**
 * What earlier tables leave for later ones: compact records of the parent rows (ids, dates, owners) that children
 * point at or must stay consistent with (a class date inside its session, attendance only for past classes …).
 */
import {
  type CompanySize,
  type CompanyStatus,
  type CompanyTier,
  type ContractStatus,
  type KpiEntityType,
  type KpiLevel,
  type KpiUnit,
  type KpiDirection,
  type KpiFrequency,
  type OpportunityStage,
  type ProjectStatus,
  type ProjectType,
  type SessionStatus,
  type UserTier,
} from '../shared/model/enums'
import { type DemoContext } from './context'
import { type ProductSeed } from './hrd-data'
import { type KoreanAddress } from './korean-fakes'
import { type DemoPlan } from './plan'

/** Which part of the HRD company a user works in. */
export type Unit = 'EXEC' | 'SALES' | 'OPS' | 'CONSULTING' | 'SUPPORT'

export interface UserInfo {
  readonly id: string
  readonly fullName: string
  readonly tier: UserTier
  readonly role: string
  readonly unit: Unit
  readonly departmentId: string
  readonly teamId: string | null
  readonly isActive: boolean
  readonly createdMs: number
}

export interface TeamInfo {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly unit: Unit
  readonly departmentId: string
  readonly leadId: string
  readonly memberIds: string[]
}

export interface DepartmentInfo {
  readonly id: string
  readonly code: string
  readonly unit: Unit
}

export interface IndustryInfo {
  readonly id: string
  readonly name: string
  readonly words: readonly string[]
  readonly weight: number
}

export interface ProductInfo {
  readonly id: string
  readonly seed: ProductSeed
  readonly listPrice: number
}

export interface InstructorInfo {
  readonly id: string
  readonly fullName: string
  readonly isActive: boolean
  readonly specialties: readonly string[]
}

export interface KpiDefinitionInfo {
  readonly id: string
  readonly code: string
  readonly level: KpiLevel
  readonly unit: KpiUnit
  readonly direction: KpiDirection
  readonly frequency: KpiFrequency
  /** Rough target per entity per month, in the KPI's unit (scaled by period length for currency and counts). */
  readonly monthlyTarget: (entity: { type: KpiEntityType; size: number }) => number
}

export interface CampaignInfo {
  readonly id: string
  readonly name: string
  readonly startMs: number
  readonly endMs: number
}

export interface CompanyInfo {
  readonly id: string
  readonly name: string
  readonly shortName: string
  readonly domain: string
  readonly size: CompanySize
  readonly status: CompanyStatus
  readonly tier: CompanyTier
  readonly employeeCount: number
  readonly accountManagerId: string
  readonly createdMs: number
  readonly address: KoreanAddress
  branchIds: string[]
  /** Contacts by branch, HR-side contacts first. */
  contacts: ContactInfo[]
}

export interface BranchInfo {
  readonly id: string
  readonly companyId: string
  readonly name: string
  readonly address: KoreanAddress
  readonly isPrimary: boolean
}

export interface ContactInfo {
  readonly id: string
  readonly companyId: string
  readonly branchId: string
  readonly fullName: string
  readonly position: string
  readonly email: string | null
  readonly createdMs: number
}

export interface OpportunityInfo {
  readonly id: string
  readonly companyId: string
  readonly branchId: string | null
  readonly contactId: string | null
  readonly title: string
  readonly stage: OpportunityStage
  readonly amount: number
  readonly product: ProductInfo
  readonly accountManagerId: string
  readonly teamId: string | null
  readonly createdMs: number
  /** Close instant for closed deals; expected close for open ones. */
  readonly closeMs: number
  readonly isNewBusiness: boolean
  readonly source: string | null
  readonly campaignId: string | null
  /** Planned 차수 if won. */
  readonly sessions: number
}

export interface ContractInfo {
  readonly id: string
  readonly opportunity: OpportunityInfo
  readonly status: ContractStatus
  readonly startDate: string
  readonly endDate: string
  readonly amount: number
  readonly signedMs: number
}

export interface ProjectInfo {
  readonly id: string
  readonly companyId: string
  readonly branchId: string | null
  readonly opportunityId: string | null
  readonly name: string
  readonly type: ProjectType
  readonly status: ProjectStatus
  readonly product: ProductInfo
  readonly startDate: string
  readonly endDate: string
  readonly managerId: string
  readonly coordinatorId: string
  readonly operatorId: string
  readonly accountManagerId: string
  readonly createdMs: number
  readonly sessions: number
}

export interface SessionInfo {
  readonly id: string
  readonly project: ProjectInfo
  readonly number: number
  readonly startDate: string
  readonly endDate: string
  readonly status: SessionStatus
  readonly maxParticipants: number
  readonly createdMs: number
}

export interface ClassInfo {
  readonly id: string
  readonly session: SessionInfo
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly instructorId: string | null
  readonly status: SessionStatus
  readonly capacity: number
  readonly createdMs: number
}

export interface LeadInfo {
  readonly id: string
  readonly ownerId: string | null
  readonly createdMs: number
  readonly companyName: string
  readonly converted: boolean
}

export interface TraineeInfo {
  readonly id: string
  readonly companyId: string
}

export interface EnrollmentInfo {
  readonly classInfo: ClassInfo
  readonly traineeId: string
  readonly confirmed: boolean
}

export interface AttendanceInfo {
  readonly classInfo: ClassInfo
  readonly traineeId: string
  readonly attended: boolean
  readonly recordedMs: number
}

export interface MeetingInfo {
  readonly id: string
  readonly kind: 'CUSTOMER' | 'INTERNAL'
  readonly type: string
  readonly companyId: string | null
  readonly company: CompanyInfo | null
  readonly opportunityId: string | null
  readonly projectId: string | null
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly status: string
  readonly organizerId: string
  readonly internalIds: readonly string[]
  readonly createdMs: number
  readonly isPast: boolean
  readonly product: ProductInfo | null
}

/** Everything the builders share during one run. Arrays are filled table by table in SYNCED_TABLES order. */
export interface DemoState {
  readonly ctx: DemoContext
  readonly plan: DemoPlan
  roleIds: Map<string, string>
  departments: DepartmentInfo[]
  users: UserInfo[]
  teams: TeamInfo[]
  industries: IndustryInfo[]
  productCategoryIds: Map<string, string>
  products: ProductInfo[]
  instructors: InstructorInfo[]
  kpiDefinitions: KpiDefinitionInfo[]
  campaigns: CampaignInfo[]
  companies: CompanyInfo[]
  companyById: Map<string, CompanyInfo>
  branches: BranchInfo[]
  contacts: ContactInfo[]
  opportunities: OpportunityInfo[]
  contracts: ContractInfo[]
  leads: LeadInfo[]
  projects: ProjectInfo[]
  sessions: SessionInfo[]
  classes: ClassInfo[]
  traineesByCompany: Map<string, TraineeInfo[]>
  enrollments: EnrollmentInfo[]
  attendance: AttendanceInfo[]
  meetings: MeetingInfo[]
  /** Business and corporate numbers already used (unique across companies and branches). */
  takenBusinessNumbers: Set<string>
  takenCorporateNumbers: Set<string>
  takenCompanyNames: Set<string>
}

export function createState(ctx: DemoContext, plan: DemoPlan): DemoState {
  return {
    ctx,
    plan,
    roleIds: new Map(),
    departments: [],
    users: [],
    teams: [],
    industries: [],
    productCategoryIds: new Map(),
    products: [],
    instructors: [],
    kpiDefinitions: [],
    campaigns: [],
    companies: [],
    companyById: new Map(),
    branches: [],
    contacts: [],
    opportunities: [],
    contracts: [],
    leads: [],
    projects: [],
    sessions: [],
    classes: [],
    traineesByCompany: new Map(),
    enrollments: [],
    attendance: [],
    meetings: [],
    takenBusinessNumbers: new Set(),
    takenCorporateNumbers: new Set(),
    takenCompanyNames: new Set(),
  }
}
