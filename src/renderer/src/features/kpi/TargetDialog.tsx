import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fiscalPeriodLabel, fiscalPeriodRange, periodIndexLabel, type FiscalPeriod } from '../../../../shared/domain/fiscal-period'
import { type KpiAchievementRow, type KpiDefinitionsList } from '../../../../shared/ipc/kpi-types'
import { KPI_ENTITY_TYPES, KPI_PERIOD_TYPES, type KpiEntityType, type KpiPeriodType } from '../../../../shared/model/enums'
import { type KpiTargetSaveInput } from '../../../../shared/model/validation/kpi'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { validateTargetForm, yearChoices, type KpiFieldError, type TargetFormErrors } from './kpi-view'

const PERIOD_COUNT: Record<KpiPeriodType, number> = { MONTH: 12, QUARTER: 4, HALF: 2, YEAR: 1 }

type FormErrors = TargetFormErrors & { definition?: KpiFieldError; owner?: KpiFieldError }

/** Sets (or changes) one target: KPI, owner and period pick the target; values and weight are what is saved. */
export function TargetDialog({
  row,
  list,
  period: shownPeriod,
  fiscalStartMonth,
  error,
  onDismissError,
  onSave,
  onClose,
}: {
  readonly row: KpiAchievementRow | null
  readonly list: KpiDefinitionsList
  readonly period: FiscalPeriod
  readonly fiscalStartMonth: number
  readonly error: IpcError | null
  readonly onDismissError: () => void
  readonly onSave: (input: KpiTargetSaveInput) => Promise<boolean>
  readonly onClose: () => void
}): JSX.Element {
  const { t, i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'ko'
  const editing = row !== null
  const [definitionId, setDefinitionId] = useState(row?.definitionId ?? '')
  const [ownerType, setOwnerType] = useState<KpiEntityType>(row?.ownerType ?? 'USER')
  const [ownerId, setOwnerId] = useState(row?.ownerId ?? '')
  const [period, setPeriod] = useState<FiscalPeriod>(row?.period ?? shownPeriod)
  const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value))
  const [form, setForm] = useState({
    target: text(row?.target),
    stretch: text(row?.stretch),
    minimum: text(row?.minimum),
    weight: String(row?.weight ?? 100),
  })
  const [errors, setErrors] = useState<FormErrors>({})
  const [saving, setSaving] = useState(false)

  const definitions = list.definitions.filter((d) => d.isActive || d.id === definitionId)
  const definition = list.definitions.find((d) => d.id === definitionId)
  const owners = list.owners.filter((o) => o.type === ownerType)
  const direction = definition?.direction ?? 'INCREASE'

  const submit = async (): Promise<void> => {
    const next: FormErrors = {}
    if (!definition) next.definition = 'kpi.validation.required'
    if (ownerType !== 'COMPANY' && !ownerId) next.owner = 'kpi.validation.required'
    const checked = validateTargetForm(form, direction)
    if (!checked.ok) Object.assign(next, checked.errors)
    setErrors(next)
    if (Object.keys(next).length > 0 || !checked.ok || !definition) return
    setSaving(true)
    const saved = await onSave({
      definitionId: definition.id,
      ownerType,
      ownerId: ownerType === 'COMPANY' ? null : ownerId,
      period,
      ...checked.values,
    })
    // On failure the store shows the translated error and the dialog stays open with what was typed.
    if (!saved) setSaving(false)
  }

  const field = (name: keyof typeof form, label: string, help?: string): JSX.Element => (
    <label className="kpi-form__field">
      <span>{label}</span>
      <input
        inputMode="decimal"
        name={name}
        value={form[name]}
        aria-invalid={Boolean(errors[name])}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      />
      {errors[name] ? (
        <span className="form-field__error" role="alert">
          {t(errors[name])}
        </span>
      ) : help ? (
        <span className="form-field__hint">{help}</span>
      ) : null}
    </label>
  )

  return (
    <ModalDialog title={editing ? t('kpi.editTarget') : t('kpi.targetDialog.title')} onClose={onClose} wide>
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
        <label className="kpi-form__field kpi-form__field--wide">
          <span>{t('kpi.targetDialog.kpi')}</span>
          <select
            name="definition"
            value={definitionId}
            disabled={editing}
            aria-invalid={Boolean(errors.definition)}
            onChange={(e) => setDefinitionId(e.target.value)}
          >
            <option value="">{t('kpi.targetDialog.kpiPlaceholder')}</option>
            {definitions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
          {errors.definition && (
            <span className="form-field__error" role="alert">
              {t(errors.definition)}
            </span>
          )}
          {definition?.computed && <span className="form-field__hint">{t('kpi.computedNote')}</span>}
        </label>
        <label className="kpi-form__field">
          <span>{t('kpi.targetDialog.ownerType')}</span>
          <select
            name="ownerType"
            value={ownerType}
            disabled={editing}
            onChange={(e) => {
              setOwnerType(e.target.value as KpiEntityType)
              setOwnerId('')
            }}
          >
            {KPI_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`kpi.owner.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {ownerType !== 'COMPANY' && (
          <label className="kpi-form__field">
            <span>{t('kpi.targetDialog.owner')}</span>
            <select name="owner" value={ownerId} disabled={editing} aria-invalid={Boolean(errors.owner)} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">{t('kpi.targetDialog.ownerPlaceholder')}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            {errors.owner && (
              <span className="form-field__error" role="alert">
                {t(errors.owner)}
              </span>
            )}
          </label>
        )}
        <label className="kpi-form__field">
          <span>{t('kpi.targetDialog.periodType')}</span>
          <select
            name="periodType"
            value={period.type}
            disabled={editing}
            onChange={(e) => {
              const type = e.target.value as KpiPeriodType
              const start = fiscalPeriodRange(period, fiscalStartMonth).start
              const month = Number(start.slice(5, 7))
              const fiscalMonth = ((month - fiscalStartMonth + 12) % 12) + 1
              const index = type === 'MONTH' ? month : type === 'QUARTER' ? Math.ceil(fiscalMonth / 3) : type === 'HALF' ? (fiscalMonth <= 6 ? 1 : 2) : 1
              setPeriod({ type, fiscalYear: period.fiscalYear, index })
            }}
          >
            {KPI_PERIOD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`kpi.periodType.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="kpi-form__field">
          <span>{t('kpi.targetDialog.year')}</span>
          <select name="year" value={period.fiscalYear} disabled={editing} onChange={(e) => setPeriod({ ...period, fiscalYear: Number(e.target.value) })}>
            {yearChoices(shownPeriod.fiscalYear).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        {period.type !== 'YEAR' && (
          <label className="kpi-form__field">
            <span>{t('kpi.targetDialog.index')}</span>
            <select name="index" value={period.index} disabled={editing} onChange={(e) => setPeriod({ ...period, index: Number(e.target.value) })}>
              {Array.from({ length: PERIOD_COUNT[period.type] }, (_, i) => i + 1).map((index) => (
                <option key={index} value={index}>
                  {periodIndexLabel(period.type, index, locale)}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="kpi-form__period muted kpi-form__field--wide">{fiscalPeriodLabel(period, fiscalStartMonth, locale)}</p>
        {direction === 'DECREASE' && <p className="kpi-form__help kpi-form__field--wide">{t('kpi.targetDialog.decreaseHelp')}</p>}
        {field('minimum', t('kpi.targetDialog.minimum'))}
        {field('target', t('kpi.targetDialog.target'))}
        {field('stretch', t('kpi.targetDialog.stretch'))}
        {field('weight', t('kpi.targetDialog.weight'))}
        <div className="kpi-form__actions kpi-form__field--wide">
          <button type="button" className="button" onClick={onClose}>
            {t('kpi.targetDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('kpi.targetDialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
