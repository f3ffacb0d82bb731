import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { todayIsoDate } from '../../../../shared/domain/dates'
import { fiscalPeriodLabel } from '../../../../shared/domain/fiscal-period'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type KpiAchievementRow } from '../../../../shared/ipc/kpi-types'
import { type KpiActualRecordInput } from '../../../../shared/model/validation/kpi'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { checkActualDate, defaultActualDate, parseKpiNumber, type KpiFieldError } from './kpi-view'

/** Records a figure for a KPI the app cannot compute; the latest date in the period is the actual. */
export function ActualDialog({
  row,
  fiscalStartMonth,
  error,
  onDismissError,
  onSave,
  onClose,
}: {
  readonly row: KpiAchievementRow
  readonly fiscalStartMonth: number
  readonly error: IpcError | null
  readonly onDismissError: () => void
  readonly onSave: (input: KpiActualRecordInput) => Promise<boolean>
  readonly onClose: () => void
}): JSX.Element {
  const { t, i18n } = useTranslation()
  const periodLabel = fiscalPeriodLabel(row.period, fiscalStartMonth, i18n.language === 'en' ? 'en' : 'ko')
  const range = { start: row.periodStart, end: row.periodEnd }
  const [date, setDate] = useState(defaultActualDate(range, todayIsoDate()))
  const [value, setValue] = useState('')
  const [notes, setNotes] = useState('')
  const [errors, setErrors] = useState<{ date?: KpiFieldError; value?: KpiFieldError }>({})
  const [saving, setSaving] = useState(false)

  const submit = async (): Promise<void> => {
    const parsed = parseKpiNumber(value, { required: true })
    const dateError = checkActualDate(date, range)
    const next = { ...(dateError ? { date: dateError } : {}), ...(parsed.error ? { value: parsed.error } : {}) }
    setErrors(next)
    if (parsed.value === null || Object.keys(next).length > 0) return
    setSaving(true)
    const saved = await onSave({ targetId: row.targetId, periodDate: date, actual: parsed.value, notes })
    if (!saved) setSaving(false)
  }

  return (
    <ModalDialog title={`${t('kpi.actualDialog.title')} · ${row.kpiName}`} onClose={onClose}>
      <form
        className="kpi-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {error && (
          <div className="kpi-form__field--wide">
            <ErrorBanner error={error} onDismiss={onDismissError} />
          </div>
        )}
        <p className="kpi-form__help kpi-form__field--wide">
          {row.ownerLabel} · {t('kpi.actualDialog.help', { period: `${periodLabel} (${row.periodStart} ~ ${row.periodEnd})` })}
        </p>
        <label className="kpi-form__field">
          <span>{t('kpi.actualDialog.date')}</span>
          <input
            type="date"
            name="periodDate"
            value={date}
            min={row.periodStart}
            max={row.periodEnd}
            aria-invalid={Boolean(errors.date)}
            onChange={(e) => setDate(e.target.value)}
          />
          {errors.date && (
            <span className="form-field__error" role="alert">
              {t(errors.date, { start: row.periodStart, end: row.periodEnd })}
            </span>
          )}
        </label>
        <label className="kpi-form__field">
          <span>{t('kpi.actualDialog.value')}</span>
          <input inputMode="decimal" name="actual" value={value} aria-invalid={Boolean(errors.value)} onChange={(e) => setValue(e.target.value)} />
          {errors.value ? (
            <span className="form-field__error" role="alert">
              {t(errors.value)}
            </span>
          ) : (
            <span className="form-field__hint">
              {t('kpi.columns.target')}: {row.target}
            </span>
          )}
        </label>
        <label className="kpi-form__field kpi-form__field--wide">
          <span>{t('kpi.actualDialog.notes')}</span>
          <textarea name="notes" rows={2} maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <div className="kpi-form__actions kpi-form__field--wide">
          <button type="button" className="button" onClick={onClose}>
            {t('kpi.actualDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('kpi.actualDialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
