/** What the administration screens read (사용자, 역할·권한, 부서, 팀, 감사 로그). */
import type { CampaignStatus, CampaignType, TeamMemberRole, UserTier } from '../model/enums'

export interface AdminUserTeam {
  readonly teamId: string
  readonly name: string
  readonly role: TeamMemberRole
}

export interface AdminUser {
  readonly id: string
  /** 성+이름 (홍길동). */
  readonly name: string
  readonly email: string
  readonly tier: UserTier
  readonly roleId: string
  readonly roleName: string | null
  readonly departmentId: string | null
  readonly departmentName: string | null
  readonly position: string | null
  readonly isActive: boolean
  /** Current memberships (not left). */
  readonly teams: readonly AdminUserTeam[]
}

export interface AdminRole {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly userCount: number
  /** Granted `resource:ACTION` pairs. */
  readonly grants: readonly string[]
}

export interface AdminDepartment {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly parentId: string | null
  readonly managerId: string | null
  readonly managerName: string | null
  readonly description: string | null
  readonly isActive: boolean
  /** Depth in the tree (0 = top); the list is in tree order (parent before its children). */
  readonly depth: number
  readonly userCount: number
}

export interface AdminTeamMember {
  readonly membershipId: string
  readonly userId: string
  readonly name: string
  readonly role: TeamMemberRole
  readonly joinedAt: string
}

export interface AdminTeam {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly departmentId: string | null
  readonly departmentName: string | null
  readonly leadId: string | null
  readonly leadName: string | null
  readonly description: string | null
  readonly isActive: boolean
  readonly members: readonly AdminTeamMember[]
}

export interface AuditEntry {
  readonly id: string
  readonly table: string
  readonly rowId: string
  readonly action: string
  readonly changes: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>> | null
  readonly userId: string | null
  readonly userName: string | null
  readonly createdAt: string
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[]
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly nextBefore: string | null
}

/** One live sign-in on a device (GET /admin/users/:id/devices). */
export interface AdminDeviceSession {
  readonly id: string
  readonly createdAt: string
  readonly expiresAt: string
  readonly ip: string | null
  readonly userAgent: string | null
}

/** A device (an install of the app) a user has signed in on, as the server knows it. */
export interface AdminUserDevice {
  readonly deviceId: string
  readonly createdAt: string
  readonly lastSeenAt: string
  readonly schemaVersion: number
  readonly revokedAt: string | null
  readonly wipeRequestedAt: string | null
  readonly sessions: readonly AdminDeviceSession[]
}

/** A campaign (캠페인) as the administration list shows it, with how many records name it. */
export interface AdminCampaign {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly type: CampaignType | null
  readonly status: CampaignStatus
  readonly startDate: string | null
  readonly endDate: string | null
  /** Whole won. */
  readonly budget: number | null
  readonly ownerId: string | null
  readonly ownerName: string | null
  readonly description: string | null
  readonly leadCount: number
  readonly opportunityCount: number
}

/** An industry (업종) in tree order, with the companies filed under it on this device. */
export interface AdminIndustry {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly parentId: string | null
  readonly description: string | null
  readonly depth: number
  readonly companyCount: number
}
