import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SESSION_STATUSES, type SessionStatus } from '../../../../shared/model/enums'
import { type SessionView } from '../../../../shared/ipc/training-types'
import { ModalDialog } from '../../components/ModalDialog'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'
import { NumberStatusFields } from './NumberStatusFields'

/**
 * A new 차수, or an edited one (`session`: number and status too). Dates are checked here (end not before start) and
 * again in main. The number stays editable: two devices may both have created "1차" offline, and a person settles it.
 */
export function SessionDialog({ projectId, session = null }: { readonly projectId: string; readonly session?: SessionView | null }): JSX.Element {
  const { t } = useTranslation()
  const toggled = useProjectsStore((s) => s.sessionDialogToggled)
  const sessionEditOpened = useProjectsStore((s) => s.sessionEditOpened)
  const sessionCreated = useProjectsStore((s) => s.sessionCreated)
  const sessionEdited = useProjectsStore((s) => s.sessionEdited)
  const close = (): void => (session ? sessionEditOpened(null) : toggled(false))
  const [name, setName] = useState(session?.name ?? '')
  const [startDate, setStartDate] = useState(session?.startDate ?? '')
  const [endDate, setEndDate] = useState(session?.endDate ?? '')
  const [location, setLocation] = useState(session?.location ?? '')
  const [capacity, setCapacity] = useState(session?.maxParticipants ? String(session.maxParticipants) : '')
  const [number, setNumber] = useState(session ? String(session.sessionNumber) : '')
  const [status, setStatus] = useState<SessionStatus>(session?.status ?? 'SCHEDULED')
  const invalidPeriod = Boolean(startDate && endDate && endDate < startDate)
  const numberInvalid = session !== null && !(Number.isInteger(Number(number)) && Number(number) >= 1 && Number(number) <= 999)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (invalidPeriod || numberInvalid || !startDate || !endDate) return
    const fields = { name, startDate, endDate, location, maxParticipants: capacity ? Number(capacity) : null }
    if (session) await sessionEdited({ id: session.id, sessionNumber: Number(number), status, ...fields })
    else await sessionCreated({ projectId, ...fields })
  }

  return (
    <ModalDialog title={session ? t('projects.sessionForm.editTitle') : t('projects.sessionForm.title')} onClose={close}>
      <DialogError />
      <form className="training-form" onSubmit={(event) => void submit(event)}>
        {session && (
          <NumberStatusFields
            labels={{ number: t('projects.sessionForm.number'), status: t('projects.sessionForm.status') }}
            number={number}
            numberInvalid={numberInvalid}
            onNumber={setNumber}
            status={status}
            statuses={SESSION_STATUSES}
            statusLabel={(value) => t(`projects.sessionStatuses.${value}`)}
            onStatus={setStatus}
          />
        )}
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
        {invalidPeriod && (
          <p role="alert" className="form-field__error">
            {t('projects.sessionForm.endBeforeStart')}
          </p>
        )}
        <label>
          {t('projects.sessionForm.location')}
          <input value={location} onChange={(e) => setLocation(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('projects.sessionForm.capacity')}
          <input type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={close}>
            {t('projects.sessionForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalidPeriod || numberInvalid}>
            {t('projects.sessionForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
