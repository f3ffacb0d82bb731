import { type JSX, type ReactNode, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A modal dialog: labelled by its title, focus moved inside on open and back to where it was on close, Escape closes.
 * Plain elements (not <dialog>) so it renders the same in Electron and in the browser harness.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly wide?: boolean
}): JSX.Element {
  const { t } = useTranslation()
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const first = panel.current?.querySelector<HTMLElement>('input, select, textarea, button:not([data-dialog-close])')
    ;(first ?? panel.current)?.focus()
    return () => previous?.focus()
  }, [])

  return (
    <div className="modal-backdrop">
      <div
        ref={panel}
        className={wide ? 'modal modal--wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onClose()
          }
        }}
      >
        <header className="modal__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="link-button" data-dialog-close onClick={onClose} aria-label={t('common.dismiss')}>
            ×
          </button>
        </header>
        <div className="modal__body">{children}</div>
      </div>
    </div>
  )
}
