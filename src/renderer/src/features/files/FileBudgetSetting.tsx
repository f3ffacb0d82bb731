/**
 * The device's offline-file budget: how many MB of files in the user's scope are downloaded ahead of time (pinned
 * records' files always are). A device setting, not synced: each laptop has its own disk. What is not a whole number
 * of MB in range (src/shared/files/limits.ts) is refused in the app's words and changes nothing; a saved budget is
 * used at once (main starts a transfer pass).
 */
import { type FormEvent, type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_PREFETCH_BUDGET_BYTES, prefetchBudgetFromMegabytes } from '../../../../shared/files/limits'
import { api } from '../../lib/api'

const MB = 1024 * 1024

export function FileBudgetSetting(): JSX.Element {
  const { t, i18n } = useTranslation()
  const [value, setValue] = useState('')
  const [saved, setSaved] = useState(false)
  const [invalid, setInvalid] = useState(false)
  useEffect(() => {
    void api.files
      .settings()
      .then((s) => setValue(String(Math.round(s.prefetchBudgetBytes / MB))))
      .catch(() => undefined)
  }, [])
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const bytes = prefetchBudgetFromMegabytes(value)
    setInvalid(bytes === null)
    if (bytes === null) return
    const s = await api.files.saveSettings({ prefetchBudgetBytes: bytes })
    setValue(String(Math.round(s.prefetchBudgetBytes / MB)))
    setSaved(true)
  }
  const max = new Intl.NumberFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US').format(MAX_PREFETCH_BUDGET_BYTES / MB)
  return (
    <form className="file-budget" onSubmit={(e) => void onSubmit(e)} aria-labelledby="file-budget-title" noValidate>
      <h3 id="file-budget-title">{t('files.settings.title')}</h3>
      <label>
        {t('files.settings.budget')}{' '}
        <input
          inputMode="numeric"
          value={value}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'file-budget-error' : undefined}
          onChange={(e) => {
            setValue(e.target.value)
            setSaved(false)
            setInvalid(false)
          }}
          className="input"
          style={{ width: 120 }}
        />
      </label>{' '}
      <button type="submit" className="button button--small">
        {t('files.settings.save')}
      </button>
      {saved && (
        <span role="status" className="muted">
          {' '}
          {t('files.settings.saved')}
        </span>
      )}
      {invalid && (
        <p id="file-budget-error" role="alert" className="form-field__error">
          {t('files.settings.invalid', { max })}
        </p>
      )}
      <p className="muted">{t('files.settings.hint')}</p>
    </form>
  )
}
