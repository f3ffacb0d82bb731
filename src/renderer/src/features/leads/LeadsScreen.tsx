import { type JSX, useEffect, useMemo, useRef, useState } from 'react'
import { openRecord } from '../../lib/record-links'
import { ActivityPanel } from '../activities'
import { useTranslation } from 'react-i18next'
import { type UserRole } from '../../../../shared/ipc/contract'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { ImportButton } from '../import'
import { toIsoDate } from '../../../../shared/domain/dates'
import { ModalDialog } from '../../components/ModalDialog'
import { DeleteButton } from '../../components/DeleteButton'
import { AssignmentSection } from './AssignmentSection'
import { ConvertDialog } from './ConvertDialog'
import { LeadForm, leadFormValues, type LeadFormValues } from './LeadForm'
import { LEADS_READS, useLeadsStore } from './leads-store'
import { filterLeads, LEAD_PAGE_SIZE } from './lead-filter'
import { useReloadOn } from '../../lib/live'
import { useCan } from '../../lib/permissions'

const toInput = (values: LeadFormValues) => ({
  companyName: values.companyName,
  contactName: values.contactName,
  email: values.email,
  phone: values.phone,
  source: values.source || null,
  notes: values.notes,
  bant: values.bant,
})

/** Leads: the status pipeline (click a step to filter), the list, and a lead's form, assignment and conversion. */
export function LeadsScreen({ role }: { readonly role: UserRole }): JSX.Element {
  const { t, i18n } = useTranslation()
  const canCreate = useCan('leads', 'create')
  // Converting writes the lead (and creates the company and the opportunity, which the writer checks on their own).
  const canConvert = useCan('leads', 'update')
  // The screen shows nearly every field of its store, so it takes the store whole.
  const store = useLeadsStore()
  const [converting, setConverting] = useState(false)
  // After converting, focus goes to the link to the new opportunity: the "convert" button it came from is gone, and
  // focus left on <body> would take Escape (close the lead) with it.
  const createdLink = useRef<HTMLButtonElement>(null)
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(LEAD_PAGE_SIZE)
  const matching = useMemo(() => filterLeads(store.leads, query), [store.leads, query])
  const shown = matching.slice(0, limit)
  const { screenOpened } = store
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium' })

  useEffect(() => {
    void screenOpened()
  }, [screenOpened])
  useReloadOn(LEADS_READS, () => useLeadsStore.getState().reload())

  const total = store.pipeline.reduce((sum, step) => sum + step.count, 0)
  const detail = store.detail

  return (
    <section className="sales-screen" aria-label={t('nav.leads')}>
      <div className="toolbar">
        <nav className="pipeline" aria-label={t('leads.pipelineLabel')}>
          <button type="button" className="pipeline__step" aria-pressed={store.statusFilter === null} onClick={() => void store.statusFilterChosen(null)}>
            <span>{t('leads.all')}</span>
            <strong>{total}</strong>
          </button>
          {store.pipeline.map((step) => (
            <button
              key={step.status}
              type="button"
              className="pipeline__step"
              data-status={step.status}
              aria-pressed={store.statusFilter === step.status}
              onClick={() => void store.statusFilterChosen(step.status)}
            >
              <span>{t(`leads.statuses.${step.status}`)}</span>
              <strong data-testid={`pipeline-count-${step.status}`}>{step.count}</strong>
            </button>
          ))}
        </nav>
        <div className="transfer-actions">
          <ImportButton target="leads" onImported={() => void screenOpened()} />
          <ExportButton
            fileName={t('transfer.export.leadsFile')}
            columns={(['code', 'companyName', 'contactName', 'status', 'bantScore', 'assignedTo', 'createdAt'] as const).map((key) => ({
              key,
              header: t(`leads.columns.${key}`),
              kind: key === 'bantScore' ? ('number' as const) : undefined,
            }))}
            rows={store.leads.map((lead) => ({
              code: lead.code,
              companyName: lead.companyName,
              contactName: lead.contactName,
              status: t(`leads.statuses.${lead.status}`),
              bantScore: lead.bantScore,
              assignedTo: lead.assignedToName,
              createdAt: toIsoDate(new Date(lead.createdAt)),
            }))}
            disabled={store.leads.length === 0}
          />
          {canCreate && (
            <button type="button" className="button button--primary" onClick={store.newLeadClicked}>
              {t('leads.new')}
            </button>
          )}
        </div>
      </div>
      {store.error && !store.detail && !store.creating && <ErrorBanner error={store.error} onDismiss={store.errorDismissed} />}
      {store.notice && !store.detail && !store.creating && (
        <p className="notice" role="status">
          {t(`leads.${store.notice === 'requested' ? 'assignment.requested' : store.notice}`)}
        </p>
      )}

      <div className="card table-card">
        <div className="lead-search">
          <input
            type="search"
            aria-label={t('leads.search')}
            placeholder={t('leads.searchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value)
              setLimit(LEAD_PAGE_SIZE)
            }}
          />
          <p className="muted">
            {matching.length > shown.length ? t('leads.shown', { shown: shown.length, total: matching.length }) : t('leads.count', { count: matching.length })}
          </p>
        </div>
        {store.loaded && store.leads.length === 0 ? (
          <p className="empty" data-testid="leads-empty">
            {store.statusFilter === null ? t('editing.empty.leads') : t('leads.empty')}
          </p>
        ) : store.loaded && matching.length === 0 ? (
          <p className="empty">{t('leads.noMatch')}</p>
        ) : (
          <table className="data-table" aria-label={t('nav.leads')}>
            <thead>
              <tr>
                <th scope="col">{t('leads.columns.code')}</th>
                <th scope="col">{t('leads.columns.companyName')}</th>
                <th scope="col">{t('leads.columns.contactName')}</th>
                <th scope="col">{t('leads.columns.status')}</th>
                <th scope="col">{t('leads.columns.bantScore')}</th>
                <th scope="col">{t('leads.columns.assignedTo')}</th>
                <th scope="col">{t('leads.columns.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((lead) => (
                <tr key={lead.id} data-lead-id={lead.id}>
                  <td className="mono">{lead.code}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void store.leadOpened(lead.id)}>
                      {lead.companyName}
                    </button>
                  </td>
                  <td>{lead.contactName ?? '—'}</td>
                  <td>
                    <span className={`status status--${lead.status.toLowerCase()}`}>{t(`leads.statuses.${lead.status}`)}</span>
                  </td>
                  <td>{lead.bantScore}</td>
                  <td>
                    {lead.assignedToName ?? t('leads.unassigned')}
                    {lead.assignmentPending && <span className="badge badge--warn">{t('leads.pendingAssignment')}</span>}
                  </td>
                  <td>{dateFormat.format(Date.parse(lead.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {matching.length > shown.length && (
          <button type="button" className="button button--ghost" onClick={() => setLimit((n) => n + LEAD_PAGE_SIZE)}>
            {t('leads.showMore')}
          </button>
        )}
      </div>

      {store.creating && (
        <ModalDialog title={t('leads.createTitle')} onClose={store.detailClosed} wide>
          {store.error && <ErrorBanner error={store.error} onDismiss={store.errorDismissed} />}
          <LeadForm
            leadId={null}
            initial={leadFormValues(null)}
            showStatus={false}
            onSubmit={(v) => store.leadCreated(toInput(v))}
            onCancel={store.detailClosed}
          />
        </ModalDialog>
      )}

      {detail && (
        <ModalDialog title={`${t('leads.detailTitle')} · ${detail.companyName}`} onClose={store.detailClosed} wide>
          {store.error && <ErrorBanner error={store.error} onDismiss={store.errorDismissed} />}
          {store.notice && (
            <p className="notice" role="status">
              {t(`leads.${store.notice === 'requested' ? 'assignment.requested' : store.notice}`)}
            </p>
          )}
          {detail.status === 'CONVERTED' ? (
            <div className="row-actions">
              <p className="badge badge--ok" data-testid="lead-converted">
                {t('leads.statuses.CONVERTED')} · {t('leads.convertedAt', { date: dateFormat.format(Date.parse(detail.convertedAt ?? detail.createdAt)) })}
              </p>
              {detail.convertedToOpportunityId && (
                <button
                  ref={createdLink}
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const opportunityId = detail.convertedToOpportunityId
                    store.detailClosed()
                    if (opportunityId) openRecord({ screen: 'opportunities', opportunityId })
                  }}
                >
                  {t('editing.convert.openOpportunity')}
                </button>
              )}
              {detail.convertedToCompanyId && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const companyId = detail.convertedToCompanyId
                    store.detailClosed()
                    if (companyId) openRecord({ screen: 'companies', companyId })
                  }}
                >
                  {t('editing.convert.openCompany')}
                </button>
              )}
            </div>
          ) : (
            <div className="row-actions">
              {canConvert && (
                <button type="button" className="button" onClick={() => setConverting(true)}>
                  {t('leads.convert.action')}
                </button>
              )}
              <DeleteButton
                kind="lead"
                id={detail.id}
                className="button button--danger"
                onChanged={(what) => {
                  if (what === 'deleted') store.detailClosed()
                  void screenOpened()
                }}
              />
            </div>
          )}
          <LeadForm
            // One form per lead: a status change arriving from elsewhere merges into it (the user's typing stays).
            // (A key of its own: the assignment section beside it is keyed by the lead id too.)
            key={`form-${detail.id}`}
            leadId={detail.id}
            initial={leadFormValues(detail)}
            showStatus
            readOnly={detail.status === 'CONVERTED'}
            converted={detail.status === 'CONVERTED'}
            onSubmit={(v) => store.leadSaved({ id: detail.id, ...toInput(v), status: v.status })}
            onCancel={store.detailClosed}
          />
          <AssignmentSection key={detail.id} lead={detail} users={store.users} role={role} />
          <ActivityPanel targets={[{ entityType: 'LEAD', entityId: detail.id, label: detail.companyName }]} />
        </ModalDialog>
      )}
      {detail && converting && (
        <ConvertDialog
          lead={detail}
          onClose={(converted) => {
            setConverting(false)
            // After the dialog's own focus restore (to the convert button, now removed) has run.
            if (converted) setTimeout(() => createdLink.current?.focus(), 0)
          }}
        />
      )}
    </section>
  )
}
