import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMPANY_SIZES, COMPANY_STATUSES, COMPANY_TIERS, type CompanySize, type CompanyStatus, type CompanyTier } from '../../../../shared/model/enums'
import { type CompanyRecord, type CustomerLookups, type DuplicateMatch } from '../../../../shared/model/customer-views'
import { companyCreateSchema, companyUpdateSchema, fieldErrors, type ValidationKey } from '../../../../shared/model/validation/customers'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { openRecord } from '../../lib/record-links'
import { createInput, emptyCompanyValues, updateInput, valuesFromCompany, type CompanyFormField, type CompanyFormValues } from './company-form-values'
import { DuplicateDialog } from './DuplicateDialog'
import { CustomFieldsEditor } from './CustomFieldsEditor'
import { customFieldPairs } from './company-form-values'
import { FormField } from '../../components/FormField'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'
import { useConcurrentEdit } from '../../lib/concurrent-edit'
import { useOwnerRule } from '../../lib/permissions'

type Errors = Partial<Record<string, ValidationKey>>

/**
 * Create or edit a company. The same zod schema main applies checks every field here first, so errors show inline
 * (in Korean) before anything is saved; a create that looks like an existing company asks before saving.
 */
export function CompanyForm({
  company,
  lookups,
  onSaved,
  onCancel,
}: {
  /** null: a new company. */
  readonly company: CompanyRecord | null
  readonly lookups: CustomerLookups
  readonly onSaved: (id: string) => void
  readonly onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [initial] = useState<CompanyFormValues>(() => (company ? valuesFromCompany(company) : emptyCompanyValues()))
  // Another person (or a pull) may change the company while this is open: their values arrive, the user's text stays.
  const edit = useConcurrentEdit<CompanyFormValues>({
    table: 'companies',
    id: company?.id ?? null,
    initial,
    read: async () => (company ? valuesFromCompany((await api.customers.get({ id: company.id })).company) : null),
    onGone: onCancel,
  })
  const { values, setValues } = edit
  // Only the people the server would accept as account manager are offered (the owner rule).
  const mayAssign = useOwnerRule('companies', company ? { account_manager_id: company.accountManagerId } : null)
  const [errors, setErrors] = useState<Errors>({})
  const [duplicates, setDuplicates] = useState<readonly DuplicateMatch[] | null>(null)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<IpcError | null>(null)

  const validate = (): Errors => {
    const result = company ? companyUpdateSchema.safeParse(updateInput(values, edit.base)) : companyCreateSchema.safeParse(createInput(values))
    return result.success ? {} : fieldErrors(result.error)
  }

  const fieldBlurred = (field: CompanyFormField): void => {
    const all = validate()
    setErrors((current) => ({ ...current, [field]: all[field] }))
  }

  const save = async (allowDuplicates: boolean): Promise<void> => {
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setSaving(true)
    setFailure(null)
    try {
      if (company) {
        // Only what this user changed, laid over the record as it is now: someone else's edits to other fields stay.
        const prepared = await edit.prepareSave()
        if (!prepared) return
        await api.customers.update({ id: company.id, changes: updateInput(prepared.values, prepared.base) })
        edit.saved(prepared.values)
        onSaved(company.id)
        return
      }
      const result = await api.customers.create({ company: createInput(values), allowDuplicates })
      if (result.status === 'duplicates') {
        setDuplicates(result.duplicates)
        return
      }
      onSaved(result.id)
    } catch (error) {
      setFailure(toIpcError(error))
    } finally {
      setSaving(false)
    }
  }

  const fieldLabels: Record<string, string> = {
    name: t('customers.form.name'),
    businessNumber: t('customers.form.businessNumber'),
    representative: t('customers.form.representative'),
    tier: t('customers.form.tier'),
    status: t('customers.form.status'),
    industryId: t('customers.form.industry'),
    accountManagerId: t('customers.form.accountManager'),
    companySize: t('customers.form.size'),
    employeeCount: t('customers.form.employeeCount'),
    annualRevenue: t('customers.form.annualRevenue'),
    website: t('customers.form.website'),
    description: t('customers.form.description'),
    creditLimit: t('editing.company.creditLimit'),
    paymentTerms: t('editing.company.paymentTerms'),
    fiscalYearEnd: t('editing.company.fiscalYearEnd'),
    tags: t('editing.company.tags'),
    customFields: t('editing.company.customFields'),
  }
  const displayValue = (field: string, value: string): string => {
    if (field === 'tier') return t(`customers.tiers.${value as CompanyTier}`)
    if (field === 'status') return t(`customers.statuses.${value as CompanyStatus}`)
    if (field === 'companySize') return t(`customers.sizes.${value as CompanySize}`)
    if (field === 'industryId') return lookups.industries.find((o) => o.id === value)?.name ?? value
    if (field === 'accountManagerId') return lookups.users.find((o) => o.id === value)?.name ?? value
    if (field === 'customFields') {
      const pairs = customFieldPairs(value)
      return pairs.length === 0 ? t('editing.company.customFieldsNone') : pairs.map((p) => `${p.key}: ${p.value}`).join(', ')
    }
    return value
  }

  const text = (field: CompanyFormField, label: string, options: { hint?: string; wide?: boolean; type?: string } = {}): JSX.Element => (
    <FormField label={label} error={errors[field]} hint={options.hint} wide={options.wide}>
      {(aria) => (
        <input
          {...aria}
          name={field}
          type={options.type ?? 'text'}
          value={values[field]}
          onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
          onBlur={() => fieldBlurred(field)}
        />
      )}
    </FormField>
  )

  const select = (field: CompanyFormField, label: string, choices: ReadonlyArray<{ value: string; label: string }>, allowNone: boolean): JSX.Element => (
    <FormField label={label} error={errors[field]}>
      {(aria) => (
        <select
          {...aria}
          name={field}
          value={values[field]}
          disabled={choices.length + (allowNone ? 1 : 0) < 2}
          onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
        >
          {allowNone && <option value="">{t('customers.form.none')}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  )

  return (
    <ModalDialog title={company ? t('customers.form.editTitle') : t('customers.form.createTitle')} onClose={onCancel} wide>
      <form
        className="entity-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save(false)
        }}
      >
        {failure && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
        <ConcurrentEditNotice edit={edit} labels={fieldLabels} display={displayValue} />
        <div className="cu-form-grid">
          {text('name', t('customers.form.name'), { wide: true })}
          {text('businessNumber', t('customers.form.businessNumber'), { hint: t('customers.form.businessNumberHint') })}
          {text('representative', t('customers.form.representative'))}
          {select(
            'tier',
            t('customers.form.tier'),
            COMPANY_TIERS.map((v) => ({ value: v, label: t(`customers.tiers.${v}`) })),
            false,
          )}
          {select(
            'status',
            t('customers.form.status'),
            COMPANY_STATUSES.map((v) => ({ value: v, label: t(`customers.statuses.${v}`) })),
            false,
          )}
          {select(
            'industryId',
            t('customers.form.industry'),
            lookups.industries.map((o) => ({ value: o.id, label: o.name })),
            true,
          )}
          {select(
            'accountManagerId',
            t('customers.form.accountManager'),
            lookups.users.filter((o) => mayAssign('account_manager_id', o.id)).map((o) => ({ value: o.id, label: o.name })),
            mayAssign('account_manager_id', null),
          )}
          {select(
            'companySize',
            t('customers.form.size'),
            COMPANY_SIZES.map((v) => ({ value: v, label: t(`customers.sizes.${v}`) })),
            true,
          )}
          {text('employeeCount', t('customers.form.employeeCount'), { type: 'text' })}
          {text('annualRevenue', t('customers.form.annualRevenue'))}
          {text('website', t('customers.form.website'))}
          {!company && (
            <>
              <h3 className="cu-form-grid__section">{t('customers.form.headOffice')}</h3>
              {text('phone', t('customers.form.phone'), { type: 'tel' })}
              {text('email', t('customers.form.email'), { type: 'email' })}
              {text('addressStreet', t('customers.form.address'), { wide: true })}
            </>
          )}
          {text('description', t('customers.form.description'), { wide: true })}
          <h3 className="cu-form-grid__section">{t('editing.company.terms')}</h3>
          {text('creditLimit', t('editing.company.creditLimit'))}
          {text('paymentTerms', t('editing.company.paymentTerms'), { hint: t('editing.company.paymentTermsHint') })}
          {text('fiscalYearEnd', t('editing.company.fiscalYearEnd'), { hint: t('editing.company.fiscalYearEndHint') })}
          {text('tags', t('editing.company.tags'), { hint: t('editing.company.tagsHint') })}
          <CustomFieldsEditor value={values.customFields} error={errors.customFields} onChange={(customFields) => setValues((v) => ({ ...v, customFields }))} />
        </div>
        {/* The summary shares the buttons' row: fixing a field must not move the save button under the pointer. */}
        <div className="form-actions cu-form-actions">
          <p className="form-error-summary">{Object.values(errors).some(Boolean) ? t('customers.form.fixErrors') : ''}</p>
          <button type="button" className="button" onClick={onCancel}>
            {t('customers.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('customers.form.saving') : t('customers.form.save')}
          </button>
        </div>
      </form>
      {duplicates && (
        <DuplicateDialog
          duplicates={duplicates}
          onBack={() => setDuplicates(null)}
          onSaveAnyway={() => {
            setDuplicates(null)
            void save(true)
          }}
          onOpen={(match) => {
            setDuplicates(null)
            onCancel()
            if (match.companyId) openRecord({ screen: 'companies', companyId: match.companyId })
          }}
        />
      )}
    </ModalDialog>
  )
}
