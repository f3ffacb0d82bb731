/** The home dashboard channel (홈 대시보드), spread into `ipcChannels`. */
export const dashboardChannels = ['dashboard.home'] as const

export type DashboardChannel = (typeof dashboardChannels)[number]
