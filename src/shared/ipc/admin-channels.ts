/** The administration channels (사용자, 역할·권한, 부서, 팀, 감사 로그), spread into `ipcChannels`. */
export const adminChannels = [
  'admin.users',
  'admin.saveUser',
  'admin.createUser',
  'admin.roles',
  'admin.saveRole',
  'admin.setPermission',
  'admin.departments',
  'admin.saveDepartment',
  'admin.teams',
  'admin.saveTeam',
  'admin.setMembership',
  'admin.audit',
  /** Not for administrators only: one record's history, for anyone who can see the record (online). */
  'admin.recordHistory',
  /** Online, administrators: a user's devices and sessions; revoke (optionally with wipe); one-time password reset. */
  'admin.userDevices',
  'admin.revokeDevice',
  'admin.resetPassword',
  /** Campaigns (캠페인) and industries (업종): reference lists on the replica, written through the writer. */
  'admin.campaigns',
  'admin.saveCampaign',
  'admin.industries',
  'admin.saveIndustry',
] as const

export type AdminChannel = (typeof adminChannels)[number]
