import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ContractView } from '../../../../shared/ipc/training-types'
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../shared/model/enums'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { WonInput, wonText } from '../../components/WonInput'
import { useContractsStore } from './contracts-store'

/**
 * 계약 수정: number (empty keeps the offline code), title, amount, signed / start / end dates, status, and which of the
 * company's projects the contract covers (unticked ones are unlinked). The repository re-checks what the form checks.
 */
export function ContractDialog({ contract }: { readonly contract: ContractView }): JSX.Element {
  const { t } = useTranslation()
  const options = useContractsStore((s) => s.options)
  const error = useContractsStore((s) => s.error)
  const errorDismissed = useContractsStore((s) => s.errorDismissed)
  const dialogOpened = useContractsStore((s) => s.dialogOpened)
  const saved = useContractsStore((s) => s.saved)
  const [code, setCode] = useState(contract.code)
  const [title, setTitle] = useState(contract.title)
  const [amount, setAmount] = useState(() => wonText(contract.amount === null ? '' : contract.amount.toLocaleString('ko-KR')))
  const [signedDate, setSignedDate] = useState(contract.signedDate ?? '')
  const [startDate, setStartDate] = useState(contract.startDate ?? '')
  const [endDate, setEndDate] = useState(contract.endDate ?? '')
  const [status, setStatus] = useState<ContractStatus>(contract.status)
  const [projectIds, setProjectIds] = useState<readonly string[]>(() => contract.projects.map((p) => p.id))
  const invalidPeriod = Boolean(startDate && endDate && endDate < startDate)
  const projects = (options?.projects ?? []).filter((p) => p.companyId === contract.companyId)
  const close = (): void => void dialogOpened(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (invalidPeriod || !amount.valid || !title.trim()) return
    await saved({
      id: contract.id,
      companyId: contract.companyId,
      opportunityId: contract.opportunityId,
      code: code.trim() || null,
      title,
      amount: amount.value,
      signedDate: signedDate || null,
      startDate: startDate || null,
      endDate: endDate || null,
      status,
      projectIds: [...projectIds],
    })
  }

  return (
    <ModalDialog title={t('contracts.form.title')} onClose={close} wide>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        <div className="form-grid__fields">
          <label>
            <span>{t('contracts.form.code')}</span>
            <input maxLength={50} value={code} onChange={(e) => setCode(e.target.value)} title={t('contracts.form.codeHint')} />
          </label>
          <label>
            <span>{t('contracts.form.company')}</span>
            <input readOnly value={contract.companyName ?? ''} />
          </label>
          <label className="form-grid__wide">
            <span>{t('contracts.form.name')}</span>
            <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <WonInput label={t('contracts.form.amount')} value={amount} invalidText={t('contracts.form.invalidAmount')} onChange={setAmount} />
          <label>
            <span>{t('contracts.form.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as ContractStatus)}>
              {CONTRACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`contracts.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('contracts.form.signedDate')}</span>
            <input type="date" value={signedDate} onChange={(e) => setSignedDate(e.target.value)} />
          </label>
          <label>
            <span>{t('contracts.form.startDate')}</span>
            <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </label>
          <label>
            <span>{t('contracts.form.endDate')}</span>
            <input type="date" value={endDate} aria-invalid={invalidPeriod} onChange={(e) => setEndDate(e.target.value)} />
          </label>
          <fieldset className="form-grid__wide contract-projects">
            <legend>{t('contracts.form.projects')}</legend>
            {options && projects.length === 0 && <p className="muted">{t('contracts.form.noProjects')}</p>}
            {projects.map((p) => (
              <label key={p.id} className="contract-projects__item">
                <input
                  type="checkbox"
                  checked={projectIds.includes(p.id)}
                  onChange={(e) => setProjectIds(e.target.checked ? [...projectIds, p.id] : projectIds.filter((id) => id !== p.id))}
                />
                <span>
                  {p.name} <span className="muted">{p.code}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        {invalidPeriod && (
          <p role="alert" className="form-field__error">
            {t('contracts.form.endBeforeStart')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            {t('contracts.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalidPeriod || !amount.valid || !title.trim()}>
            {t('contracts.form.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
