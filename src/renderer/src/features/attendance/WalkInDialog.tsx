import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../../components/ModalDialog'
import { useRosterStore } from './roster-store'

/** A trainee who is not on the roster: added, enrolled and marked present in one local transaction. */
export function WalkInDialog(): JSX.Element {
  const { t } = useTranslation()
  const walkInClosed = useRosterStore((s) => s.walkInClosed)
  const walkInAdded = useRosterStore((s) => s.walkInAdded)
  const [lastName, setLastName] = useState('')
  const [firstName, setFirstName] = useState('')
  const [department, setDepartment] = useState('')
  const [phone, setPhone] = useState('')
  const [saving, setSaving] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!lastName.trim() || !firstName.trim()) return
    setSaving(true)
    await walkInAdded({ lastName, firstName, department, phone })
    setSaving(false)
  }

  return (
    <ModalDialog title={t('attendance.walkInForm.title')} onClose={walkInClosed}>
      <form className="walk-in-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('attendance.walkInForm.lastName')}
          <input value={lastName} onChange={(e) => setLastName(e.target.value)} required maxLength={50} />
        </label>
        <label>
          {t('attendance.walkInForm.firstName')}
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} required maxLength={50} />
        </label>
        <label>
          {t('attendance.walkInForm.department')}
          <input value={department} onChange={(e) => setDepartment(e.target.value)} maxLength={100} />
        </label>
        <label>
          {t('attendance.walkInForm.phone')}
          <input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={30} inputMode="tel" />
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={walkInClosed}>
            {t('attendance.walkInForm.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('attendance.walkInForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
