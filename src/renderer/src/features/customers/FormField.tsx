import { type JSX, type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { type ValidationKey } from '../../../../shared/model/validation/customers'

/** A labelled input with its validation message underneath (announced to screen readers, linked by aria). */
export function FormField({
  label,
  error,
  hint,
  wide = false,
  children,
}: {
  readonly label: string
  readonly error?: ValidationKey | undefined
  readonly hint?: string
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
