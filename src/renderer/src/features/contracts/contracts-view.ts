/** What the contracts list shows (text and status filter) and exports (columns and rows), kept apart from React. */
import { type TFunction } from 'i18next'
import { matchesText } from '../../../../shared/domain/korean-text'
import { type ContractView } from '../../../../shared/ipc/training-types'
import { type ContractStatus } from '../../../../shared/model/enums'
import { type ExportColumn, type ExportRow } from '../../components/ExportButton'

export interface ContractFilter {
  readonly query: string
  readonly status: ContractStatus | ''
}

/** Contracts matching the typed text (number, title, company, 초성 included) and the chosen status. */
export function filterContracts(contracts: readonly ContractView[], filter: ContractFilter): ContractView[] {
  return contracts.filter((k) => (filter.status === '' || k.status === filter.status) && matchesText([k.code, k.title, k.companyName], filter.query))
}

/** The export's columns, headed in the UI's language; the amount is written as a number (#,##0 in XLSX). */
export function contractExportColumns(t: TFunction): ExportColumn[] {
  return [
    { key: 'code', header: t('contracts.columns.code') },
    { key: 'title', header: t('contracts.columns.title') },
    { key: 'company', header: t('contracts.columns.company') },
    { key: 'amount', header: t('contracts.columns.amount'), kind: 'won' },
    { key: 'signedDate', header: t('contracts.columns.signedDate') },
    { key: 'startDate', header: t('contracts.form.startDate') },
    { key: 'endDate', header: t('contracts.form.endDate') },
    { key: 'status', header: t('contracts.columns.status') },
    { key: 'projects', header: t('contracts.columns.projects') },
  ]
}

/** One row per contract shown (the export follows the filter): status labelled, projects as "code name; …". */
export function contractExportRows(contracts: readonly ContractView[], t: TFunction): ExportRow[] {
  return contracts.map((k) => ({
    code: k.code,
    title: k.title,
    company: k.companyName,
    amount: k.amount,
    signedDate: k.signedDate,
    startDate: k.startDate,
    endDate: k.endDate,
    status: t(`contracts.statuses.${k.status}`),
    projects: k.projects.map((p) => `${p.code} ${p.name}`).join('; '),
  }))
}
