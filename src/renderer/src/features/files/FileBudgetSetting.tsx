/**
 * The device's offline-file budget: how many MB of files in the user's scope are downloaded ahead of time (pinned
 * records' files always are). A device setting, not synced: each laptop has its own disk.
 */
import { type FormEvent, type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api'

const MB = 1024 * 1024

export function FileBudgetSetting(): JSX.Element {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    void api.files
      .settings()
      .then((s) => setValue(String(Math.round(s.prefetchBudgetBytes / MB))))
      .catch(() => undefined)
  }, [])
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const mb = Number(value)
    if (!Number.isFinite(mb) || mb < 0) return
    const s = await api.files.saveSettings({ prefetchBudgetBytes: Math.round(mb * MB) })
    setValue(String(Math.round(s.prefetchBudgetBytes / MB)))
    setSaved(true)
  }
  return (
    <form className="file-budget" onSubmit={(e) => void onSubmit(e)} aria-labelledby="file-budget-title">
      <h3 id="file-budget-title">{t('files.settings.title')}</h3>
      <label>
        {t('files.settings.budget')}{' '}
        <input type="number" min={0} step={50} value={value} onChange={(e) => { setValue(e.target.value); setSaved(false) }} className="input" style={{ width: 120 }} />
      </label>{' '}
      <button type="submit" className="button button--small">
        {t('files.settings.save')}
      </button>
      {saved && <span role="status" className="muted"> {t('files.settings.saved')}</span>}
      <p className="muted">{t('files.settings.hint')}</p>
    </form>
  )
}
