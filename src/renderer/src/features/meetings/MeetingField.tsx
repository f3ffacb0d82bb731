import { type JSX, type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { type MeetingValidationKey } from '../../../../shared/model/validation/meetings'

/** A labelled input of the meeting dialog with its translated validation message underneath (linked by aria). */
export function MeetingField({
  label,
  error,
  hint,
  wide = false,
  children,
}: {
  readonly label: string
  readonly error?: MeetingValidationKey | undefined
  readonly hint?: string | undefined
  readonly wide?: boolean
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
}): JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const messageId = `${id}-message`
  return (
    <div className={wide ? 'form-field form-field--wide' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error || hint ? messageId : undefined })}
      {error ? (
        <span id={messageId} className="form-field__error" role="alert">
          {t(error)}
        </span>
      ) : hint ? (
        <span id={messageId} className="form-field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  )
}

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
