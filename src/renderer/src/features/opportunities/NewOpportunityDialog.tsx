import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Combobox } from '../../components/Combobox'
import { ModalDialog } from '../../components/ModalDialog'
import { BoardError } from './BoardError'
import { WonInput, wonText } from '../../components/WonInput'
import { useOpportunitiesStore } from './opportunities-store'

export function NewOpportunityDialog({ onClose }: { readonly onClose: () => void }): JSX.Element {
  const { t } = useTranslation()
  const companies = useOpportunitiesStore((s) => s.companies)
  const created = useOpportunitiesStore((s) => s.created)
  const [title, setTitle] = useState('')
  const [companyId, setCompanyId] = useState(companies[0]?.id ?? '')
  const [amount, setAmount] = useState(() => wonText(''))
  const [expectedCloseDate, setExpectedCloseDate] = useState('')
  const [nextAction, setNextAction] = useState('')
  const [nextActionDate, setNextActionDate] = useState('')

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    await created({
      title,
      companyId,
      amount: amount.value,
      expectedCloseDate: expectedCloseDate || null,
      nextAction,
      nextActionDate: nextActionDate || null,
    })
  }

  return (
    <ModalDialog title={t('opportunities.new')} onClose={onClose} wide>
      <BoardError />
      {companies.length === 0 ? (
        <p className="muted">{t('opportunities.noCompanies')}</p>
      ) : (
        <form className="form-grid" onSubmit={(event) => void submit(event)}>
          <div className="form-grid__fields">
            <label className="form-grid__wide">
              <span>{t('opportunities.fields.title')}</span>
              <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label>
              <span>{t('opportunities.fields.company')}</span>
              <Combobox required value={companyId} options={companies.map((c) => ({ value: c.id, label: c.name }))} onChange={setCompanyId} />
            </label>
            <WonInput label={t('opportunities.fields.amount')} value={amount} invalidText={t('opportunities.invalidAmount')} onChange={setAmount} />
            <label>
              <span>{t('opportunities.fields.expectedCloseDate')}</span>
              <input type="date" value={expectedCloseDate} onChange={(e) => setExpectedCloseDate(e.target.value)} />
            </label>
            <label>
              <span>{t('opportunities.fields.nextAction')}</span>
              <input maxLength={500} value={nextAction} onChange={(e) => setNextAction(e.target.value)} />
            </label>
            <label>
              <span>{t('opportunities.fields.nextActionDate')}</span>
              <input type="date" value={nextActionDate} onChange={(e) => setNextActionDate(e.target.value)} />
            </label>
          </div>
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('opportunities.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!amount.valid}>
              {t('opportunities.save')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}
