import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../components/ModalDialog'
import { useProjectsStore } from './projects-store'

/** A new 차수: dates checked here (end not before start) and again in main. */
export function SessionDialog({ projectId }: { readonly projectId: string }): JSX.Element {
  const { t } = useTranslation()
  const toggled = useProjectsStore((s) => s.sessionDialogToggled)
  const sessionCreated = useProjectsStore((s) => s.sessionCreated)
  const [name, setName] = useState('')
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  const [location, setLocation] = useState('')
  const [capacity, setCapacity] = useState('')
  const invalidPeriod = Boolean(startDate && endDate && endDate < startDate)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (invalidPeriod || !startDate || !endDate) return
    await sessionCreated({ projectId, name, startDate, endDate, location, maxParticipants: capacity ? Number(capacity) : null })
  }

  return (
    <ModalDialog title={t('projects.sessionForm.title')} onClose={() => toggled(false)}>
      <form className="training-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('projects.sessionForm.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('projects.sessionForm.startDate')}
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
        </label>
        <label>
          {t('projects.sessionForm.endDate')}
          <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} required aria-invalid={invalidPeriod} />
        </label>
        {invalidPeriod && <p role="alert" className="form-field__error">{t('projects.sessionForm.endBeforeStart')}</p>}
        <label>
          {t('projects.sessionForm.location')}
          <input value={location} onChange={(e) => setLocation(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('projects.sessionForm.capacity')}
          <input type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => toggled(false)}>
            {t('projects.sessionForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalidPeriod}>
            {t('projects.sessionForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
