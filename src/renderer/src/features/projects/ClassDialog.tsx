import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../components/ModalDialog'
import { useProjectsStore } from './projects-store'

/**
 * A new 분반. Times and capacity are checked here and again in main. When the slot double-books an instructor or a
 * room, main saves nothing and answers with the clashes; they are listed here with "book anyway" (recorded on the
 * project's timeline) or "change the time".
 */
export function ClassDialog({ sessionId, defaultDate }: { readonly sessionId: string; readonly defaultDate: string }): JSX.Element {
  const { t } = useTranslation()
  const instructors = useProjectsStore((s) => s.instructors)
  const doubleBookings = useProjectsStore((s) => s.doubleBookings)
  const classCreated = useProjectsStore((s) => s.classCreated)
  const classDialogOpened = useProjectsStore((s) => s.classDialogOpened)
  const [name, setName] = useState('')
  const [date, setDate] = useState(defaultDate)
  const [startTime, setStartTime] = useState('09:00')
  const [endTime, setEndTime] = useState('12:00')
  const [instructorId, setInstructorId] = useState('')
  const [room, setRoom] = useState('')
  const [topic, setTopic] = useState('')
  const [capacity, setCapacity] = useState('')
  const timesInvalid = Boolean(startTime && endTime && endTime <= startTime)
  const capacityInvalid = capacity !== '' && !(Number.isInteger(Number(capacity)) && Number(capacity) >= 1)

  const save = async (allowDoubleBooking: boolean): Promise<void> => {
    if (timesInvalid || capacityInvalid || !date) return
    await classCreated({
      sessionId,
      name,
      date,
      startTime,
      endTime,
      instructorId: instructorId || null,
      room,
      topic,
      maxParticipants: capacity ? Number(capacity) : null,
      allowDoubleBooking,
    })
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void save(false)
  }

  return (
    <ModalDialog title={t('projects.classForm.title')} onClose={() => void classDialogOpened(null)} wide>
      <form className="training-form" onSubmit={submit}>
        <label>
          {t('projects.classForm.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('projects.classForm.date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <label>
          {t('projects.classForm.startTime')}
          <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} required />
        </label>
        <label>
          {t('projects.classForm.endTime')}
          <input type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} required aria-invalid={timesInvalid} />
        </label>
        {timesInvalid && <p role="alert" className="form-field__error">{t('projects.classForm.endNotAfterStart')}</p>}
        <label>
          {t('projects.classForm.instructor')}
          <select value={instructorId} onChange={(e) => setInstructorId(e.target.value)}>
            <option value="">{t('projects.classForm.noInstructor')}</option>
            {instructors.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('projects.classForm.room')}
          <input value={room} onChange={(e) => setRoom(e.target.value)} maxLength={100} />
        </label>
        <label>
          {t('projects.classForm.topic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={300} />
        </label>
        <label>
          {t('projects.classForm.capacity')}
          <input type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} aria-invalid={capacityInvalid} />
        </label>
        {capacityInvalid && <p role="alert" className="form-field__error">{t('projects.classForm.capacityInvalid')}</p>}
        {doubleBookings.length > 0 && (
          <div className="double-booking" role="alert" data-testid="double-booking">
            <strong>{t('projects.classForm.doubleBooked')}</strong>
            <p>{t('projects.classForm.doubleBookedBody')}</p>
            <ul>
              {doubleBookings.map((c) => (
                <li key={c.classId}>
                  {c.projectName} {c.sessionNumber}차 {c.classNumber}분반 · {c.startTime}–{c.endTime}
                  {c.sameInstructor ? ` · ${t('projects.classForm.sameInstructor')} ${c.instructorName ?? ''}` : ''}
                  {c.sameRoom ? ` · ${t('projects.classForm.sameRoom')} ${c.room ?? ''}` : ''}
                </li>
              ))}
            </ul>
            <div className="form-actions">
              <button type="button" className="button button--danger" onClick={() => void save(true)}>
                {t('projects.classForm.bookAnyway')}
              </button>
            </div>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => void classDialogOpened(null)}>
            {t('projects.classForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={timesInvalid || capacityInvalid}>
            {t('projects.classForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
