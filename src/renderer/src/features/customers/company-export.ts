/** The companies list as an export: every row of the current filter and sort (read page by page), Korean headers. */
import { type TFunction } from 'i18next'
import { formatBusinessNumber } from '../../../../shared/domain/business-number'
import { formatPhone } from '../../../../shared/domain/phone'
import { type CompanyFilters, type CompanySort } from '../../../../shared/model/customer-views'
import { type ExportColumn, type ExportRow } from '../../components/ExportButton'
import { api } from '../../lib/api'

const EXPORT_PAGE = 500

export function companyExportColumns(t: TFunction): readonly ExportColumn[] {
  return [
    { key: 'code', header: t('transfer.export.code') },
    { key: 'name', header: t('customers.columns.name') },
    { key: 'businessNumber', header: t('customers.columns.businessNumber') },
    { key: 'representative', header: t('customers.columns.representative') },
    { key: 'tier', header: t('customers.columns.tier') },
    { key: 'status', header: t('customers.columns.status') },
    { key: 'industry', header: t('customers.columns.industry') },
    { key: 'accountManager', header: t('customers.columns.accountManager') },
    { key: 'phone', header: t('customers.columns.phone') },
  ]
}

export async function companyExportRows(t: TFunction, filters: CompanyFilters, sort: CompanySort): Promise<ExportRow[]> {
  const input = { ...filters, tiers: filters.tiers ? [...filters.tiers] : undefined, statuses: filters.statuses ? [...filters.statuses] : undefined }
  const rows: ExportRow[] = []
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await api.customers.list({ filters: input, sort, offset, limit: EXPORT_PAGE })
    for (const c of page.items) {
      rows.push({
        code: c.code,
        name: c.name,
        businessNumber: c.businessNumber ? formatBusinessNumber(c.businessNumber) : null,
        representative: c.representative,
        tier: t(`customers.tiers.${c.tier}`),
        status: t(`customers.statuses.${c.status}`),
        industry: c.industryName,
        accountManager: c.accountManagerName,
        phone: c.phone ? formatPhone(c.phone) : null,
      })
    }
    if (page.items.length < EXPORT_PAGE || offset + EXPORT_PAGE >= page.total) return rows
  }
}
