import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DELETION_RULES, TOMBSTONE_HORIZON_DAYS, type DeletableKind } from '../../../shared/domain/deletion'
import { objectParticle } from '../../../shared/domain/josa'
import { type DeletionPreview } from '../../../shared/ipc/trash-types'
import { api, toIpcError } from '../lib/api'
import { useCan } from '../lib/permissions'
import { useToastStore } from '../lib/toast-store'
import { type IpcError } from '../../../shared/ipc/errors'
import { ErrorBanner } from './ErrorBanner'
import { ModalDialog } from './ModalDialog'

/**
 * Delete a record the same way everywhere: first say what goes with it (with counts, from trash.preview), then delete
 * it with its children, then a toast with "되돌리기" that restores exactly what was deleted. Older deletes are restored
 * from the trash. `onChanged` runs after the delete and after an undo, so the screen re-reads.
 *
 * Shown only to users whose grants allow deleting the record's table (the same rule the writer and the server apply):
 * a consultant whose role may edit customers but not delete them sees no delete button at all, as the screens hide
 * their other controls the role lacks (the catalogues' `canDelete`).
 */
export function DeleteButton({
  kind,
  id,
  onChanged,
  className = 'button button--danger',
  label,
  ariaLabel,
}: {
  readonly kind: DeletableKind
  readonly id: string
  readonly onChanged?: (what: 'deleted' | 'restored') => void
  readonly className?: string
  readonly label?: string
  readonly ariaLabel?: string
}): JSX.Element | null {
  const { t } = useTranslation()
  const allowed = useCan(DELETION_RULES[kind].table, 'delete')
  const [preview, setPreview] = useState<DeletionPreview | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const toastShown = useToastStore((s) => s.shown)

  const open = async (): Promise<void> => {
    setError(null)
    try {
      setPreview(await api.trash.preview({ kind, id }))
    } catch (e) {
      setError(toIpcError(e))
    }
  }

  const confirm = async (): Promise<void> => {
    if (!preview) return
    try {
      const entry = await api.trash.remove({ kind, id })
      setPreview(null)
      const particle = objectParticle(entry.title)
      toastShown(t('everyday.delete.done', { title: entry.title, particle }), async () => {
        await api.trash.restore({ entryId: entry.id })
        onChanged?.('restored')
        return t('everyday.delete.undone', { title: entry.title, particle })
      })
      onChanged?.('deleted')
    } catch (e) {
      setError(toIpcError(e))
    }
  }

  // After the hooks: a grant withdrawn by a sync hides the button, and one restored brings it back.
  if (!allowed && !preview) return null

  return (
    <>
      <button type="button" className={className} aria-label={ariaLabel} onClick={() => void open()}>
        {label ?? t('everyday.delete.action')}
      </button>
      {error && !preview && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {preview && (
        <ModalDialog title={t('everyday.delete.title', { kind: t(`everyday.kinds.${kind}`) })} onClose={() => setPreview(null)}>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <p>{t('everyday.delete.question', { title: preview.title, particle: objectParticle(preview.title) })}</p>
          {preview.children.length > 0 ? (
            <>
              <p className="muted">{t('everyday.delete.alsoRemoved')}</p>
              <ul className="delete-preview" data-testid="delete-preview">
                {preview.children.map((child) => (
                  <li key={child.label}>{t(`everyday.trash.children.${child.label}` as 'everyday.trash.children.contacts', { count: child.count })}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('everyday.delete.nothingElse')}</p>
          )}
          {preview.references.length > 0 && (
            <>
              <p className="muted">{t('everyday.delete.referencesKept')}</p>
              <ul className="delete-preview" data-testid="delete-references">
                {preview.references.map((ref) => (
                  <li key={ref.label}>{t(`everyday.trash.references.${ref.label}` as 'everyday.trash.references.leads', { count: ref.count })}</li>
                ))}
              </ul>
            </>
          )}
          <p className="muted small">{t('everyday.delete.restoreHint', { days: TOMBSTONE_HORIZON_DAYS })}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('everyday.delete.cancel')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void confirm()}>
              {t('everyday.delete.confirm')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  )
}
