import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_TYPES, type ActivityEntityType, type ActivityType } from '../../../../shared/model/enums'
import { activityLogSchema, fieldErrors, type ValidationKey } from '../../../../shared/model/validation/customers'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api, toIpcError } from '../../lib/api'

export interface LogTarget {
  readonly entityType: ActivityEntityType
  readonly entityId: string
  readonly label: string
}

/**
 * Log a call, e-mail, meeting, note, task or KakaoTalk in a few keystrokes: Alt+1…6 picks the type from the text field
 * (plain 1…6 on the type buttons), type one line, Enter. Notes written on the spot, not at night from memory.
 */
export function QuickLogForm({ targets, onLogged }: { readonly targets: readonly LogTarget[]; readonly onLogged: () => void }): JSX.Element {
  const { t } = useTranslation()
  const [activityType, setActivityType] = useState<ActivityType>('CALL')
  const [targetIndex, setTargetIndex] = useState(0)
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<ValidationKey | undefined>()
  const [failure, setFailure] = useState<IpcError | null>(null)
  const [saving, setSaving] = useState(false)
  const target = targets[targetIndex] ?? targets[0]

  /** 1…6 → CALL…KAKAO; true when the key chose a type. */
  const typeKey = (key: string): boolean => {
    const type = ACTIVITY_TYPES[Number(key) - 1]
    if (type) setActivityType(type)
    return type !== undefined
  }

  const submit = async (): Promise<void> => {
    if (!target) return
    const input = { entityType: target.entityType, entityId: target.entityId, activityType, subject, description }
    const parsed = activityLogSchema.safeParse(input)
    if (!parsed.success) {
      setError(fieldErrors(parsed.error).subject ?? 'validation.invalid')
      return
    }
    setError(undefined)
    setSaving(true)
    try {
      await api.activities.log(input)
      setSubject('')
      setDescription('')
      onLogged()
    } catch (e) {
      setFailure(toIpcError(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="quick-log card"
      aria-label={t('activities.title')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {failure && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
      <div
        className="quick-log__types"
        role="radiogroup"
        aria-label={t('activities.title')}
        onKeyDown={(event) => {
          if (typeKey(event.key)) event.preventDefault()
        }}
      >
        {ACTIVITY_TYPES.map((type, i) => (
          <button
            key={type}
            type="button"
            role="radio"
            aria-checked={activityType === type}
            className={activityType === type ? 'segment segment--active' : 'segment'}
            title={`Alt+${i + 1}`}
            onClick={() => setActivityType(type)}
          >
            {t(`activities.types.${type}`)}
          </button>
        ))}
      </div>
      {targets.length > 1 && (
        <label className="quick-log__target">
          <span>{t('activities.target')}</span>
          <select value={targetIndex} onChange={(e) => setTargetIndex(Number(e.target.value))}>
            {targets.map((option, i) => (
              <option key={option.entityId} value={i}>
                {t(`activities.entityTypes.${option.entityType}`)} · {option.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="quick-log__line">
        <input
          aria-label={t('activities.subject')}
          aria-invalid={Boolean(error)}
          placeholder={t('activities.subjectPlaceholder')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          onKeyDown={(e) => {
            // event.code: Alt+digit may produce another character on some layouts.
            if (e.altKey && /^Digit[1-6]$/.test(e.code) && typeKey(e.code.slice(-1))) e.preventDefault()
          }}
        />
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('activities.saving') : t('activities.save')}
        </button>
      </div>
      {error && (
        <span className="form-field__error" role="alert">
          {t(error)}
        </span>
      )}
      <textarea aria-label={t('activities.description')} placeholder={t('activities.description')} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
    </form>
  )
}
