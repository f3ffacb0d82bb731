import { type FormEvent, type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { splitKoreanName } from '../../../../shared/domain/korean-name'
import { directionParticle } from '../../../../shared/domain/josa'
import { formatPhone } from '../../../../shared/domain/phone'
import { type LeadDetail } from '../../../../shared/ipc/sales-types'
import { type DuplicateMatch } from '../../../../shared/model/customer-views'
import { api } from '../../lib/api'
import { ModalDialog } from '../../components/ModalDialog'
import { WonInput, wonText } from '../../components/WonInput'
import { useLeadsStore } from './leads-store'

/**
 * Lead → company + head office + contact + opportunity, prefilled from the lead; one local transaction in main. When a
 * company on file looks like the lead's (name, phone, e-mail), it is offered first: converting into it adds the
 * contact and the opportunity there instead of a second company.
 */
export function ConvertDialog({
  lead,
  onClose,
}: {
  readonly lead: LeadDetail
  /** converted: true when the lead was converted (the caller moves focus to what it created). */
  readonly onClose: (converted: boolean) => void
}): JSX.Element {
  const { t } = useTranslation()
  const leadConverted = useLeadsStore((s) => s.leadConverted)
  const name = splitKoreanName(lead.contactName ?? '')
  const [companyName, setCompanyName] = useState(lead.companyName)
  const [branchName, setBranchName] = useState('본사')
  const [withContact, setWithContact] = useState(Boolean(lead.contactName))
  const [lastName, setLastName] = useState(name.lastName)
  const [firstName, setFirstName] = useState(name.firstName)
  const [phone, setPhone] = useState(lead.phone ? formatPhone(lead.phone) : '')
  const [title, setTitle] = useState(`${lead.companyName} 교육`)
  const [amount, setAmount] = useState(() => wonText(''))
  const [closeDate, setCloseDate] = useState('')
  const [saving, setSaving] = useState(false)
  const [matches, setMatches] = useState<readonly DuplicateMatch[]>([])
  /** null: a new company; otherwise the id of the company on file chosen. */
  const [existingCompanyId, setExistingCompanyId] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api.leads
      .companyMatches({ id: lead.id })
      .then((found) => {
        if (!live) return
        setMatches(found)
        // The closest match is preselected: converting a lead for a company already on file is the common case.
        setExistingCompanyId(found[0]?.id ?? null)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [lead.id])

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    const ok = await leadConverted({
      leadId: lead.id,
      existingCompanyId,
      companyName,
      branchName,
      contact: withContact ? { lastName, firstName, phone, email: lead.email } : null,
      opportunityTitle: title,
      amount: amount.value,
      expectedCloseDate: closeDate || null,
    })
    setSaving(false)
    if (ok) onClose(true)
  }

  return (
    <ModalDialog title={t('leads.convert.title')} onClose={() => onClose(false)} wide>
      <p className="muted">{existingCompanyId ? t('editing.convert.bodyExisting') : t('leads.convert.body')}</p>
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        {matches.length > 0 && (
          <fieldset className="convert-matches" data-testid="convert-matches">
            <legend>{t('editing.convert.matchesTitle')}</legend>
            {matches.map((match) => (
              <label key={match.id} className="checkbox-line">
                <input type="radio" name="convert-into" checked={existingCompanyId === match.id} onChange={() => setExistingCompanyId(match.id)} />
                <span>
                  {t('editing.convert.into', { name: match.name, particle: directionParticle(match.name) })}{' '}
                  <span className="muted">({match.reasons.map((reason) => t(`customers.duplicates.reasons.${reason}`)).join(', ')})</span>
                </span>
              </label>
            ))}
            <label className="checkbox-line">
              <input type="radio" name="convert-into" checked={existingCompanyId === null} onChange={() => setExistingCompanyId(null)} />
              <span>{t('editing.convert.newCompany')}</span>
            </label>
          </fieldset>
        )}
        <div className="form-grid__fields">
          {existingCompanyId === null && (
            <>
              <label>
                <span>{t('leads.convert.companyName')}</span>
                <input required value={companyName} onChange={(e) => setCompanyName(e.target.value)} />
              </label>
              <label>
                <span>{t('leads.convert.branchName')}</span>
                <input required value={branchName} onChange={(e) => setBranchName(e.target.value)} />
              </label>
            </>
          )}
          <label className="form-grid__wide checkbox-line">
            <input type="checkbox" checked={!withContact} onChange={(e) => setWithContact(!e.target.checked)} />
            <span>{t('leads.convert.noContact')}</span>
          </label>
          {withContact && (
            <>
              <label>
                <span>{t('leads.convert.contactLastName')}</span>
                <input required value={lastName} onChange={(e) => setLastName(e.target.value)} />
              </label>
              <label>
                <span>{t('leads.convert.contactFirstName')}</span>
                <input required value={firstName} onChange={(e) => setFirstName(e.target.value)} />
              </label>
              <label>
                <span>{t('leads.convert.contactPhone')}</span>
                <input inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
              </label>
            </>
          )}
          <label className="form-grid__wide">
            <span>{t('leads.convert.opportunityTitle')}</span>
            <input required value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <WonInput label={t('leads.convert.amount')} value={amount} invalidText={t('opportunities.invalidAmount')} onChange={setAmount} />
          <label>
            <span>{t('leads.convert.expectedCloseDate')}</span>
            <input type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} />
          </label>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => onClose(false)}>
            {t('leads.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving || !amount.valid}>
            {t('leads.convert.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
