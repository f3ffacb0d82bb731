import { Fragment, type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBusinessNumber } from '../../../../shared/domain/business-number'
import { toIsoDate } from '../../../../shared/domain/dates'
import { dateLong } from '../../lib/dates'
import { money, moneyOrDash } from '../../lib/money'
import { formatPhone } from '../../../../shared/domain/phone'
import { type BranchRecord, type ContactRecord, type RelatedSummary } from '../../../../shared/model/customer-views'
import { type MeetingStatus, type OpportunityStage, type ProjectStatus } from '../../../../shared/model/enums'
import { ErrorBanner } from '../../components/ErrorBanner'
import { DeleteButton } from '../../components/DeleteButton'
import { openRecord } from '../../lib/record-links'
import { QuickLogForm, type LogTarget } from '../activities'
import { Timeline } from '../activities'
import { useCompaniesStore } from './companies-store'
import { COMPANY_PAGE_READS, useCompanyPageStore } from './company-page-store'
import { useReloadOn } from '../../lib/live'
import { showNotice } from '../../lib/notices'
import { BranchForm } from './BranchForm'
import { CompanyForm } from './CompanyForm'
import { ContactForm } from './ContactForm'
import { RecordHistory } from '../../components/RecordHistory'
import { ExternalLink } from '../links'
import { AttachmentsPanel } from '../files'
import { useCan } from '../../lib/permissions'

const TABS = ['overview', 'contacts', 'branches', 'opportunities', 'projects', 'meetings', 'timeline', 'history'] as const
type Tab = (typeof TABS)[number]

const dash = (value: string | null | undefined): string => (value ? value : '—')

/** One company: header with tier and status, tabs for its people, places and business, and the activity timeline. */
export function CompanyPage({ companyId }: { readonly companyId: string }): JSX.Element {
  const { t } = useTranslation()
  const detail = useCompanyPageStore((s) => s.detail)
  const error = useCompanyPageStore((s) => s.error)
  const pageOpened = useCompanyPageStore((s) => s.pageOpened)
  const pageClosed = useCompanyPageStore((s) => s.pageClosed)
  const changed = useCompanyPageStore((s) => s.changed)
  const errorDismissed = useCompanyPageStore((s) => s.errorDismissed)
  const lookups = useCompaniesStore((s) => s.lookups)
  const companyClosed = useCompaniesStore((s) => s.companyClosed)
  const listChanged = useCompaniesStore((s) => s.changed)
  const [tab, setTab] = useState<Tab>('overview')
  const [dialog, setDialog] = useState<'edit' | 'contact' | 'branch' | null>(null)
  const [editingContact, setEditingContact] = useState<ContactRecord | null>(null)
  const [editingBranch, setEditingBranch] = useState<BranchRecord | null>(null)
  // Only the controls the user's grants allow (the writer and the server refuse the rest); DeleteButton checks its own.
  const canEditCompany = useCan('companies', 'update')
  const canAddContact = useCan('contacts', 'create')
  const canEditContact = useCan('contacts', 'update')
  const canAddBranch = useCan('branches', 'create')
  const canEditBranch = useCan('branches', 'update')

  useEffect(() => {
    void pageOpened(companyId)
    return () => pageClosed(companyId)
  }, [companyId, pageOpened, pageClosed])
  // Another person's edit, activity or new contact shows up here as soon as it is pulled.
  useReloadOn(COMPANY_PAGE_READS, () => useCompanyPageStore.getState().reload())
  // Reassigned away or deleted while open: close with a clear notice instead of showing a ghost.
  const gone = useCompanyPageStore((s) => s.gone)
  useEffect(() => {
    if (!gone) return
    showNotice(t('live.gone.title'), t('live.gone.body'))
    companyClosed()
    void listChanged()
  }, [gone, t, companyClosed, listChanged])

  // A search hit for a person opens their contact form on this page, on the contacts tab.
  const focusContactId = useCompaniesStore((s) => s.focusContactId)
  const contactFocused = useCompaniesStore((s) => s.contactFocused)
  const focusContact = focusContactId && detail?.company.id === companyId ? detail.contacts.find((c) => c.id === focusContactId) : undefined
  const [openedFocus, setOpenedFocus] = useState<string | null>(null)
  if (focusContact && openedFocus !== focusContact.id) {
    setOpenedFocus(focusContact.id)
    setTab('contacts')
    setEditingContact(focusContact)
  } else if (!focusContact && openedFocus !== null) {
    setOpenedFocus(null)
  }
  useEffect(() => {
    if (focusContact) contactFocused()
  }, [focusContact, contactFocused])

  if (!detail || detail.company.id !== companyId) {
    return error ? <ErrorBanner error={error} onDismiss={companyClosed} /> : <p className="loading">{t('common.loading')}</p>
  }
  const { company } = detail
  const afterWrite = (): void => {
    void changed()
    void listChanged()
  }
  const logTargets: LogTarget[] = [
    { entityType: 'COMPANY', entityId: company.id, label: company.name },
    ...detail.contacts.map((c) => ({ entityType: 'CONTACT' as const, entityId: c.id, label: c.name })),
    ...detail.opportunities.map((o) => ({ entityType: 'OPPORTUNITY' as const, entityId: o.id, label: o.title })),
    ...detail.projects.map((p) => ({ entityType: 'PROJECT' as const, entityId: p.id, label: p.title })),
  ]
  const counts: Partial<Record<Tab, number>> = {
    contacts: detail.contacts.length,
    branches: detail.branches.length,
    opportunities: detail.opportunities.length,
    projects: detail.projects.length,
    meetings: detail.meetings.length,
  }

  return (
    <section className="company-page" aria-label={company.name}>
      <button type="button" className="link-button company-page__back" onClick={companyClosed}>
        ← {t('customers.page.back')}
      </button>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <header className="company-page__header card">
        <div>
          <h2>{company.name}</h2>
          <div className="company-page__badges">
            <span className={`chip chip--tier-${company.tier.toLowerCase()}`}>{t(`customers.tiers.${company.tier}`)}</span>
            <span className="chip">{t(`customers.statuses.${company.status}`)}</span>
            {company.businessNumber && <span className="tabular muted">{formatBusinessNumber(company.businessNumber)}</span>}
            {company.industryName && <span className="muted">{company.industryName}</span>}
          </div>
        </div>
        <div className="company-page__actions">
          {canEditCompany && (
            <button type="button" className="button" onClick={() => setDialog('edit')}>
              {t('customers.page.edit')}
            </button>
          )}
          <DeleteButton
            kind="company"
            id={company.id}
            onChanged={(what) => {
              if (what === 'deleted') companyClosed()
              void listChanged()
            }}
          />
        </div>
      </header>

      <div className="tabs" role="tablist" aria-label={company.name}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="tab" onClick={() => setTab(id)}>
            {t(`customers.page.tabs.${id}`)}
            {counts[id] !== undefined && <span className="tab__count">{counts[id]}</span>}
          </button>
        ))}
      </div>

      <div className="company-page__body" role="tabpanel">
        {tab === 'overview' && (
          <div className="company-page__overview">
            <dl className="facts card">
              <dt>{t('customers.page.fields.code')}</dt>
              <dd>{company.code}</dd>
              <dt>{t('customers.form.representative')}</dt>
              <dd>{dash(company.representative)}</dd>
              <dt>{t('customers.form.accountManager')}</dt>
              <dd>{dash(company.accountManagerName)}</dd>
              <dt>{t('customers.form.size')}</dt>
              <dd>{company.companySize ? t(`customers.sizes.${company.companySize}`) : '—'}</dd>
              <dt>{t('customers.form.employeeCount')}</dt>
              <dd>{company.employeeCount?.toLocaleString('ko-KR') ?? '—'}</dd>
              <dt>{t('customers.form.annualRevenue')}</dt>
              <dd>{company.annualRevenue !== null ? money(company.annualRevenue) : '—'}</dd>
              <dt>{t('customers.form.phone')}</dt>
              <dd className="tabular">
                {detail.branches[0]?.phone ? <ExternalLink target={detail.branches[0].phone}>{formatPhone(detail.branches[0].phone)}</ExternalLink> : '—'}
              </dd>
              <dt>{t('customers.form.website')}</dt>
              <dd>{company.website ? <ExternalLink target={company.website} /> : '—'}</dd>
              <dt>{t('editing.company.creditLimit')}</dt>
              <dd>{moneyOrDash(company.creditLimit)}</dd>
              <dt>{t('editing.company.paymentTerms')}</dt>
              <dd className="tabular">{company.paymentTerms}</dd>
              <dt>{t('editing.company.fiscalYearEnd')}</dt>
              <dd className="tabular">{dash(company.fiscalYearEnd)}</dd>
              <dt>{t('editing.company.tags')}</dt>
              <dd data-testid="company-tags">
                {company.tags.length === 0
                  ? '—'
                  : company.tags.map((tag) => (
                      <span key={tag} className="chip chip--small">
                        {tag}
                      </span>
                    ))}
              </dd>
              {Object.entries(company.customFields).map(([key, value]) => (
                <Fragment key={`custom-${key}`}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
              <dt>{t('customers.page.fields.createdAt')}</dt>
              <dd>{dateLong(toIsoDate(new Date(company.createdAt)))}</dd>
            </dl>
            <div className="company-page__activity">
              <QuickLogForm targets={logTargets} onLogged={afterWrite} />
              <Timeline entries={detail.timeline.slice(0, 8)} />
            </div>
          </div>
        )}
        {tab === 'overview' && <AttachmentsPanel entityType="COMPANY" entityId={company.id} />}
        {tab === 'contacts' && (
          <div>
            <div className="section-actions">
              {canAddContact && (
                <button type="button" className="button button--small" onClick={() => setDialog('contact')}>
                  + {t('customers.page.addContact')}
                </button>
              )}
            </div>
            {detail.contacts.length === 0 ? (
              <p className="empty-state">{t('customers.page.none')}</p>
            ) : (
              <table className="cu-table card">
                <thead>
                  <tr>
                    <th>{t('customers.contact.name')}</th>
                    <th>{t('customers.contact.department')}</th>
                    <th>{t('customers.contact.position')}</th>
                    <th>{t('customers.contact.mobile')}</th>
                    <th>{t('customers.contact.email')}</th>
                    <th>{t('customers.contact.branch')}</th>
                    <th>{t('customers.contact.lastContacted')}</th>
                    <th aria-label={t('customers.remove.action')} />
                  </tr>
                </thead>
                <tbody>
                  {detail.contacts.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <strong>{c.name}</strong>
                        {c.roleType && <span className="chip chip--small">{t(`customers.roleTypes.${c.roleType}`)}</span>}
                        {!c.isActive && <span className="chip chip--small chip--muted">{t('editing.contact.inactive')}</span>}
                        {c.linkedinUrl && (
                          <ExternalLink target={c.linkedinUrl}>
                            <span className="chip chip--small">{t('editing.contact.linkedin')}</span>
                          </ExternalLink>
                        )}
                      </td>
                      <td>{dash(c.department)}</td>
                      <td>{[c.position, c.title].filter(Boolean).join(' / ') || '—'}</td>
                      <td className="tabular">
                        {c.mobile || c.phone ? <ExternalLink target={(c.mobile ?? c.phone)!}>{formatPhone((c.mobile ?? c.phone)!)}</ExternalLink> : '—'}
                      </td>
                      <td>{c.email ? <ExternalLink target={c.email} /> : '—'}</td>
                      <td>{c.branchName}</td>
                      {/* Computed from the latest activity or meeting with the person (docs/schema-review.md §2.7). */}
                      <td className="tabular" data-testid="contact-last-contacted">
                        {dash(c.lastContactedOn)}
                      </td>
                      <td>
                        <span className="row-actions-cell">
                          {canEditContact && (
                            <button
                              type="button"
                              className="link-button"
                              aria-label={`${c.name} ${t('customers.page.edit')}`}
                              onClick={() => setEditingContact(c)}
                            >
                              {t('customers.page.edit')}
                            </button>
                          )}
                          <DeleteButton
                            kind="contact"
                            id={c.id}
                            className="link-button link-button--danger"
                            ariaLabel={`${c.name} ${t('customers.remove.action')}`}
                            onChanged={afterWrite}
                          />
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
        {tab === 'branches' && (
          <div>
            <div className="section-actions">
              {canAddBranch && (
                <button type="button" className="button button--small" onClick={() => setDialog('branch')}>
                  + {t('customers.page.addBranch')}
                </button>
              )}
            </div>
            <table className="cu-table card">
              <thead>
                <tr>
                  <th>{t('customers.branch.name')}</th>
                  <th>{t('customers.branch.type')}</th>
                  <th>{t('customers.form.phone')}</th>
                  <th>{t('customers.form.address')}</th>
                  <th aria-label={t('customers.remove.action')} />
                </tr>
              </thead>
              <tbody>
                {detail.branches.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <strong>{b.name}</strong>
                    </td>
                    <td>{b.branchType ? t(`customers.branchTypes.${b.branchType}`) : '—'}</td>
                    <td className="tabular">{b.phone ? formatPhone(b.phone) : '—'}</td>
                    <td>{[b.addressCity, b.addressStreet].filter(Boolean).join(' ') || '—'}</td>
                    <td>
                      {canEditBranch && (
                        <button type="button" className="link-button" aria-label={`${b.name} ${t('customers.page.edit')}`} onClick={() => setEditingBranch(b)}>
                          {t('customers.page.edit')}
                        </button>
                      )}{' '}
                      {!b.isPrimary && (
                        <DeleteButton
                          kind="branch"
                          id={b.id}
                          className="link-button link-button--danger"
                          ariaLabel={`${b.name} ${t('customers.remove.action')}`}
                          onChanged={afterWrite}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tab === 'opportunities' && <RelatedTable rows={detail.opportunities} />}
        {tab === 'projects' && <RelatedTable rows={detail.projects} />}
        {tab === 'history' && <RecordHistory table="companies" rowId={company.id} />}
        {tab === 'meetings' && <RelatedTable rows={detail.meetings} onOpen={(meetingId) => openRecord({ screen: 'meetings', meetingId })} />}
        {tab === 'timeline' && (
          <div className="company-page__activity">
            <QuickLogForm targets={logTargets} onLogged={afterWrite} />
            <Timeline entries={detail.timeline} onChanged={afterWrite} />
          </div>
        )}
      </div>

      {dialog === 'edit' && (
        <CompanyForm
          company={company}
          lookups={lookups}
          onCancel={() => setDialog(null)}
          onSaved={() => {
            setDialog(null)
            afterWrite()
          }}
        />
      )}
      {(dialog === 'contact' || editingContact) && (
        <ContactForm
          key={editingContact?.id ?? 'new'}
          contact={editingContact}
          companyId={company.id}
          branches={detail.branches}
          onCancel={() => {
            setDialog(null)
            setEditingContact(null)
          }}
          onSaved={() => {
            setDialog(null)
            setEditingContact(null)
            afterWrite()
          }}
        />
      )}
      {(dialog === 'branch' || editingBranch) && (
        <BranchForm
          key={editingBranch?.id ?? 'new'}
          companyId={company.id}
          branch={editingBranch}
          onCancel={() => {
            setDialog(null)
            setEditingBranch(null)
          }}
          onSaved={() => {
            setDialog(null)
            setEditingBranch(null)
            afterWrite()
          }}
        />
      )}
    </section>
  )
}

function RelatedTable({
  rows,
  onOpen,
}: {
  readonly rows: readonly RelatedSummary[]
  /** Rows whose screen can open them (meetings) become links. */
  readonly onOpen?: (id: string) => void
}): JSX.Element {
  const { t } = useTranslation()
  if (rows.length === 0) return <p className="empty-state">{t('customers.page.none')}</p>
  return (
    <table className="cu-table card">
      <thead>
        <tr>
          <th>{t('customers.page.title')}</th>
          <th>{t('customers.columns.status')}</th>
          <th>{t('customers.page.amount')}</th>
          <th>{t('customers.page.date')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              {onOpen ? (
                <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                  {r.title}
                </button>
              ) : (
                r.title
              )}
            </td>
            <td>{t(`customers.relatedStatus.${r.status as OpportunityStage | ProjectStatus | MeetingStatus}`)}</td>
            <td className="tabular">{r.amount !== null ? money(r.amount) : '—'}</td>
            <td>{r.date ? dateLong(r.date) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
