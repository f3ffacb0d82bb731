import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { type IpcError } from '../../../shared/ipc/errors'

/** A typed IPC error, translated here: main sends codes and parameters, never text. */
export function ErrorBanner({ error, onDismiss }: { readonly error: IpcError; readonly onDismiss: () => void }): JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="error-banner" role="alert" data-error-code={error.code}>
      <span>{t(error.messageKey, { ...error.params })}</span>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  )
}
