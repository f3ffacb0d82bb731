import { type JSX, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { type IpcError } from '../../../shared/ipc/errors'

/**
 * A typed IPC error, translated here: main sends codes and parameters, never text. Each new error scrolls into view:
 * a long form shows its banner at the top while the user pressed save at the bottom (a refused save looked like
 * nothing happened).
 */
export function ErrorBanner({ error, onDismiss }: { readonly error: IpcError; readonly onDismiss: () => void }): JSX.Element {
  const { t } = useTranslation()
  const banner = useRef<HTMLDivElement>(null)
  useEffect(() => {
    banner.current?.scrollIntoView({ block: 'nearest' })
  }, [error])
  return (
    <div ref={banner} className="error-banner" role="alert" data-error-code={error.code}>
      <span>{t(error.messageKey, { ...error.params })}</span>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  )
}
