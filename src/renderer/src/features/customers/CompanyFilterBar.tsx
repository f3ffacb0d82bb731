import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMPANY_STATUSES, COMPANY_TIERS, type CompanyStatus, type CompanyTier } from '../../../../shared/model/enums'
import { type CompanySort } from '../../../../shared/model/customer-views'
import { ListFilter } from '../../components/ListFilter'
import { useCompaniesStore } from './companies-store'

interface FilterSelectProps {
  readonly label: string
  /** The empty choice: no filter on this field. */
  readonly allLabel: string
  readonly value: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly onChange: (value: string) => void
}

/** One labelled filter drop-down whose empty value means "all". */
function FilterSelect({ label, allLabel, value, options, onChange }: FilterSelectProps): JSX.Element {
  return (
    <label className="filter-bar__item">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Tier / status / industry / account-manager filters, 가나다 or recent sort, and saved filters of this PC. */
export function CompanyFilterBar(): JSX.Element {
  const { t } = useTranslation()
  const filters = useCompaniesStore((s) => s.filters)
  const sort = useCompaniesStore((s) => s.sort)
  const lookups = useCompaniesStore((s) => s.lookups)
  const savedFilters = useCompaniesStore((s) => s.savedFilters)
  const activeSavedFilterId = useCompaniesStore((s) => s.activeSavedFilterId)
  const filtersChanged = useCompaniesStore((s) => s.filtersChanged)
  const sortChanged = useCompaniesStore((s) => s.sortChanged)
  const savedFilterApplied = useCompaniesStore((s) => s.savedFilterApplied)
  const filterSaved = useCompaniesStore((s) => s.filterSaved)
  const savedFilterRemoved = useCompaniesStore((s) => s.savedFilterRemoved)
  const [saveName, setSaveName] = useState('')

  const single = <T extends string>(value: string): T[] | undefined => (value ? [value as T] : undefined)

  // The text filter asks the replica once typing pauses (the list can hold tens of thousands of companies).
  const [text, setText] = useState(filters.text ?? '')
  const storedText = filters.text ?? ''
  useEffect(() => {
    if (text === storedText) return
    const timer = setTimeout(() => void filtersChanged({ ...useCompaniesStore.getState().filters, text: text || undefined }), 200)
    return () => clearTimeout(timer)
  }, [text, storedText, filtersChanged])
  // A saved filter or "clear" replaces the text from outside.
  const [seenStored, setSeenStored] = useState(storedText)
  if (seenStored !== storedText) {
    setSeenStored(storedText)
    setText(storedText)
  }

  return (
    <div className="filter-bar" role="group" aria-label={t('customers.filters.label')}>
      <ListFilter value={text} onChange={setText} label={t('everyday.listFilter.companies')} />
      <FilterSelect
        label={t('customers.filters.tier')}
        allLabel={t('customers.filters.all')}
        value={filters.tiers?.[0] ?? ''}
        options={COMPANY_TIERS.map((tier) => ({ value: tier, label: t(`customers.tiers.${tier}`) }))}
        onChange={(value) => void filtersChanged({ ...filters, tiers: single<CompanyTier>(value) })}
      />
      <FilterSelect
        label={t('customers.filters.status')}
        allLabel={t('customers.filters.all')}
        value={filters.statuses?.[0] ?? ''}
        options={COMPANY_STATUSES.map((status) => ({ value: status, label: t(`customers.statuses.${status}`) }))}
        onChange={(value) => void filtersChanged({ ...filters, statuses: single<CompanyStatus>(value) })}
      />
      <FilterSelect
        label={t('customers.filters.industry')}
        allLabel={t('customers.filters.all')}
        value={filters.industryId ?? ''}
        options={lookups.industries.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(value) => void filtersChanged({ ...filters, industryId: value || null })}
      />
      <FilterSelect
        label={t('customers.filters.accountManager')}
        allLabel={t('customers.filters.all')}
        value={filters.accountManagerId ?? ''}
        options={lookups.users.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(value) => void filtersChanged({ ...filters, accountManagerId: value || null })}
      />
      <label className="filter-bar__item">
        <span>{t('customers.filters.sort')}</span>
        <select value={sort} onChange={(e) => void sortChanged(e.target.value as CompanySort)}>
          <option value="name">{t('customers.filters.sortName')}</option>
          <option value="updated">{t('customers.filters.sortUpdated')}</option>
        </select>
      </label>
      <button type="button" className="button button--ghost button--small" onClick={() => void filtersChanged({})}>
        {t('customers.filters.clear')}
      </button>
      <span className="filter-bar__spacer" />
      <label className="filter-bar__item">
        <span>{t('customers.filters.saved')}</span>
        <select value={activeSavedFilterId ?? ''} onChange={(e) => void savedFilterApplied(e.target.value || null)}>
          <option value="">{t('customers.filters.savedNone')}</option>
          {savedFilters.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      {activeSavedFilterId && (
        <button type="button" className="button button--ghost button--small" onClick={() => void savedFilterRemoved(activeSavedFilterId)}>
          {t('customers.filters.removeSaved')}
        </button>
      )}
      <form
        className="filter-bar__save"
        onSubmit={(e) => {
          e.preventDefault()
          if (!saveName.trim()) return
          void filterSaved(saveName.trim())
          setSaveName('')
        }}
      >
        <input
          aria-label={t('customers.filters.saveName')}
          placeholder={t('customers.filters.saveName')}
          value={saveName}
          onChange={(e) => setSaveName(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={!saveName.trim()}>
          {t('customers.filters.save')}
        </button>
      </form>
    </div>
  )
}
