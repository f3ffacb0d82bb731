import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CLASS_STATUSES, type ClassStatus } from '../../../../shared/model/enums'
import { type ClassView } from '../../../../shared/ipc/training-types'
import { ModalDialog } from '../../components/ModalDialog'
import { ServerCheckLine, ServerClashList } from '../../components/ServerClashes'
import { DialogError } from './DialogError'
import { useProjectsStore } from './projects-store'
import { NumberStatusFields } from './NumberStatusFields'

/**
 * A new 분반. Times and capacity are checked here and again in main. When the slot double-books an instructor or a
 * room, main saves nothing and answers with the clashes; they are listed here with "book anyway" (recorded on the
 * project's timeline) or "change the time". Editing (`klass`) adds the number and status; the number may be changed by
 * hand, which is how a clash from two devices numbering offline is settled.
 */
export function ClassDialog({
  sessionId,
  defaultDate,
  klass = null,
}: {
  readonly sessionId: string
  readonly defaultDate: string
  readonly klass?: ClassView | null
}): JSX.Element {
  const { t } = useTranslation()
  const instructors = useProjectsStore((s) => s.instructors)
  const doubleBookings = useProjectsStore((s) => s.doubleBookings)
  const serverClashes = useProjectsStore((s) => s.detail?.serverClashes)
  const classCreated = useProjectsStore((s) => s.classCreated)
  const classDialogOpened = useProjectsStore((s) => s.classDialogOpened)
  const classEdited = useProjectsStore((s) => s.classEdited)
  const classEditOpened = useProjectsStore((s) => s.classEditOpened)
  const close = (): void => void (klass ? classEditOpened(null) : classDialogOpened(null))
  const [name, setName] = useState(klass?.name ?? '')
  const [date, setDate] = useState(klass?.date ?? defaultDate)
  const [startTime, setStartTime] = useState(klass?.startTime ?? '09:00')
  const [endTime, setEndTime] = useState(klass?.endTime ?? '12:00')
  const [instructorId, setInstructorId] = useState(klass?.instructorId ?? '')
  const [room, setRoom] = useState(klass?.room ?? '')
  const [topic, setTopic] = useState(klass?.topic ?? '')
  const [capacity, setCapacity] = useState(klass?.maxParticipants ? String(klass.maxParticipants) : '')
  const [number, setNumber] = useState(klass ? String(klass.classNumber) : '')
  const [status, setStatus] = useState<ClassStatus>(klass?.status ?? 'SCHEDULED')
  const timesInvalid = Boolean(startTime && endTime && endTime <= startTime)
  const capacityInvalid = capacity !== '' && !(Number.isInteger(Number(capacity)) && Number(capacity) >= 1)
  const numberInvalid = klass !== null && !(Number.isInteger(Number(number)) && Number(number) >= 1 && Number(number) <= 999)

  const save = async (allowDoubleBooking: boolean): Promise<void> => {
    if (timesInvalid || capacityInvalid || numberInvalid || !date) return
    const fields = {
      name,
      date,
      startTime,
      endTime,
      instructorId: instructorId || null,
      room,
      topic,
      maxParticipants: capacity ? Number(capacity) : null,
      allowDoubleBooking,
    }
    if (klass) {
      await classEdited({ id: klass.id, classNumber: Number(number), status, ...fields })
      return
    }
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
    <ModalDialog title={klass ? t('projects.classForm.editTitle') : t('projects.classForm.title')} onClose={close} wide>
      <DialogError />
      <form className="training-form" onSubmit={submit}>
        {klass && (
          <NumberStatusFields
            labels={{ number: t('projects.classForm.number'), status: t('projects.classForm.status') }}
            number={number}
            numberInvalid={numberInvalid}
            onNumber={setNumber}
            status={status}
            statuses={CLASS_STATUSES}
            statusLabel={(value) => t(`projects.sessionStatuses.${value}`)}
            onStatus={setStatus}
          />
        )}
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
        {timesInvalid && (
          <p role="alert" className="form-field__error">
            {t('projects.classForm.endNotAfterStart')}
          </p>
        )}
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
        {/* The server's check against every project (this device holds only its own): the saved class's clashes. */}
        {klass && serverClashes && (
          <div className="class-server-check">
            <ServerClashList report={serverClashes} classId={klass.id} />
            <ServerCheckLine report={serverClashes} classId={klass.id} />
          </div>
        )}
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
        {capacityInvalid && (
          <p role="alert" className="form-field__error">
            {t('projects.classForm.capacityInvalid')}
          </p>
        )}
        {doubleBookings.length > 0 && (
          <div className="double-booking" role="alert" data-testid="double-booking">
            <strong>{t('projects.classForm.doubleBooked')}</strong>
            <p>{t('projects.classForm.doubleBookedBody')}</p>
            <ul>
              {doubleBookings.map((c) => (
                <li key={c.classId}>
                  {c.projectName} {t('trainingOps.sessionClass', { session: c.sessionNumber, class: c.classNumber })} · {c.startTime}–{c.endTime}
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
          <button type="button" className="button button--ghost" onClick={close}>
            {t('projects.classForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={timesInvalid || capacityInvalid || numberInvalid}>
            {t('projects.classForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
