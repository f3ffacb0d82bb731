import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/model/enums'
import { type TimelineEntry } from '../../../../shared/model/customer-views'
import { activityUpdateSchema, fieldErrors, type ValidationKey } from '../../../../shared/model/validation/customers'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { FormField } from '../../components/FormField'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { useToastStore } from '../../lib/toast-store'

interface Values {
  readonly activityType: ActivityType
  readonly subject: string
  readonly description: string
}

/**
 * Fix a mistaken activity (wrong type, a typo in the summary, a detail forgotten): only the fields the user changed
 * are sent, so a colleague's correction of another field is kept.
 */
export function ActivityEditDialog({
  entry,
  onSaved,
  onClose,
}: {
  readonly entry: TimelineEntry
  readonly onSaved: () => void
  readonly onClose: () => void
}): JSX.Element {
  const { t } = useTranslation()
  const shown = useToastStore((s) => s.shown)
  const [initial] = useState<Values>(() => ({ activityType: entry.activityType ?? 'NOTE', subject: entry.subject ?? '', description: entry.description ?? '' }))
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Partial<Record<string, ValidationKey>>>({})
  const [failure, setFailure] = useState<IpcError | null>(null)

  const save = async (): Promise<void> => {
    const changes = Object.fromEntries((Object.keys(values) as Array<keyof Values>).filter((k) => values[k] !== initial[k]).map((k) => [k, values[k]]))
    const parsed = activityUpdateSchema.safeParse(changes)
    if (!parsed.success) return setErrors(fieldErrors(parsed.error))
    setErrors({})
    if (Object.keys(changes).length === 0) {
      shown(t('editing.activity.noChanges'))
      return onClose()
    }
    try {
      await api.activities.update({ id: entry.key, changes })
      shown(t('editing.activity.saved'))
      onSaved()
      onClose()
    } catch (error) {
      setFailure(toIpcError(error))
    }
  }

  return (
    <ModalDialog title={t('editing.activity.editTitle')} onClose={onClose}>
      <form
        className="entity-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        {failure && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
        <div className="cu-form-grid">
          <FormField label={t('editing.activity.type')} error={errors.activityType}>
            {(aria) => (
              <select {...aria} value={values.activityType} onChange={(e) => setValues((v) => ({ ...v, activityType: e.target.value as ActivityType }))}>
                {ACTIVITY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`activities.types.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('activities.subject')} error={errors.subject}>
            {(aria) => <input {...aria} value={values.subject} onChange={(e) => setValues((v) => ({ ...v, subject: e.target.value }))} />}
          </FormField>
          <FormField label={t('activities.description')} error={errors.description} wide>
            {(aria) => <textarea {...aria} rows={4} value={values.description} onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))} />}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('customers.form.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('customers.form.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
