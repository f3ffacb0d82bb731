import { type JSX, useEffect, useRef, useState } from 'react'
import { useToastStore } from '../../lib/toast-store'
import { isLogShortcut } from './log-shortcut'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_TYPES, type ActivityEntityType, type ActivityType } from '../../../../shared/model/enums'
import { activityLogSchema, fieldErrors, type ValidationKey } from '../../../../shared/model/validation/customers'
import { type IpcError } from '../../../../shared/ipc/errors'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api, toIpcError } from '../../lib/api'
import { useCan } from '../../lib/permissions'

export interface LogTarget {
  readonly entityType: ActivityEntityType
  readonly entityId: string
  readonly label: string
}

/**
 * Log a call, e-mail, meeting, note, task or KakaoTalk in a few keystrokes: L anywhere on the page puts the cursor in
 * the summary, Alt+1…6 picks the type from there (plain 1…6 on the type buttons), type one line, Enter; a toast
 * confirms. A call is L + text + Enter. Notes written on the spot, not at night from memory. Not shown to a role that
 * may read activities but not log them (the writer would refuse the entry).
 */
export function QuickLogForm({ targets, onLogged }: { readonly targets: readonly LogTarget[]; readonly onLogged: () => void }): JSX.Element | null {
  const { t } = useTranslation()
  const canLog = useCan('activities', 'create')
  const [activityType, setActivityType] = useState<ActivityType>('CALL')
  const [targetIndex, setTargetIndex] = useState(0)
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<ValidationKey | undefined>()
  const [failure, setFailure] = useState<IpcError | null>(null)
  const [saving, setSaving] = useState(false)
  const target = targets[targetIndex] ?? targets[0]
  const summary = useRef<HTMLInputElement>(null)
  const shown = useToastStore((s) => s.shown)

  // The one-key shortcut: L (by key position, so it works with the Korean IME on) when focus is not in a text field
  // and no dialog other than this form's own covers it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const input = summary.current
      if (!input || !isLogShortcut(event, input)) return
      event.preventDefault()
      input.scrollIntoView({ block: 'nearest' })
      input.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

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
      shown(t('activities.saved'))
      onLogged()
    } catch (e) {
      setFailure(toIpcError(e))
    } finally {
      setSaving(false)
    }
  }

  if (!canLog) return null
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
          ref={summary}
          // "활동 요약", not just "요약": a meeting's 회의록 tab has its own 요약 field beside this form.
          aria-label={t('editing.activity.summaryLabel')}
          aria-keyshortcuts="L"
          title={t('editing.activity.shortcutHint')}
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
      <p className="quick-log__hint muted">
        <kbd>L</kbd> {t('editing.activity.shortcut')}
      </p>
      {error && (
        <span className="form-field__error" role="alert">
          {t(error)}
        </span>
      )}
      <textarea
        aria-label={t('activities.description')}
        placeholder={t('activities.description')}
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
    </form>
  )
}
