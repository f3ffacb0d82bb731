import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { type MeetingValidationKey } from '../../../../shared/model/validation/meetings'

/** The message under a row of a list editor (participants, agenda, products). */
export function RowError({ error }: { readonly error: MeetingValidationKey | undefined }): JSX.Element | null {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <span className="form-field__error" role="alert">
      {t(error)}
    </span>
  )
}
