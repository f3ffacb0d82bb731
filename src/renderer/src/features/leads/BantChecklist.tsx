import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { BANT_CRITERIA, bantScore } from '../../../../shared/domain/bant'
import { type BantFlags } from '../../../../shared/model/validation/sales'

/** The four BANT questions as checkboxes, with the score computed live by the same rule main uses. */
export function BantChecklist({ value, onChange }: { readonly value: BantFlags; readonly onChange: (next: BantFlags) => void }): JSX.Element {
  const { t } = useTranslation()
  const score = bantScore(value)
  return (
    <fieldset className="bant">
      <legend>{t('leads.bant.title')}</legend>
      {BANT_CRITERIA.map(({ key }) => (
        <label key={key} className="bant__item">
          <input type="checkbox" checked={value[key]} onChange={(event) => onChange({ ...value, [key]: event.target.checked })} />
          <span>{t(`leads.bant.${key}`)}</span>
        </label>
      ))}
      <p className="bant__score" data-testid="bant-score" data-score={score} aria-live="polite">
        <meter min={0} max={100} value={score} aria-hidden="true" />
        <strong>{t('leads.bant.score', { score })}</strong>
      </p>
    </fieldset>
  )
}
