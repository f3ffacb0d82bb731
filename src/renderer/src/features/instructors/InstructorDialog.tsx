import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidEmail } from '../../../../shared/domain/email'
import { type InstructorView } from '../../../../shared/ipc/training-types'
import { ModalDialog } from '../../components/ModalDialog'
import { WonInput, wonText, type WonText } from '../../components/WonInput'
import { useInstructorsStore } from './instructors-store'

const RATINGS = ['1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5'] as const
/** "리더십, 코칭" → ['리더십', '코칭'] */
const splitTags = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)

/** A new or edited instructor: name, contact, what they teach (comma separated), certifications, grade, rate. */
export function InstructorDialog({ instructor }: { readonly instructor: InstructorView | null }): JSX.Element {
  const { t } = useTranslation()
  const dialogOpened = useInstructorsStore((s) => s.dialogOpened)
  const saved = useInstructorsStore((s) => s.saved)
  const [lastName, setLastName] = useState(instructor?.lastName ?? '')
  const [firstName, setFirstName] = useState(instructor?.firstName ?? '')
  const [email, setEmail] = useState(instructor?.email ?? '')
  const [phone, setPhone] = useState(instructor?.phone ?? '')
  const [specialties, setSpecialties] = useState((instructor?.specialties ?? []).join(', '))
  const [certifications, setCertifications] = useState((instructor?.certifications ?? []).join(', '))
  const [rating, setRating] = useState(instructor?.rating === null || !instructor ? '' : String(instructor.rating))
  const [hourlyRate, setHourlyRate] = useState<WonText>(wonText(instructor?.hourlyRate == null ? '' : String(instructor.hourlyRate)))
  const [bio, setBio] = useState(instructor?.bio ?? '')
  const [isInternal, setIsInternal] = useState(instructor?.isInternal ?? false)
  const [isActive, setIsActive] = useState(instructor?.isActive ?? true)
  const emailInvalid = email.trim() !== '' && !isValidEmail(email)
  const invalid = !lastName.trim() || !firstName.trim() || !email.trim() || emailInvalid || !hourlyRate.valid

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (invalid) return
    await saved({
      ...(instructor ? { id: instructor.id } : {}),
      lastName,
      firstName,
      email,
      phone,
      specialties: splitTags(specialties),
      certifications: splitTags(certifications),
      rating: rating ? Number(rating) : null,
      hourlyRate: hourlyRate.value,
      bio,
      isInternal,
      isActive,
    })
  }

  return (
    <ModalDialog title={instructor ? t('instructors.editTitle') : t('instructors.addTitle')} onClose={() => dialogOpened(undefined)} wide>
      <form className="training-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('instructors.lastName')}
          <input value={lastName} onChange={(e) => setLastName(e.target.value)} maxLength={50} required />
        </label>
        <label>
          {t('instructors.firstName')}
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} maxLength={50} required />
        </label>
        <label>
          {t('instructors.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required aria-invalid={emailInvalid} />
        </label>
        <label>
          {t('instructors.phone')}
          <input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={30} />
        </label>
        {emailInvalid && (
          <p role="alert" className="form-field__error">
            {t('instructors.emailInvalid')}
          </p>
        )}
        <label className="training-form__wide">
          {t('instructors.specialties')}
          <input value={specialties} onChange={(e) => setSpecialties(e.target.value)} placeholder={t('instructors.tagsHint')} />
        </label>
        <label className="training-form__wide">
          {t('instructors.certifications')}
          <input value={certifications} onChange={(e) => setCertifications(e.target.value)} placeholder={t('instructors.tagsHint')} />
        </label>
        <label>
          {t('instructors.rating')}
          <select value={rating} onChange={(e) => setRating(e.target.value)}>
            <option value="">{t('instructors.noRating')}</option>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <WonInput label={t('instructors.hourlyRate')} value={hourlyRate} invalidText={t('products.form.notWon')} onChange={setHourlyRate} />
        <label className="training-form__wide">
          {t('instructors.bio')}
          <input value={bio} onChange={(e) => setBio(e.target.value)} maxLength={2000} />
        </label>
        <label className="instructor-check">
          <input type="checkbox" checked={isInternal} onChange={(e) => setIsInternal(e.target.checked)} />
          {t('instructors.internal')}
        </label>
        <label className="instructor-check">
          <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} />
          {t('instructors.active')}
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => dialogOpened(undefined)}>
            {t('instructors.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={invalid}>
            {t('instructors.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
