import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateShort } from '../../lib/dates'
import { moneyOrDash } from '../../lib/money'
import { type ContractView } from '../../../../shared/ipc/training-types'
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../shared/model/enums'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { ListFilter } from '../../components/ListFilter'
import { ModalDialog } from '../../components/ModalDialog'
import { useReloadOn } from '../../lib/live'
import { useCan } from '../../lib/permissions'
import { openRecord } from '../../lib/record-links'
import { ContractDialog } from './ContractDialog'
import { CONTRACTS_READS, useContractsStore } from './contracts-store'
import { contractExportColumns, contractExportRows, filterContracts } from './contracts-view'

const won = (value: number | null): string => moneyOrDash(value)
const day = (value: string | null): string => (value ? dateShort(value) : '')
const period = (k: ContractView): string => (k.startDate || k.endDate ? `${day(k.startDate)} – ${day(k.endDate)}` : '—')

function ContractList(): JSX.Element {
  const { t } = useTranslation()
  const contracts = useContractsStore((s) => s.contracts)
  const loaded = useContractsStore((s) => s.loaded)
  const filter = useContractsStore((s) => s.filter)
  const filterChanged = useContractsStore((s) => s.filterChanged)
  const opened = useContractsStore((s) => s.contractOpened)
  const dialogOpened = useContractsStore((s) => s.dialogOpened)
  const canCreate = useCan('contracts', 'create')
  const shown = filterContracts(contracts, filter)
  return (
    <>
      <div className="project-list__actions">
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => void dialogOpened('fromOpportunity')}>
            {t('contracts.newFromOpportunity')}
          </button>
        )}
        <ExportButton
          fileName={t('contracts.exportFile')}
          columns={contractExportColumns(t)}
          rows={contractExportRows(shown, t)}
          disabled={shown.length === 0}
        />
      </div>
      <div className="list-filter-row">
        <ListFilter value={filter.query} onChange={(query) => filterChanged({ query })} label={t('contracts.filterLabel')} />
        <div className="project-filters">
          <label>
            {t('contracts.statusFilter')}
            <select
              aria-label={t('contracts.statusFilter')}
              value={filter.status}
              onChange={(e) => filterChanged({ status: e.target.value as ContractStatus | '' })}
            >
              <option value="">{t('contracts.all')}</option>
              {CONTRACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`contracts.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p className="muted" data-testid="contract-count">
        {t('contracts.count', { count: shown.length })}
      </p>
      {loaded && contracts.length === 0 && <p className="muted">{t('contracts.empty')}</p>}
      {contracts.length > 0 && shown.length === 0 && <p className="muted">{t('everyday.listFilter.noMatch', { query: filter.query })}</p>}
      <table className="project-table contract-table">
        <thead>
          <tr>
            {(['code', 'title', 'company', 'amount', 'signedDate', 'period', 'status', 'projects'] as const).map((key) => (
              <th key={key}>{t(`contracts.columns.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((k) => (
            <tr key={k.id}>
              <td className="muted">{k.code}</td>
              <td>
                <button type="button" className="link-button" onClick={() => opened(k.id)}>
                  {k.title}
                </button>
              </td>
              <td>{k.companyName ?? ''}</td>
              <td className="contract-table__amount">{won(k.amount)}</td>
              <td className="muted">{day(k.signedDate) || '—'}</td>
              <td className="muted">{period(k)}</td>
              <td>
                <span className={`contract-status contract-status--${k.status}`}>{t(`contracts.statuses.${k.status}`)}</span>
              </td>
              <td>{k.projects.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** A contract's page: its facts, the opportunity it came from and the projects it covers (each a link). */
function ContractPage({ contract }: { readonly contract: ContractView }): JSX.Element {
  const { t } = useTranslation()
  const opened = useContractsStore((s) => s.contractOpened)
  const dialogOpened = useContractsStore((s) => s.dialogOpened)
  const canUpdate = useCan('contracts', 'update')
  return (
    <div className="project-page contract-page">
      <button type="button" className="link-button" onClick={() => opened(null)}>
        ← {t('contracts.back')}
      </button>
      <header className="project-page__header">
        <h2>{contract.title}</h2>
        <span className="muted">
          {contract.code} · {contract.companyName ?? ''} · {t(`contracts.statuses.${contract.status}`)}
        </span>
        <span className="project-page__actions">
          {canUpdate && (
            <button type="button" className="button" onClick={() => void dialogOpened('edit')}>
              {t('contracts.edit')}
            </button>
          )}
        </span>
      </header>
      <div className="project-page__facts">
        <dl className="card" data-testid="contract-facts">
          <dt>{t('contracts.columns.code')}</dt>
          <dd>{contract.code}</dd>
          <dt>{t('contracts.columns.company')}</dt>
          <dd>{contract.companyName ?? '—'}</dd>
          <dt>{t('contracts.columns.amount')}</dt>
          <dd data-testid="contract-amount">{won(contract.amount)}</dd>
          <dt>{t('contracts.columns.status')}</dt>
          <dd data-testid="contract-status">{t(`contracts.statuses.${contract.status}`)}</dd>
          <dt>{t('contracts.form.signedDate')}</dt>
          <dd>{day(contract.signedDate) || '—'}</dd>
          <dt>{t('contracts.columns.period')}</dt>
          <dd>{period(contract)}</dd>
          <dt>{t('contracts.detail.opportunity')}</dt>
          <dd>
            {contract.opportunityId ? (
              <button
                type="button"
                className="link-button"
                onClick={() => openRecord({ screen: 'opportunities', opportunityId: contract.opportunityId ?? undefined })}
              >
                {contract.opportunityTitle ?? '—'}
              </button>
            ) : (
              t('contracts.detail.none')
            )}
          </dd>
        </dl>
        <div className="card">
          <h3>{t('contracts.detail.projects')}</h3>
          {contract.projects.length === 0 && <p className="muted">{t('contracts.detail.noProjects')}</p>}
          <ul className="project-team" data-testid="contract-projects">
            {contract.projects.map((p) => (
              <li key={p.id}>
                <button type="button" className="link-button" onClick={() => openRecord({ screen: 'projects', projectId: p.id })}>
                  {p.name}
                </button>{' '}
                <span className="muted">{p.code}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

/** 수주 영업기회로 계약 만들기: pick a won opportunity; the contract is made as a DRAFT and opened for editing. */
function FromOpportunityDialog(): JSX.Element {
  const { t } = useTranslation()
  const options = useContractsStore((s) => s.options)
  const error = useContractsStore((s) => s.error)
  const errorDismissed = useContractsStore((s) => s.errorDismissed)
  const dialogOpened = useContractsStore((s) => s.dialogOpened)
  const created = useContractsStore((s) => s.createdFromOpportunity)
  const [opportunityId, setOpportunityId] = useState('')
  const won = options?.wonOpportunities ?? []
  return (
    <ModalDialog title={t('contracts.fromOpportunity.title')} onClose={() => void dialogOpened(null)}>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      {options && won.length === 0 && <p className="muted">{t('contracts.fromOpportunity.none')}</p>}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault()
          if (opportunityId) void created(opportunityId)
        }}
      >
        <label>
          <span>{t('contracts.fromOpportunity.pick')}</span>
          <select required value={opportunityId} onChange={(e) => setOpportunityId(e.target.value)}>
            <option value="">{t('contracts.fromOpportunity.choose')}</option>
            {won.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title} · {o.companyName ?? ''}
                {o.contractCode ? ` ${t('contracts.fromOpportunity.hasContract', { code: o.contractCode })}` : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => void dialogOpened(null)}>
            {t('contracts.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!opportunityId}>
            {t('contracts.fromOpportunity.create')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}

/** 계약: the list (text and status filter, export), a contract's page, and making / editing one. */
export function ContractsScreen(): JSX.Element {
  const contracts = useContractsStore((s) => s.contracts)
  const openId = useContractsStore((s) => s.openId)
  const dialog = useContractsStore((s) => s.dialog)
  const error = useContractsStore((s) => s.error)
  const errorDismissed = useContractsStore((s) => s.errorDismissed)
  const screenOpened = useContractsStore((s) => s.screenOpened)
  useEffect(() => {
    void screenOpened()
  }, [screenOpened])
  useReloadOn(CONTRACTS_READS, () => useContractsStore.getState().reload())
  const open = openId ? contracts.find((k) => k.id === openId) : undefined
  return (
    <div className="projects-screen contracts-screen">
      {error && !dialog && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      {open ? <ContractPage contract={open} /> : <ContractList />}
      {dialog === 'fromOpportunity' && <FromOpportunityDialog />}
      {dialog === 'edit' && open && <ContractDialog contract={open} />}
    </div>
  )
}
