/**
 * Every enumeration of the data model, declared once as data.
 *
 * Both database schemas (device SQLite, server PostgreSQL), the validation schemas and the UI read these lists, so a
 * value added here reaches every layer; the server also turns each list into a CHECK constraint. Values are the
 * customer's (seed-schema.md) unless a comment says otherwise. Stored as text on the device and varchar on the server.
 *
 * Adding a value is an additive migration (a CHECK constraint is replaced); removing or renaming one is not: devices may
 * hold rows and pending edits with the old value.
 */

// ── Organisation ──────────────────────────────────────────────────────────────────────────────────────────────────

/** What a user may see (architecture §7): EXECUTIVE everything, MANAGER their teams, OPERATOR their own work. */
export const USER_TIERS = ['OPERATOR', 'MANAGER', 'EXECUTIVE'] as const
export type UserTier = (typeof USER_TIERS)[number]

export const TEAM_MEMBER_ROLES = ['LEAD', 'MEMBER'] as const
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number]

/** Shared by project priority, meeting importance and action-item priority (the seed uses the same four values). */
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
export type Priority = (typeof PRIORITIES)[number]

// ── Customers ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const COMPANY_TIERS = ['VIP', 'GOLD', 'SILVER', 'BRONZE'] as const
export type CompanyTier = (typeof COMPANY_TIERS)[number]

export const COMPANY_STATUSES = ['PROSPECT', 'ACTIVE', 'INACTIVE', 'CHURNED'] as const
export type CompanyStatus = (typeof COMPANY_STATUSES)[number]

export const COMPANY_SIZES = ['STARTUP', 'SMB', 'MIDMARKET', 'ENTERPRISE'] as const
export type CompanySize = (typeof COMPANY_SIZES)[number]

export const BRANCH_TYPES = ['HEADQUARTERS', 'BRANCH', 'FACTORY', 'RND'] as const
export type BranchType = (typeof BRANCH_TYPES)[number]

export const CONTACT_ROLE_TYPES = ['DECISION_MAKER', 'INFLUENCER', 'USER', 'CHAMPION'] as const
export type ContactRoleType = (typeof CONTACT_ROLE_TYPES)[number]

export const CONTACT_METHODS = ['EMAIL', 'PHONE', 'MOBILE', 'KAKAO'] as const
export type ContactMethod = (typeof CONTACT_METHODS)[number]

// ── Sales ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const LEAD_SOURCES = ['WEBSITE', 'REFERRAL', 'CAMPAIGN', 'COLD_CALL', 'EVENT'] as const
export type LeadSource = (typeof LEAD_SOURCES)[number]

export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED', 'CONVERTED'] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]

export const LEAD_ASSIGNMENT_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const
export type LeadAssignmentStatus = (typeof LEAD_ASSIGNMENT_STATUSES)[number]

export const OPPORTUNITY_TYPES = ['NEW_BUSINESS', 'RENEWAL', 'EXPANSION', 'REPLACEMENT'] as const
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number]

/** Pipeline order: the position in this list is the stage's position on the board. */
export const OPPORTUNITY_STAGES = ['QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number]

/** Not in the seed (campaigns were referenced but never defined): see docs/schema-review.md. */
export const CAMPAIGN_TYPES = ['EMAIL', 'SEMINAR', 'WEBINAR', 'EXHIBITION', 'ADVERTISING', 'PARTNER', 'OTHER'] as const
export type CampaignType = (typeof CAMPAIGN_TYPES)[number]

export const CAMPAIGN_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/** Not in the seed (contracts were referenced but never defined): see docs/schema-review.md. */
export const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

// ── Projects and training ─────────────────────────────────────────────────────────────────────────────────────────

export const PROJECT_TYPES = ['LEADERSHIP', 'SALES', 'SERVICE', 'TECHNICAL', 'ONBOARDING'] as const
export type ProjectType = (typeof PROJECT_TYPES)[number]

export const PROJECT_STATUSES = ['PLANNING', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export const PROJECT_PHASES = ['INITIATION', 'PLANNING', 'EXECUTION', 'MONITORING', 'CLOSING'] as const
export type ProjectPhase = (typeof PROJECT_PHASES)[number]

export const PROJECT_HEALTH = ['GREEN', 'YELLOW', 'RED'] as const
export type ProjectHealth = (typeof PROJECT_HEALTH)[number]

export const PROJECT_PRIORITIES = PRIORITIES
export type ProjectPriority = Priority

export const PROJECT_TEAM_ROLES = ['PROJECT_MANAGER', 'COORDINATOR', 'OPERATOR', 'MEMBER'] as const
export type ProjectTeamRole = (typeof PROJECT_TEAM_ROLES)[number]

/** 차수 (training session) status. */
export const SESSION_STATUSES = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** 분반 (training class) status; the seed left it unlisted, it follows the session's. */
export const CLASS_STATUSES = SESSION_STATUSES
export type ClassStatus = SessionStatus

/** New (the seed had no enrolment): a trainee's place in a class. Only CONFIRMED counts as enrolled. */
export const ENROLLMENT_STATUSES = ['APPLIED', 'CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]

/** New: one mark per trainee per class. PRESENT, LATE and LEFT_EARLY count as attended. */
export const ATTENDANCE_STATUSES = ['PRESENT', 'LATE', 'LEFT_EARLY', 'EXCUSED', 'ABSENT'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

// ── Meetings ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const MEETING_TARGETS = ['CUSTOMER', 'INTERNAL'] as const
export type MeetingTarget = (typeof MEETING_TARGETS)[number]

export const MEETING_TYPES = ['INITIAL', 'PROPOSAL', 'OPERATION', 'FOLLOWUP', 'TEAM', 'CROSS_DEPT', 'PARTNER'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]

export const MEETING_LOCATION_TYPES = ['ONSITE', 'ONLINE', 'HYBRID'] as const
export type MeetingLocationType = (typeof MEETING_LOCATION_TYPES)[number]

export const MEETING_STATUSES = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MEETING_IMPORTANCE = PRIORITIES
export type MeetingImportance = Priority

export const PARTICIPANT_TYPES = ['INTERNAL', 'EXTERNAL'] as const
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number]

export const PARTICIPANT_ROLES = ['ORGANIZER', 'PRESENTER', 'ATTENDEE', 'OPTIONAL'] as const
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number]

export const PARTICIPANT_ATTENDANCE = ['PENDING', 'CONFIRMED', 'ATTENDED', 'ABSENT'] as const
export type ParticipantAttendance = (typeof PARTICIPANT_ATTENDANCE)[number]

export const CUSTOMER_REACTIONS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const
export type CustomerReaction = (typeof CUSTOMER_REACTIONS)[number]

export const ACTION_ITEM_STATUSES = ['PENDING', 'IN_PROGRESS', 'COMPLETED'] as const
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number]

export const ACTION_ITEM_PRIORITIES = PRIORITIES
export type ActionItemPriority = Priority

// ── Products ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const PRODUCT_TYPES = ['TRAINING', 'CONSULTING', 'ASSESSMENT', 'COACHING'] as const
export type ProductType = (typeof PRODUCT_TYPES)[number]

// ── KPI ───────────────────────────────────────────────────────────────────────────────────────────────────────────

export const KPI_CATEGORIES = ['SALES', 'PROJECT', 'FINANCE', 'CUSTOMER', 'OPERATIONAL'] as const
export type KpiCategory = (typeof KPI_CATEGORIES)[number]

export const KPI_LEVELS = ['COMPANY', 'DEPARTMENT', 'TEAM', 'INDIVIDUAL'] as const
export type KpiLevel = (typeof KPI_LEVELS)[number]

export const KPI_UNITS = ['CURRENCY', 'PERCENT', 'COUNT', 'DAYS'] as const
export type KpiUnit = (typeof KPI_UNITS)[number]

export const KPI_DIRECTIONS = ['INCREASE', 'DECREASE', 'MAINTAIN'] as const
export type KpiDirection = (typeof KPI_DIRECTIONS)[number]

export const KPI_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number]

/** Whose target it is. COMPANY is our own company as a whole (not a customer). */
export const KPI_ENTITY_TYPES = ['COMPANY', 'DEPARTMENT', 'TEAM', 'USER'] as const
export type KpiEntityType = (typeof KPI_ENTITY_TYPES)[number]

/** New: the seed could not express a half year (상반기/하반기), which Korean planning uses. */
export const KPI_PERIOD_TYPES = ['MONTH', 'QUARTER', 'HALF', 'YEAR'] as const
export type KpiPeriodType = (typeof KPI_PERIOD_TYPES)[number]

// ── Activities ────────────────────────────────────────────────────────────────────────────────────────────────────

/** KAKAO is new: KakaoTalk conversations cannot be sent from the app, so they are logged like calls. */
export const ACTIVITY_TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE', 'TASK', 'KAKAO'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** LEAD is new: calls to a lead happen before there is a company or contact to hang them on. */
export const ACTIVITY_ENTITY_TYPES = ['COMPANY', 'CONTACT', 'LEAD', 'OPPORTUNITY', 'PROJECT'] as const
export type ActivityEntityType = (typeof ACTIVITY_ENTITY_TYPES)[number]

// ── Attachments ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The records a file can be attached to (issue #19): meeting minutes (the seed's `attachments` column), companies,
 * opportunities, projects, training classes (the signed sign-in sheet) and activities. The attachment's scope follows
 * the record's (sync-server/src/sync/scope.ts).
 */
export const ATTACHMENT_ENTITY_TYPES = ['MEETING_MINUTES', 'COMPANY', 'OPPORTUNITY', 'PROJECT', 'TRAINING_CLASS', 'ACTIVITY'] as const
export type AttachmentEntityType = (typeof ATTACHMENT_ENTITY_TYPES)[number]

// ── Sync and audit ────────────────────────────────────────────────────────────────────────────────────────────────

export const CONFLICT_STATUSES = ['OPEN', 'RESOLVED', 'DISMISSED'] as const
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number]

/** FIELD: two edits of one field; EDIT_VS_DELETE: an edit landed on a deleted row; DELETE_VS_UNDELETE: a delete lost. */
export const CONFLICT_KINDS = ['FIELD', 'EDIT_VS_DELETE', 'DELETE_VS_UNDELETE'] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

/** RESTORE (an undelete) is new; the seed's VIEW is kept for reads the server chooses to audit. */
export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'VIEW'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

// Bookkeeping values are lower-case: they are protocol words (docs/architecture.md §4), not business values.

export const OUTBOX_OPS = ['upsert', 'delete'] as const
export type OutboxOp = (typeof OUTBOX_OPS)[number]

export const OUTBOX_STATUSES = ['pending', 'rejected'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** change: an ordinary row change for everyone in scope; enter/leave: a row entered or left one user's scope. */
export const CHANGE_LOG_KINDS = ['change', 'enter', 'leave'] as const
export type ChangeLogKind = (typeof CHANGE_LOG_KINDS)[number]
