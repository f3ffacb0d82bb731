import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { computedMeasureOf } from '../../../../shared/domain/kpi-measures'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type KpiDefinitionView } from '../../../../shared/ipc/kpi-types'
import { KPI_CATEGORIES, KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_LEVELS, KPI_UNITS } from '../../../../shared/model/enums'
import { kpiDefinitionSaveSchema, type KpiDefinitionSaveInput } from '../../../../shared/model/validation/kpi'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'

type Form = {
  code: string
  name: string
  category: (typeof KPI_CATEGORIES)[number]
  level: (typeof KPI_LEVELS)[number]
  unit: (typeof KPI_UNITS)[number]
  direction: (typeof KPI_DIRECTIONS)[number]
  frequency: (typeof KPI_FREQUENCIES)[number]
  formula: string
  isActive: boolean
}

const EMPTY: Form = {
  code: 'KPI-',
  name: '',
  category: 'SALES',
  level: 'TEAM',
  unit: 'COUNT',
  direction: 'INCREASE',
  frequency: 'QUARTERLY',
  formula: '',
  isActive: true,
}

function formOf(definition: KpiDefinitionView | undefined): Form {
  if (!definition) return EMPTY
  return {
    code: definition.code,
    name: definition.name,
    category: definition.category ?? 'SALES',
    level: definition.level ?? 'TEAM',
    unit: definition.unit ?? 'COUNT',
    direction: definition.direction ?? 'INCREASE',
    frequency: definition.frequency ?? 'QUARTERLY',
    formula: definition.formula ?? '',
    isActive: definition.isActive,
  }
}

/** Creates or changes a KPI definition; its code decides whether the app computes its actuals. */
export function DefinitionDialog({
  definitions,
  error,
  onDismissError,
  onSave,
  onClose,
}: {
  readonly definitions: readonly KpiDefinitionView[]
  readonly error: IpcError | null
  readonly onDismissError: () => void
  readonly onSave: (input: KpiDefinitionSaveInput) => Promise<boolean>
  readonly onClose: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const [id, setId] = useState('')
  const [form, setForm] = useState<Form>(EMPTY)
  const [invalid, setInvalid] = useState<{ code?: boolean; name?: boolean }>({})
  const [saving, setSaving] = useState(false)
  const measure = computedMeasureOf(form.code, form.unit)
  const set = <K extends keyof Form>(key: K, value: Form[K]): void => setForm({ ...form, [key]: value })

  const submit = async (): Promise<void> => {
    const input = { ...(id ? { id } : {}), ...form }
    const parsed = kpiDefinitionSaveSchema.safeParse(input)
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((issue) => issue.path[0]))
      setInvalid({ code: paths.has('code'), name: paths.has('name') })
      return
    }
    setInvalid({})
    setSaving(true)
    if (!(await onSave(input))) setSaving(false)
  }

  const select = <K extends 'category' | 'level' | 'unit' | 'direction' | 'frequency'>(
    key: K,
    values: readonly Form[K][],
    label: string,
    labelOf: (value: Form[K]) => string,
  ): JSX.Element => (
    <label className="kpi-form__field">
      <span>{label}</span>
      <select name={key} value={form[key]} onChange={(e) => set(key, e.target.value as Form[K])}>
        {values.map((value) => (
          <option key={value} value={value}>
            {labelOf(value)}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <ModalDialog title={t('kpi.definitionDialog.title')} onClose={onClose} wide>
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
          <span>{t('kpi.definitionDialog.pick')}</span>
          <select
            name="pick"
            value={id}
            onChange={(e) => {
              setId(e.target.value)
              setForm(formOf(definitions.find((d) => d.id === e.target.value)))
              setInvalid({})
            }}
          >
            <option value="">{t('kpi.definitionDialog.new')}</option>
            {definitions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </label>
        <label className="kpi-form__field">
          <span>{t('kpi.definitionDialog.code')}</span>
          <input name="code" value={form.code} maxLength={50} aria-invalid={Boolean(invalid.code)} onChange={(e) => set('code', e.target.value)} />
          {invalid.code ? (
            <span className="form-field__error" role="alert">
              {t('kpi.validation.required')}
            </span>
          ) : (
            <span className="form-field__hint">{t('kpi.definitionDialog.codeHelp')}</span>
          )}
        </label>
        <label className="kpi-form__field">
          <span>{t('kpi.definitionDialog.name')}</span>
          <input name="name" value={form.name} maxLength={255} aria-invalid={Boolean(invalid.name)} onChange={(e) => set('name', e.target.value)} />
          {invalid.name && (
            <span className="form-field__error" role="alert">
              {t('kpi.validation.required')}
            </span>
          )}
        </label>
        {select('category', KPI_CATEGORIES, t('kpi.definitionDialog.category'), (v) => t(`kpi.category.${v}`))}
        {select('level', KPI_LEVELS, t('kpi.definitionDialog.level'), (v) => t(`kpi.level.${v}`))}
        {select('unit', KPI_UNITS, t('kpi.definitionDialog.unit'), (v) => t(`kpi.unitName.${v}`))}
        {select('direction', KPI_DIRECTIONS, t('kpi.definitionDialog.direction'), (v) => t(`kpi.direction.${v}`))}
        {select('frequency', KPI_FREQUENCIES, t('kpi.definitionDialog.frequency'), (v) => t(`kpi.frequency.${v}`))}
        <label className="kpi-form__field kpi-form__field--inline">
          <input type="checkbox" name="isActive" checked={form.isActive} onChange={(e) => set('isActive', e.target.checked)} />
          <span>{t('kpi.definitionDialog.active')}</span>
        </label>
        <label className="kpi-form__field kpi-form__field--wide">
          <span>{t('kpi.definitionDialog.formula')}</span>
          <textarea name="formula" rows={2} maxLength={2000} value={form.formula} onChange={(e) => set('formula', e.target.value)} />
        </label>
        <p className="kpi-form__help kpi-form__field--wide" data-testid="kpi-definition-measure">
          {measure ? t('kpi.definitionDialog.computed', { measure: t(`kpi.measure.${measure}`) }) : t('kpi.definitionDialog.recorded')}
        </p>
        <div className="kpi-form__actions kpi-form__field--wide">
          <button type="button" className="button" onClick={onClose}>
            {t('kpi.definitionDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('kpi.definitionDialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
