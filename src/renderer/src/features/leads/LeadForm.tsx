import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '../../../../shared/domain/phone'
import { LEAD_SOURCES, type LeadSource, type LeadStatus } from '../../../../shared/model/enums'
import { editableLeadStatuses, type BantFlags } from '../../../../shared/model/validation/sales'
import { type LeadDetail } from '../../../../shared/ipc/sales-types'
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

/** Create and edit share one form; `showStatus` is off on create (a new lead is NEW). */
export function LeadForm({
  initial,
  showStatus,
  readOnly = false,
  converted = false,
  onSubmit,
  onCancel,
}: {
  readonly initial: LeadFormValues
  readonly showStatus: boolean
  readonly readOnly?: boolean
  /** A converted lead: the status reads 전환됨 (never an editable status, which the list would contradict). */
  readonly converted?: boolean
  readonly onSubmit: (values: LeadFormValues) => Promise<boolean>
  readonly onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [values, setValues] = useState(initial)
  const [saving, setSaving] = useState(false)
  const field = <K extends keyof LeadFormValues>(key: K, value: LeadFormValues[K]): void => setValues((v) => ({ ...v, [key]: value }))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    await onSubmit(values)
    setSaving(false)
  }

  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)}>
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
          <textarea rows={3} maxLength={4000} value={values.notes} onChange={(e) => field('notes', e.target.value)} />
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
