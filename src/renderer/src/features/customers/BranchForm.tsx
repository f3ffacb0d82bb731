import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BRANCH_TYPES } from '../../../../shared/model/enums'
import { type BranchRecord } from '../../../../shared/model/customer-views'
import { branchCreateSchema, fieldErrors, type BranchCreateInput, type ValidationKey } from '../../../../shared/model/validation/customers'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { FormField } from '../../components/FormField'

const FIELDS = ['name', 'branchType', 'businessNumber', 'phone', 'email', 'addressCity', 'addressStreet', 'managerName'] as const
type Field = (typeof FIELDS)[number]

/** Add a branch (지점, 공장, 연구소) to a company, or edit one (`branch` given): only changed fields are written. */
export function BranchForm({
  companyId,
  branch = null,
  onSaved,
  onCancel,
}: {
  readonly companyId: string
  readonly branch?: BranchRecord | null
  readonly onSaved: () => void
  readonly onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [initial] = useState<Record<Field, string>>(() =>
    branch
      ? (Object.fromEntries(FIELDS.map((f) => [f, String(branch[f] ?? '')])) as Record<Field, string>)
      : { ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>), branchType: 'BRANCH' },
  )
  const [values, setValues] = useState<Record<Field, string>>(initial)
  const [errors, setErrors] = useState<Partial<Record<string, ValidationKey>>>({})
  const [failure, setFailure] = useState<IpcError | null>(null)

  const input = (): BranchCreateInput => ({ ...values, companyId, branchType: values.branchType === '' ? null : values.branchType }) as BranchCreateInput

  const save = async (): Promise<void> => {
    const parsed = branchCreateSchema.safeParse(input())
    const found = parsed.success ? {} : fieldErrors(parsed.error)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    try {
      if (branch) {
        const { companyId: _company, ...all } = input()
        const changes = Object.fromEntries(Object.entries(all).filter(([key]) => values[key as Field] !== initial[key as Field]))
        await api.branches.update({ id: branch.id, changes })
      } else {
        await api.branches.create({ branch: input() })
      }
      onSaved()
    } catch (error) {
      setFailure(toIpcError(error))
    }
  }

  const text = (field: Field, label: string, wide = false): JSX.Element => (
    <FormField label={label} error={errors[field]} wide={wide}>
      {(aria) => <input {...aria} value={values[field]} onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />}
    </FormField>
  )

  return (
    <ModalDialog title={branch ? t('customers.branch.editTitle') : t('customers.branch.title')} onClose={onCancel} wide>
      <form
        className="entity-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {failure && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
        <div className="cu-form-grid">
          {text('name', t('customers.branch.name'))}
          <FormField label={t('customers.branch.type')} error={errors.branchType}>
            {(aria) => (
              <select {...aria} value={values.branchType} onChange={(e) => setValues((v) => ({ ...v, branchType: e.target.value }))}>
                {BRANCH_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`customers.branchTypes.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('businessNumber', t('customers.form.businessNumber'))}
          {text('managerName', t('customers.branch.manager'))}
          {text('phone', t('customers.form.phone'))}
          {text('email', t('customers.form.email'))}
          {text('addressCity', t('customers.branch.city'))}
          {text('addressStreet', t('customers.form.address'))}
        </div>
        <div className="form-actions cu-form-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('customers.form.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('customers.form.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
