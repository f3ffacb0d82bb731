/** The KPI channels (목표, 실적, 달성률), spread into `ipcChannels`. */
export const kpiChannels = ['kpi.definitions', 'kpi.saveDefinition', 'kpi.saveTarget', 'kpi.recordActual', 'kpi.achievements'] as const

export type KpiChannel = (typeof kpiChannels)[number]
