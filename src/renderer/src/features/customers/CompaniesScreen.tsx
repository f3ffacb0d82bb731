import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { companyExportColumns, companyExportRows } from './company-export'
import { ImportButton } from '../import'
import { contactExportColumns, contactExportRows } from '../export'
import { api } from '../../lib/api'
import { CompaniesList } from './CompaniesList'
import { CompanyFilterBar } from './CompanyFilterBar'
import { CompanyForm } from './CompanyForm'
import { CompanyPage } from './CompanyPage'
import { COMPANIES_READS, useCompaniesStore } from './companies-store'
import { useReloadOn } from '../../lib/live'
import { useCan } from '../../lib/permissions'

/** The 고객사 screen: the filtered list, or one company's page. */
export function CompaniesScreen(): JSX.Element {
  const { t } = useTranslation()
  const total = useCompaniesStore((s) => s.total)
  const lookups = useCompaniesStore((s) => s.lookups)
  const selectedCompanyId = useCompaniesStore((s) => s.selectedCompanyId)
  const error = useCompaniesStore((s) => s.error)
  const listOpened = useCompaniesStore((s) => s.listOpened)
  const changed = useCompaniesStore((s) => s.changed)
  const companyOpened = useCompaniesStore((s) => s.companyOpened)
  const errorDismissed = useCompaniesStore((s) => s.errorDismissed)
  const [creating, setCreating] = useState(false)
  const canCreate = useCan('companies', 'create')

  useEffect(() => {
    void listOpened()
  }, [listOpened])
  useReloadOn(COMPANIES_READS, () => useCompaniesStore.getState().reload(), { enabled: selectedCompanyId === null })

  if (selectedCompanyId) return <CompanyPage companyId={selectedCompanyId} />

  return (
    <section className="companies-screen">
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <div className="companies-screen__toolbar">
        <span className="companies-screen__count" data-testid="company-count">
          {total === null ? t('common.loading') : t('customers.count', { count: total })}
        </span>
        <div className="transfer-actions">
          <ImportButton target="companies" onImported={() => void changed()} />
          <ImportButton target="contacts" onImported={() => void changed()} />
          {/* Every contact this PC holds, with the computed last contact day (there is no separate contacts screen). */}
          <ExportButton
            fileName={t('exports.contactsFile')}
            label={t('exports.contactsAction')}
            testId="export-contacts"
            columns={contactExportColumns(t)}
            rows={async () => contactExportRows(t, await api.contacts.list())}
            disabled={!total}
          />
          <ExportButton
            fileName={t('transfer.export.companiesFile')}
            columns={companyExportColumns(t)}
            rows={() => {
              const { filters, sort } = useCompaniesStore.getState()
              return companyExportRows(t, filters, sort)
            }}
            disabled={!total}
          />
          {canCreate && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              + {t('customers.new')}
            </button>
          )}
        </div>
      </div>
      <CompanyFilterBar />
      <CompaniesList />
      {creating && (
        <CompanyForm
          company={null}
          lookups={lookups}
          onCancel={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false)
            void changed()
            companyOpened(id)
          }}
        />
      )}
    </section>
  )
}
