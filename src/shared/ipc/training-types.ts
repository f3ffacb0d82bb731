/** Output shapes of the projects / training channels. Derived figures are computed on every read, never stored. */
import {
  type AttendanceStatus,
  type ClassStatus,
  type EnrollmentStatus,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectPriority,
  type ProjectStatus,
  type ProjectTeamRole,
  type ProjectType,
  type SessionStatus,
  type ContractStatus,
} from '../model/enums'
import { type SatisfactionSummary } from '../domain/satisfaction'
import { type TrainingRates } from '../domain/training-rates'
import { type ServerClashReport } from './clash-types'

export interface ProjectSummary {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly companyName: string | null
  readonly status: ProjectStatus
  readonly phase: ProjectPhase | null
  readonly health: ProjectHealth | null
  readonly priority: ProjectPriority
  readonly startDate: string | null
  readonly endDate: string | null
  readonly progress: number
  readonly revenue: number | null
  /** revenue − actual cost; null unless both are known. */
  readonly margin: number | null
  readonly marginPercent: number | null
}

export interface ClassView {
  readonly id: string
  readonly sessionId: string
  readonly classNumber: number
  readonly name: string | null
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly instructorId: string | null
  readonly instructorName: string | null
  readonly room: string | null
  readonly topic: string | null
  readonly maxParticipants: number | null
  readonly status: ClassStatus
  /** CONFIRMED enrolments. */
  readonly enrolled: number
  /** Confirmed trainees marked present, late or left early. */
  readonly attended: number
  /** APPLIED or WAITLISTED enrolments, waiting for a decision. */
  readonly waiting: number
  /** Another live class of the same session has this number (two devices numbered offline). */
  readonly duplicateNumber: boolean
  /** Feedback answers given for this class (session-level answers count for the session only). */
  readonly satisfaction: SatisfactionSummary | null
}

export interface SessionView {
  readonly id: string
  readonly sessionNumber: number
  readonly name: string | null
  readonly startDate: string
  readonly endDate: string
  readonly status: SessionStatus
  readonly location: string | null
  readonly maxParticipants: number | null
  /** Another live session of the project has this number (two devices numbered offline). */
  readonly duplicateNumber: boolean
  /** Every answer of the session, class-level ones included. */
  readonly satisfaction: SatisfactionSummary | null
  readonly classes: readonly ClassView[]
}

/** A product proposed in a meeting of the opportunity the project came from (derived on read, never copied). */
export interface ProposedProduct {
  readonly productId: string
  readonly name: string
  readonly quantity: number
  readonly unitPrice: number | null
  /** quantity × unit price × (1 − discount), whole won; null without a price. */
  readonly total: number | null
}

export interface ProjectDetail extends ProjectSummary {
  readonly description: string | null
  readonly companyId: string
  readonly type: ProjectType | null
  readonly branchId: string | null
  readonly branchName: string | null
  readonly opportunityId: string | null
  readonly opportunityTitle: string | null
  readonly contractId: string | null
  readonly contractCode: string | null
  readonly actualStartDate: string | null
  readonly actualEndDate: string | null
  readonly projectManagerId: string | null
  readonly coordinatorId: string | null
  readonly operatorId: string | null
  /** 홍길동 for each of the three, when the replica knows them. */
  readonly projectManagerName: string | null
  readonly coordinatorName: string | null
  readonly operatorName: string | null
  /** Products proposed for the opportunity the project came from (its meetings' 제안 상품). */
  readonly proposedProducts: readonly ProposedProduct[]
  readonly budget: number | null
  readonly actualCost: number | null
  readonly team: ReadonlyArray<{
    readonly userId: string
    readonly name: string | null
    readonly role: ProjectTeamRole | null
    /** Share of the member's time on this project, 0–100. */
    readonly allocationPercent: number
  }>
  readonly sessions: readonly SessionView[]
  /** Every answer of the project's live sessions. */
  readonly satisfaction: SatisfactionSummary | null
  /** The completion rule (수료 기준) in force: the project's own share of scheduled hours, or the company default. */
  readonly completionRule: { readonly percent: number; readonly isDefault: boolean }
  /** Trainees and completion over all the project's classes under that rule (the dashboard's figures). */
  readonly training: TrainingRates
  /** Instructor double bookings the server recorded against every project, and when it last checked. */
  readonly serverClashes: ServerClashReport
}

/** Another class the same instructor or room is booked for at an overlapping time on the same date. */
export interface DoubleBooking {
  readonly classId: string
  readonly projectName: string
  readonly sessionNumber: number
  readonly classNumber: number
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly sameInstructor: boolean
  readonly sameRoom: boolean
  readonly instructorName: string | null
  readonly room: string | null
}

export type ClassCreateResult =
  | { readonly status: 'created'; readonly classId: string; readonly project: ProjectDetail }
  | { readonly status: 'doubleBooked'; readonly conflicts: readonly DoubleBooking[] }

export interface RosterEntry {
  readonly traineeId: string
  readonly enrollmentId: string
  readonly enrollmentStatus: EnrollmentStatus
  /** 홍길동 */
  readonly name: string
  readonly department: string | null
  readonly position: string | null
  readonly employeeNumber: string | null
  readonly attendance: AttendanceStatus | null
  readonly remarks: string | null
  readonly recordedByName: string | null
  readonly recordedAt: string | null
  /** Completion (수료) across the session's classes so far, % with two decimals; null when nothing counts yet. */
  readonly completionPercent: number | null
  readonly completed: boolean
  /** Added on the day (not on the original roster). */
  readonly walkIn: boolean
  /**
   * Two coordinators marked this trainee differently at the same time: the mark shown won (later stamp), the other is
   * kept in the sync panel's open conflict (docs/architecture.md §6). Absent when there is none.
   */
  readonly markConflict?: RosterMarkConflict
}

export interface RosterMarkConflict {
  readonly conflictId: string
  /** The mark that won and is shown. */
  readonly winner: AttendanceStatus | null
  readonly winnerName: string | null
  /** The mark that lost. */
  readonly loser: AttendanceStatus | null
  readonly loserName: string | null
}

export interface RosterCounts {
  readonly enrolled: number
  /** 출석 + 지각 + 조퇴. */
  readonly attended: number
  readonly present: number
  readonly late: number
  readonly leftEarly: number
  readonly absent: number
  readonly excused: number
  readonly unmarked: number
  /** Attendance rate % of the marked entries (policy weights), null when nothing is marked. */
  readonly rate: number | null
}

export interface ClassRoster {
  readonly classId: string
  readonly projectId: string
  readonly projectName: string
  readonly companyName: string | null
  readonly sessionNumber: number
  readonly classNumber: number
  readonly className: string | null
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly room: string | null
  readonly instructorName: string | null
  readonly entries: readonly RosterEntry[]
  readonly counts: RosterCounts
  /** Completion rule of the policy, %. */
  readonly completionPercent: number
}

export interface InstructorOption {
  readonly id: string
  readonly name: string
}

/** A class in the coordinator's agenda (교육 screen): the class with where it belongs. */
export interface AgendaClass extends ClassView {
  readonly projectId: string
  readonly projectName: string
  readonly companyName: string | null
  readonly sessionNumber: number
}

/** Deleting a class with attendance marks needs a second, explicit confirmation. */
export type ClassDeleteResult = { readonly status: 'deleted'; readonly project: ProjectDetail } | { readonly status: 'hasAttendance'; readonly marks: number }

export interface EnrollmentView {
  readonly enrollmentId: string
  readonly traineeId: string
  /** 홍길동 */
  readonly name: string
  readonly department: string | null
  readonly position: string | null
  readonly status: EnrollmentStatus
}

/** Every enrolment of a class (신청, 확정, 대기, 취소) with the capacity they are decided against. */
export interface ClassEnrollments {
  readonly classId: string
  readonly projectId: string
  readonly sessionNumber: number
  readonly classNumber: number
  readonly maxParticipants: number | null
  readonly confirmed: number
  readonly entries: readonly EnrollmentView[]
}

/** An instructor in the directory (강사 관리). */
export interface InstructorView {
  readonly id: string
  readonly code: string
  readonly lastName: string
  readonly firstName: string
  /** 홍길동 */
  readonly name: string
  readonly email: string
  readonly phone: string | null
  readonly specialties: readonly string[]
  readonly certifications: readonly string[]
  /** The company's own grade, 1–5. */
  readonly rating: number | null
  readonly hourlyRate: number | null
  readonly bio: string | null
  readonly isInternal: boolean
  readonly isActive: boolean
}

/** A soft-deleted project that can be restored (휴지통). */
export interface DeletedProject {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly companyName: string | null
  readonly deletedAt: string
}

/** What the project form offers: companies with their branches, people, contracts. */
export interface ProjectFormOptions {
  readonly companies: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly branches: ReadonlyArray<{ readonly id: string; readonly name: string }>
  }>
  readonly users: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly contracts: ReadonlyArray<{ readonly id: string; readonly code: string; readonly title: string; readonly companyId: string }>
}

/** The training side of an opportunity: whether it is won, and the projects / contracts made from it. */
export interface OpportunityTraining {
  readonly opportunityId: string
  readonly won: boolean
  readonly projects: ReadonlyArray<{ readonly id: string; readonly code: string; readonly name: string }>
  readonly contracts: ReadonlyArray<{ readonly id: string; readonly code: string; readonly title: string }>
}

/** A contract (계약) in the list and on its page. */
export interface ContractView {
  readonly id: string
  readonly code: string
  readonly title: string
  readonly companyId: string
  readonly companyName: string | null
  readonly opportunityId: string | null
  readonly opportunityTitle: string | null
  readonly amount: number | null
  readonly signedDate: string | null
  readonly startDate: string | null
  readonly endDate: string | null
  readonly status: ContractStatus
  readonly projects: ReadonlyArray<{ readonly id: string; readonly code: string; readonly name: string }>
}

/** What the contracts screen offers: won opportunities to make a contract from, and projects a contract may cover. */
export interface ContractFormOptions {
  readonly wonOpportunities: ReadonlyArray<{
    readonly id: string
    readonly title: string
    readonly companyName: string | null
    readonly amount: number | null
    /** The contract already made from it, if any (a second one is allowed: a renewal, an addendum). */
    readonly contractCode: string | null
  }>
  readonly companies: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly projects: ReadonlyArray<{
    readonly id: string
    readonly code: string
    readonly name: string
    readonly companyId: string
    readonly contractId: string | null
  }>
}

/** A class on the coordinator's home, with the state of its roster. */
export interface CoordinatorClass {
  readonly classId: string
  readonly projectId: string
  readonly projectName: string
  readonly sessionNumber: number
  readonly classNumber: number
  readonly name: string | null
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly instructorName: string | null
  readonly room: string | null
  /** Confirmed trainees. */
  readonly enrolled: number
  /** Confirmed trainees without a live mark. */
  readonly unmarked: number
  readonly timing: 'notStarted' | 'running' | 'ended'
}

/** An instructor booked twice at overlapping times, one of the classes being the coordinator's. */
export interface CoordinatorClash {
  readonly classId: string
  readonly projectName: string
  readonly sessionNumber: number
  readonly classNumber: number
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly instructorName: string | null
  readonly other: DoubleBooking
}

/**
 * 코디네이터 홈: the training a coordinator runs, instead of the sales tiles. `kind: 'sales'` tells the screen to show
 * the tier dashboard (the user does not coordinate training).
 */
export type CoordinatorHome =
  | { readonly kind: 'sales' }
  | {
      readonly kind: 'coordinator'
      readonly today: string
      readonly weekStart: string
      readonly weekEnd: string
      readonly classesToday: readonly CoordinatorClass[]
      readonly classesThisWeek: readonly CoordinatorClass[]
      /** Classes that have started (within the last 30 days) with confirmed trainees still unmarked. */
      readonly rostersNotTaken: readonly CoordinatorClass[]
      readonly projects: ReadonlyArray<{
        readonly id: string
        readonly code: string
        readonly name: string
        readonly completionPercent: number
        readonly training: TrainingRates
      }>
      /** Instructor double bookings from today on, as this device sees them (its own replica only). */
      readonly clashes: readonly CoordinatorClash[]
      /** …and those the server recorded against every project (a pair listed here is left out of `clashes`). */
      readonly serverClashes: ServerClashReport
    }

/** A trainee in the directory (수강생) with their 소속. */
export interface TraineeView {
  readonly id: string
  /** 홍길동 */
  readonly name: string
  readonly lastName: string
  readonly firstName: string
  readonly phone: string | null
  readonly email: string | null
  readonly companyId: string | null
  readonly companyName: string | null
  readonly department: string | null
  readonly position: string | null
  /** Live enrolments, any class. */
  readonly classes: number
}

/** What an enrolment did: new trainees vs found ones, seats given, waitlisted, and those already on the list. */
export interface EnrollResult {
  readonly created: number
  readonly found: number
  readonly confirmed: number
  readonly waitlisted: number
  readonly alreadyEnrolled: number
}

/** One trainee's completion (수료) in one 차수 of a project, judged by the project's rule. */
export interface CompletionEntry {
  readonly traineeId: string
  readonly name: string
  readonly companyName: string | null
  readonly department: string | null
  readonly position: string | null
  readonly phone: string | null
  readonly sessionId: string
  readonly sessionNumber: number
  readonly sessionStart: string
  readonly sessionEnd: string
  /** Credited share of scheduled time so far, % (two decimals); null when nothing counts yet. */
  readonly percent: number | null
  readonly completed: boolean
}

/** The completion list (수료 명단) of a project, per trainee and session, for export and certificates. */
export interface CompletionList {
  readonly projectId: string
  readonly projectCode: string
  readonly projectName: string
  readonly companyName: string | null
  readonly completionPercent: number
  readonly entries: readonly CompletionEntry[]
}
