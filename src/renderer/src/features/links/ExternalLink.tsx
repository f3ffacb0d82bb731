import { type JSX, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'
import { externalHref, linkKind } from './external-href'

/**
 * A link that leaves the app (web site, online-meeting link, e-mail, phone). Clicking it never navigates: a dialog shows
 * exactly where it goes, and only "Open" hands the address to main (`app.openExternal`, which checks it again).
 */
export function ExternalLink({ target, children }: { readonly target: string; readonly children?: ReactNode }): JSX.Element {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)
  const href = externalHref(target)
  if (!href) return <>{children ?? target}</>
  const kind = linkKind(href)

  const confirm = async (): Promise<void> => {
    try {
      await api.app.openExternal({ url: href })
      setOpen(false)
    } catch (failure) {
      setError(toIpcError(failure))
    }
  }

  return (
    <>
      <a
        href={href}
        className="external-link"
        data-testid="external-link"
        onClick={(event) => {
          event.preventDefault()
          setError(null)
          setOpen(true)
        }}
      >
        {children ?? target}
      </a>
      {open && (
        <ModalDialog title={t('device.externalLink.title')} onClose={() => setOpen(false)}>
          <div className="external-confirm" data-testid="external-link-confirm">
            <p>{t('device.externalLink.body')}</p>
            <p className="external-confirm__kind">{t(`device.externalLink.kinds.${kind}`)}</p>
            <code className="external-confirm__url">{href}</code>
            {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
            <div className="form-actions">
              <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
                {t('device.externalLink.cancel')}
              </button>
              <button type="button" className="button button--primary" onClick={() => void confirm()}>
                {t('device.externalLink.open')}
              </button>
            </div>
          </div>
        </ModalDialog>
      )}
    </>
  )
}
