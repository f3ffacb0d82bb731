/**
 * The sync panel's file section: uploads waiting or running (with progress), downloads running, and files the server
 * refused with the reason. A refused file never blocks other sync; it stays here until the user deletes it.
 */
import { type JSX, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFileSize } from './format-size'
import { useFilesStore } from './files-store'

/** Files the server refused: the sync panel does not call itself empty ("every change went through") while any is listed. */
export function useRefusedFileCount(): number {
  return useFilesStore((s) => s.transfers.filter((item) => item.status === 'rejected').length)
}

export function FileTransfers(): JSX.Element | null {
  const { t, i18n } = useTranslation()
  const transfers = useFilesStore((s) => s.transfers)
  const loadTransfers = useFilesStore((s) => s.loadTransfers)
  useEffect(() => {
    void loadTransfers()
    const timer = setInterval(() => void loadTransfers(), 1000)
    return () => clearInterval(timer)
  }, [loadTransfers])
  if (transfers.length === 0) return null
  return (
    <section aria-labelledby="review-files" data-testid="file-transfers">
      <h3 id="review-files">{t('files.transfers.title', { count: transfers.length })}</h3>
      <ul className="review-list">
        {transfers.map((item) => {
          const percent = item.sizeBytes > 0 ? Math.floor((item.doneBytes / item.sizeBytes) * 100) : 100
          return (
            <li key={`${item.direction}:${item.sha256}`} className="file-transfer">
              <strong>{item.fileName}</strong> <span className="muted">{formatFileSize(item.sizeBytes, i18n.language)}</span>{' '}
              {item.status === 'rejected' ? (
                <span className="file-status file-status--rejected">
                  {t('files.status.rejected', { reason: t(`files.reasons.${item.reason ?? 'unknown'}`, { defaultValue: item.reason ?? '' }) })}
                </span>
              ) : (
                <>
                  <span>{t(item.direction === 'up' ? 'files.transfers.up' : 'files.transfers.down', { percent })}</span>
                  <progress max={100} value={percent} aria-label={item.fileName} />
                </>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
