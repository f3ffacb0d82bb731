import { type JSX, type ReactNode, useId } from 'react'
import { translateKey } from '../i18n'

/**
 * A labelled input with its validation message underneath (announced to screen readers, linked by aria). `error` is a
 * translation key from a shared validation schema (customers, meetings, …), translated here.
 */
export function FormField({
  label,
  error,
  hint,
  wide = false,
  children,
}: {
  readonly label: string
  readonly error?: string | undefined
  readonly hint?: string | undefined
  readonly wide?: boolean
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
}): JSX.Element {
  const id = useId()
  const messageId = `${id}-message`
  return (
    <div className={wide ? 'form-field form-field--wide' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error || hint ? messageId : undefined })}
      {error ? (
        <span id={messageId} className="form-field__error" role="alert">
          {translateKey(error)}
        </span>
      ) : hint ? (
        <span id={messageId} className="form-field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  )
}
