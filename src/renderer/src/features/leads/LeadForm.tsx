import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BANT_CRITERIA } from '../../../../shared/domain/bant'
import { formatPhone } from '../../../../shared/domain/phone'
import { LEAD_SOURCES, type LeadSource, type LeadStatus } from '../../../../shared/model/enums'
import { editableLeadStatuses, type BantFlags } from '../../../../shared/model/validation/sales'
import { type LeadDetail } from '../../../../shared/ipc/sales-types'
import { ConcurrentEditNotice } from '../../components/ConcurrentEditNotice'
import { api } from '../../lib/api'
import { useConcurrentEdit } from '../../lib/concurrent-edit'
import { BantChecklist } from './BantChecklist'

export interface LeadFormValues {
  readonly companyName: string
  readonly contactName: string
  readonly email: string
  readonly phone: string
  readonly source: LeadSource | ''
  readonly notes: string
  readonly status: Exclude<LeadStatus, 'CONVERTED'>
  readonly bant: BantFlags
}

const NO_BANT: BantFlags = { budget: false, authority: false, need: false, timeline: false }

export function leadFormValues(lead: LeadDetail | null): LeadFormValues {
  return {
    companyName: lead?.companyName ?? '',
    contactName: lead?.contactName ?? '',
    email: lead?.email ?? '',
    // Stored as digits; shown the way Koreans write it (010-1234-5678).
    phone: lead?.phone ? formatPhone(lead.phone) : '',
    source: lead?.source ?? '',
    notes: lead?.notes ?? '',
    status: lead && lead.status !== 'CONVERTED' ? lead.status : 'NEW',
    bant: lead?.bant ?? NO_BANT,
  }
}

/**
 * The form's values as the concurrent-edit hook keeps them (text per field): the BANT flags become four fields of
 * their own, so a colleague ticking "budget" is a change of that one field, merged like any other.
 */
type LeadEditValues = Readonly<Record<Exclude<keyof LeadFormValues, 'bant'> | `bant_${keyof BantFlags}`, string>>

function toEditValues(values: LeadFormValues): LeadEditValues {
  const { bant, ...rest } = values
  return {
    ...rest,
    bant_budget: bant.budget ? '1' : '',
    bant_authority: bant.authority ? '1' : '',
    bant_need: bant.need ? '1' : '',
    bant_timeline: bant.timeline ? '1' : '',
  }
}

function fromEditValues(values: LeadEditValues): LeadFormValues {
  return {
    companyName: values.companyName,
    contactName: values.contactName,
    email: values.email,
    phone: values.phone,
    source: values.source as LeadSource | '',
    notes: values.notes,
    status: values.status as LeadFormValues['status'],
    bant: {
      budget: values.bant_budget === '1',
      authority: values.bant_authority === '1',
      need: values.bant_need === '1',
      timeline: values.bant_timeline === '1',
    },
  }
}

/**
 * Create and edit share one form; `showStatus` is off on create (a new lead is NEW). Editing (`leadId` set), the lead
 * may change underneath (a colleague, a pull): untouched fields take the new values, the user's typing stays and the
 * notice says who changed what (lib/concurrent-edit.ts); saving sends the record as it is now with only this user's
 * changes on top.
 */
export function LeadForm({
  leadId,
  initial,
  showStatus,
  readOnly = false,
  converted = false,
  onSubmit,
  onCancel,
}: {
  /** null: a new lead (nothing to watch). */
  readonly leadId: string | null
  readonly initial: LeadFormValues
  readonly showStatus: boolean
  readonly readOnly?: boolean
  /** A converted lead: the status reads 전환됨 (never an editable status, which the list would contradict). */
  readonly converted?: boolean
  readonly onSubmit: (values: LeadFormValues) => Promise<boolean>
  readonly onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [initialValues] = useState(() => toEditValues(initial))
  const edit = useConcurrentEdit<LeadEditValues>({
    table: 'leads',
    id: leadId,
    initial: initialValues,
    read: async () => (leadId ? toEditValues(leadFormValues(await api.leads.get({ id: leadId }))) : null),
    onGone: onCancel,
  })
  const values = fromEditValues(edit.values)
  const [saving, setSaving] = useState(false)
  const field = <K extends keyof LeadFormValues>(key: K, value: LeadFormValues[K]): void =>
    edit.setValues((current) => toEditValues({ ...fromEditValues(current), [key]: value }))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    try {
      // The lead as it is now with only this user's changes on top: the writer records only what differs, so a
      // colleague's edit of another field survives.
      const prepared = await edit.prepareSave()
      if (!prepared) return
      if (await onSubmit(fromEditValues(prepared.values))) edit.saved(prepared.values)
    } finally {
      setSaving(false)
    }
  }

  const labels: Record<string, string> = {
    companyName: t('leads.fields.companyName'),
    contactName: t('leads.fields.contactName'),
    email: t('leads.fields.email'),
    phone: t('leads.fields.phone'),
    source: t('leads.fields.source'),
    notes: t('leads.fields.notes'),
    status: t('leads.fields.status'),
    ...Object.fromEntries(BANT_CRITERIA.map(({ key }) => [`bant_${key}`, t(`leads.bant.${key}`)])),
  }
  const display = (name: string, value: string): string => {
    if (name === 'source') return t(`leads.sources.${value as LeadSource}`)
    if (name === 'status') return t(`leads.statuses.${value as LeadStatus}`)
    if (name.startsWith('bant_')) return value === '1' ? '✓' : value
    return value
  }

  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)}>
      {edit.remote && (
        <div className="form-grid__wide">
          <ConcurrentEditNotice edit={edit} labels={labels} display={display} />
        </div>
      )}
      <fieldset disabled={readOnly} className="form-grid__fields">
        <label>
          <span>{t('leads.fields.companyName')}</span>
          <input required maxLength={200} value={values.companyName} onChange={(e) => field('companyName', e.target.value)} />
        </label>
        <label>
          <span>{t('leads.fields.contactName')}</span>
          <input maxLength={100} value={values.contactName} onChange={(e) => field('contactName', e.target.value)} />
        </label>
        <label>
          <span>{t('leads.fields.phone')}</span>
          <input inputMode="tel" maxLength={30} value={values.phone} onChange={(e) => field('phone', e.target.value)} />
        </label>
        <label>
          <span>{t('leads.fields.email')}</span>
          <input type="email" maxLength={255} value={values.email} onChange={(e) => field('email', e.target.value)} />
        </label>
        <label>
          <span>{t('leads.fields.source')}</span>
          <select value={values.source} onChange={(e) => field('source', e.target.value as LeadSource | '')}>
            <option value="">{t('leads.fields.noSource')}</option>
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`leads.sources.${source}`)}
              </option>
            ))}
          </select>
        </label>
        {showStatus && (
          <label>
            <span>{t('leads.fields.status')}</span>
            <select value={converted ? 'CONVERTED' : values.status} onChange={(e) => field('status', e.target.value as LeadFormValues['status'])}>
              {(converted ? (['CONVERTED'] as const) : editableLeadStatuses).map((status) => (
                <option key={status} value={status}>
                  {t(`leads.statuses.${status}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="form-grid__wide">
          <span>{t('leads.fields.notes')}</span>
          <textarea name="notes" rows={3} maxLength={4000} value={values.notes} onChange={(e) => field('notes', e.target.value)} />
        </label>
        <div className="form-grid__wide">
          <BantChecklist value={values.bant} onChange={(bant) => field('bant', bant)} />
        </div>
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('leads.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('leads.saving') : t('leads.save')}
          </button>
        </div>
      )}
    </form>
  )
}
