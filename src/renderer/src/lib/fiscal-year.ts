/**
 * The month our fiscal year starts in (1 = January), one setting for every screen that labels or ranges periods (KPI,
 * dashboard). It is a company-wide choice; until the admin screen stores it centrally it is kept on this PC (most
 * Korean companies start in January). The key predates this module (the KPI screen's), so choices made there stay.
 */
const FISCAL_START_KEY = 'crm.kpi.fiscalStartMonth'

export function storedFiscalStart(): number {
  const value = Number(globalThis.localStorage?.getItem(FISCAL_START_KEY))
  return Number.isInteger(value) && value >= 1 && value <= 12 ? value : 1
}

export function storeFiscalStart(month: number): void {
  globalThis.localStorage?.setItem(FISCAL_START_KEY, String(month))
}
