/**
 * The files of one record (meeting minutes, company, opportunity, project, training class, activity): name, size, who
 * added it and when; add, open, delete, and pin the record for offline work. A file added here is on this device at
 * once (it opens offline) and uploads when the device is online; a file added elsewhere is listed as soon as its row
 * has synced and downloads on first open.
 */
import { type JSX, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateTime } from '../../lib/dates'
import { type Attachment } from '../../../../shared/ipc/files-types'
import { type AttachmentEntityType } from '../../../../shared/model/enums'
import { downloadBase64 } from '../../components/download'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api, toIpcError } from '../../lib/api'
import { useCan } from '../../lib/permissions'
import { useSyncStore } from '../sync'
import { formatFileSize } from './format-size'
import { recordKey, useFilesStore } from './files-store'
import './files.css'

function StatusCell({ item }: { readonly item: Attachment }): JSX.Element {
  const { t } = useTranslation()
  const upload = item.upload
  if (upload?.status === 'rejected') {
    return (
      <span className="file-status file-status--rejected">
        {t('files.status.rejected', { reason: t(`files.reasons.${upload.reason ?? 'unknown'}`, { defaultValue: upload.reason ?? '' }) })}
      </span>
    )
  }
  if (upload?.status === 'pending') {
    const percent = item.sizeBytes > 0 ? Math.floor((upload.sentBytes / item.sizeBytes) * 100) : 0
    return <span className="file-status">{upload.sentBytes > 0 ? t('files.status.uploading', { percent }) : t('files.status.waiting')}</span>
  }
  return <span className="file-status muted">{item.local ? t('files.status.local') : t('files.status.remote')}</span>
}

export function AttachmentsPanel({
  entityType,
  entityId,
  readOnly = false,
}: {
  readonly entityType: AttachmentEntityType
  readonly entityId: string
  readonly readOnly?: boolean
}): JSX.Element {
  const { t, i18n } = useTranslation()
  const key = recordKey(entityType, entityId)
  const list = useFilesStore((s) => s.lists[key])
  const storeError = useFilesStore((s) => s.error)
  const { load, add, remove, pin, errorDismissed } = useFilesStore()
  const [busy, setBusy] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [openError, setOpenError] = useState<ReturnType<typeof toIpcError> | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const lastSyncedAt = useSyncStore((s) => s.status?.lastSyncedAt ?? '')
  // Adding and deleting a file are writes to attachments: only with the grant (the writer refuses them otherwise).
  const canAdd = useCan('attachments', 'create') && !readOnly
  const canRemove = useCan('attachments', 'delete') && !readOnly

  // After every sync (a file added elsewhere, an upload finished) and every 2 s while an upload is running.
  const uploading = list?.items.some((item) => item.upload?.status === 'pending') ?? false
  useEffect(() => {
    void load(entityType, entityId)
  }, [load, entityType, entityId, lastSyncedAt])
  useEffect(() => {
    if (!uploading) return
    const timer = setInterval(() => void load(entityType, entityId), 2000)
    return () => clearInterval(timer)
  }, [uploading, load, entityType, entityId])

  const onPick = async (files: FileList | null): Promise<void> => {
    if (!files) return
    setBusy('add')
    for (const file of Array.from(files)) await add(entityType, entityId, file)
    setBusy(null)
    if (input.current) input.current.value = ''
  }

  const onOpen = async (item: Attachment): Promise<void> => {
    setBusy(item.id)
    setNotice(null)
    setOpenError(null)
    try {
      const result = await api.files.open({ id: item.id })
      if (result.kind === 'download') downloadBase64(result)
      else if (result.kind === 'saved' && result.path) setNotice(t('files.saved', { path: result.path }))
      await load(entityType, entityId)
    } catch (error) {
      setOpenError(toIpcError(error))
    } finally {
      setBusy(null)
    }
  }

  const items = list?.items ?? []
  return (
    <section className="attachments" aria-labelledby={`attachments-${key}`} data-testid="attachments-panel">
      <header className="attachments__header">
        <h3 id={`attachments-${key}`}>{t('files.title', { count: items.length })}</h3>
        <label className="attachments__pin">
          <input type="checkbox" checked={list?.pinned ?? false} onChange={(e) => void pin(entityType, entityId, e.target.checked)} />
          {t('files.pin')}
        </label>
        {canAdd && (
          <>
            <input ref={input} type="file" multiple hidden aria-hidden="true" data-testid="attachments-input" onChange={(e) => void onPick(e.target.files)} />
            <button type="button" className="button" disabled={busy === 'add'} onClick={() => input.current?.click()}>
              {busy === 'add' ? t('files.adding') : t('files.add')}
            </button>
          </>
        )}
      </header>
      {storeError && <ErrorBanner error={storeError} onDismiss={errorDismissed} />}
      {openError && <ErrorBanner error={openError} onDismiss={() => setOpenError(null)} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('files.empty')}</p>
      ) : (
        <table className="table attachments__table">
          <thead>
            <tr>
              <th>{t('files.columns.name')}</th>
              <th>{t('files.columns.size')}</th>
              <th>{t('files.columns.addedBy')}</th>
              <th>{t('files.columns.addedAt')}</th>
              <th>{t('files.columns.status')}</th>
              <th aria-label={t('files.columns.actions')} />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="attachment-row">
                <td className="attachments__name">{item.fileName}</td>
                <td className="tabular">{formatFileSize(item.sizeBytes, i18n.language)}</td>
                <td>{item.addedBy ?? '—'}</td>
                <td className="tabular">{dateTime(item.addedAt)}</td>
                <td>
                  <StatusCell item={item} />
                </td>
                <td className="attachments__actions">
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy === item.id}
                    aria-label={`${item.fileName} ${t('files.open')}`}
                    onClick={() => void onOpen(item)}
                  >
                    {busy === item.id ? t('files.opening') : t('files.open')}
                  </button>
                  {canRemove && (
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      aria-label={`${item.fileName} ${t('files.remove')}`}
                      onClick={() => {
                        if (window.confirm(t('files.confirmRemove', { name: item.fileName }))) void remove(entityType, entityId, item.id)
                      }}
                    >
                      {t('files.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
