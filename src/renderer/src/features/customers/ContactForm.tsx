import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '../../../../shared/domain/phone'
import { CONTACT_ROLE_TYPES, type ContactRoleType } from '../../../../shared/model/enums'
import { type BranchRecord, type ContactRecord, type DuplicateMatch } from '../../../../shared/model/customer-views'
import {
  contactCreateSchema,
  contactUpdateSchema,
  fieldErrors,
  type ContactCreateInput,
  type ContactUpdateInput,
  type ValidationKey,
} from '../../../../shared/model/validation/customers'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { DuplicateDialog } from './DuplicateDialog'
import { FormField } from '../../components/FormField'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'
import { useConcurrentEdit } from '../../lib/concurrent-edit'

const FIELDS = [
  'lastName',
  'firstName',
  'branchId',
  'position',
  'title',
  'department',
  'mobile',
  'phone',
  'email',
  'roleType',
  'birthday',
  'linkedinUrl',
  'isActive',
] as const
type Field = (typeof FIELDS)[number]

function valuesOf(contact: ContactRecord | null, branches: readonly BranchRecord[]): Record<Field, string> {
  const empty = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>
  // isActive is a checkbox carried as 'true' / 'false' so the form's values stay text like every other field.
  if (!contact) return { ...empty, branchId: branches[0]?.id ?? '', isActive: 'true' }
  const text = (v: string | null): string => v ?? ''
  return {
    lastName: contact.lastName,
    firstName: contact.firstName,
    branchId: contact.branchId,
    position: text(contact.position),
    title: text(contact.title),
    department: text(contact.department),
    mobile: contact.mobile ? formatPhone(contact.mobile) : '',
    phone: contact.phone ? formatPhone(contact.phone) : '',
    email: text(contact.email),
    roleType: text(contact.roleType),
    birthday: text(contact.birthday),
    linkedinUrl: text(contact.linkedinUrl),
    isActive: String(contact.isActive),
  }
}

/**
 * Add a contact (담당자) to one of the company's branches, or edit one, with inline validation; a new contact with a
 * phone or e-mail already on file gets the duplicate warning. An edit sends only the fields that changed.
 */
export function ContactForm({
  contact,
  companyId,
  branches,
  onSaved,
  onCancel,
}: {
  /** null: a new contact. */
  readonly contact: ContactRecord | null
  /** The company the contact belongs to (its page is where the contact is read again when it changes). */
  readonly companyId?: string
  readonly branches: readonly BranchRecord[]
  readonly onSaved: () => void
  readonly onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [initial] = useState(() => valuesOf(contact, branches))
  // A colleague editing the same contact meanwhile: their values arrive, the user's text stays (lib/concurrent-edit.ts).
  const edit = useConcurrentEdit<Record<Field, string>>({
    table: 'contacts',
    id: contact && companyId ? contact.id : null,
    initial,
    read: async () => {
      if (!contact || !companyId) return null
      const fresh = (await api.customers.get({ id: companyId })).contacts.find((c) => c.id === contact.id)
      return fresh ? valuesOf(fresh, branches) : null
    },
    onGone: onCancel,
  })
  const { values, setValues } = edit
  const [errors, setErrors] = useState<Partial<Record<string, ValidationKey>>>({})
  const [duplicates, setDuplicates] = useState<readonly DuplicateMatch[] | null>(null)
  const [failure, setFailure] = useState<IpcError | null>(null)

  /** The schema's shape of one field: the empty role is "none", the active flag a boolean. */
  const inputOf = (field: Field, value: string): string | boolean | null =>
    field === 'isActive' ? value === 'true' : field === 'roleType' && value === '' ? null : value
  const input = (): ContactCreateInput => Object.fromEntries(FIELDS.map((field) => [field, inputOf(field, values[field])])) as unknown as ContactCreateInput
  const changes = (from: Record<Field, string> = values, base: Record<Field, string> = edit.base): ContactUpdateInput => {
    const changed: Partial<Record<Field, string | boolean | null>> = {}
    for (const field of FIELDS) if (from[field] !== base[field]) changed[field] = inputOf(field, from[field])
    return changed as ContactUpdateInput
  }

  const save = async (allowDuplicates: boolean): Promise<void> => {
    const parsed = contact ? contactUpdateSchema.safeParse(changes()) : contactCreateSchema.safeParse(input())
    const found = parsed.success ? {} : fieldErrors(parsed.error)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    try {
      if (contact) {
        // Only this user's changes, over the contact as it is now.
        const prepared = await edit.prepareSave()
        if (!prepared) return
        await api.contacts.update({ id: contact.id, changes: changes(prepared.values, prepared.base) })
        edit.saved(prepared.values)
        return onSaved()
      }
      const result = await api.contacts.create({ contact: input(), allowDuplicates })
      if (result.status === 'duplicates') return setDuplicates(result.duplicates)
      onSaved()
    } catch (error) {
      setFailure(toIpcError(error))
    }
  }

  const text = (field: Field, label: string, type = 'text'): JSX.Element => (
    <FormField label={label} error={errors[field]}>
      {(aria) => <input {...aria} type={type} value={values[field]} onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />}
    </FormField>
  )

  return (
    <ModalDialog title={contact ? t('customers.contact.editTitle') : t('customers.contact.title')} onClose={onCancel} wide>
      <form
        className="entity-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save(false)
        }}
      >
        {failure && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
        <ConcurrentEditNotice
          edit={edit}
          labels={{
            lastName: t('customers.contact.lastName'),
            firstName: t('customers.contact.firstName'),
            branchId: t('customers.contact.branch'),
            roleType: t('customers.contact.roleType'),
            department: t('customers.contact.department'),
            position: t('customers.contact.position'),
            title: t('customers.contact.jobTitle'),
            mobile: t('customers.contact.mobile'),
            phone: t('customers.contact.phone'),
            email: t('customers.contact.email'),
            birthday: t('editing.contact.birthday'),
            linkedinUrl: t('editing.contact.linkedin'),
            isActive: t('editing.contact.isActive'),
          }}
          display={(field, value) =>
            field === 'branchId'
              ? (branches.find((b) => b.id === value)?.name ?? value)
              : field === 'roleType'
                ? t(`customers.roleTypes.${value as ContactRoleType}`)
                : field === 'isActive'
                  ? t(value === 'true' ? 'editing.contact.isActive' : 'editing.contact.inactive')
                  : value
          }
        />
        <div className="cu-form-grid">
          {text('lastName', t('customers.contact.lastName'))}
          {text('firstName', t('customers.contact.firstName'))}
          <FormField label={t('customers.contact.branch')} error={errors.branchId}>
            {(aria) => (
              <select {...aria} value={values.branchId} onChange={(e) => setValues((v) => ({ ...v, branchId: e.target.value }))}>
                {branches.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('customers.contact.roleType')} error={errors.roleType}>
            {(aria) => (
              <select {...aria} value={values.roleType} onChange={(e) => setValues((v) => ({ ...v, roleType: e.target.value }))}>
                <option value="">{t('customers.form.none')}</option>
                {CONTACT_ROLE_TYPES.map((r) => (
                  <option key={r} value={r}>
                    {t(`customers.roleTypes.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('department', t('customers.contact.department'))}
          {text('position', t('customers.contact.position'))}
          {text('title', t('customers.contact.jobTitle'))}
          {text('mobile', t('customers.contact.mobile'), 'tel')}
          {text('phone', t('customers.contact.phone'), 'tel')}
          {text('email', t('customers.contact.email'), 'email')}
          {text('birthday', t('editing.contact.birthday'), 'date')}
          <FormField label={t('editing.contact.linkedin')} error={errors.linkedinUrl} hint={t('editing.contact.linkedinHint')}>
            {(aria) => <input {...aria} type="url" value={values.linkedinUrl} onChange={(e) => setValues((v) => ({ ...v, linkedinUrl: e.target.value }))} />}
          </FormField>
          <label className="cu-form-check">
            <input type="checkbox" checked={values.isActive === 'true'} onChange={(e) => setValues((v) => ({ ...v, isActive: String(e.target.checked) }))} />
            <span>{t('editing.contact.isActive')}</span>
          </label>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('customers.form.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('customers.form.save')}
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
          onOpen={() => setDuplicates(null)}
        />
      )}
    </ModalDialog>
  )
}
