import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from './ModalDialog'

/** "Delete …?" with Cancel and a red confirm button; deletes are tombstones that sync like any edit. */
export function ConfirmDialog({
  title,
  message,
  onConfirm,
  onCancel,
}: {
  readonly title: string
  readonly message: string
  readonly onConfirm: () => void
  readonly onCancel: () => void
}): JSX.Element {
  const { t } = useTranslation()
  return (
    <ModalDialog title={title} onClose={onCancel}>
      <p>{message}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('customers.form.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {t('customers.remove.yes')}
        </button>
      </div>
    </ModalDialog>
  )
}
