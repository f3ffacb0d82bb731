import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TOMBSTONE_HORIZON_DAYS } from '../../../../shared/domain/deletion'
import { objectParticle } from '../../../../shared/domain/josa'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type TrashEntry } from '../../../../shared/ipc/trash-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { useToastStore } from '../../lib/toast-store'

/** Tables the trash reads and writes (for the live-refresh wiring: contract 4). */
export const trashReadsTables = [
  'companies',
  'branches',
  'contacts',
  'leads',
  'opportunities',
  'meetings',
  'meeting_action_items',
  'kpi_targets',
  'activities',
] as const

/** 휴지통: what this user deleted on this PC, newest first, each restorable with what was deleted with it. */
export function TrashDialog({ onClose }: { readonly onClose: () => void }): JSX.Element {
  const { t, i18n } = useTranslation()
  const [entries, setEntries] = useState<readonly TrashEntry[] | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const toastShown = useToastStore((s) => s.shown)
  const locale = i18n.language === 'en' ? 'en-US' : 'ko-KR'
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })

  const reload = async (): Promise<void> => {
    try {
      setEntries(await api.trash.list())
    } catch (e) {
      setError(toIpcError(e))
    }
  }
  useEffect(() => {
    let live = true
    void api.trash.list().then(
      (list) => live && setEntries(list),
      (e: unknown) => live && setError(toIpcError(e)),
    )
    return () => {
      live = false
    }
  }, [])

  const restore = async (entry: TrashEntry): Promise<void> => {
    try {
      await api.trash.restore({ entryId: entry.id })
      toastShown(t('everyday.delete.undone', { title: entry.title, particle: objectParticle(entry.title) }))
      await reload()
    } catch (e) {
      setError(toIpcError(e))
    }
  }

  return (
    <ModalDialog title={t('everyday.trash.title')} onClose={onClose} wide>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <p className="muted">{t('everyday.trash.intro', { days: TOMBSTONE_HORIZON_DAYS })}</p>
      {entries !== null && entries.length === 0 && <p className="empty-state">{t('everyday.trash.empty')}</p>}
      {entries !== null && entries.length > 0 && (
        <table className="trash-table" data-testid="trash-list">
          <thead>
            <tr>
              <th>{t('everyday.trash.columns.kind')}</th>
              <th>{t('everyday.trash.columns.title')}</th>
              <th>{t('everyday.trash.columns.with')}</th>
              <th>{t('everyday.trash.columns.deletedAt')}</th>
              <th>{t('everyday.trash.columns.until')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="trash-row">
                <td>{t(`everyday.kinds.${entry.kind}`)}</td>
                <td>{entry.title}</td>
                <td>
                  {entry.children.map((c) => t(`everyday.trash.children.${c.label}` as 'everyday.trash.children.contacts', { count: c.count })).join(', ') ||
                    '—'}
                </td>
                <td className="tabular">{when.format(Date.parse(entry.deletedAt))}</td>
                <td className="tabular">{day.format(Date.parse(`${entry.restorableUntil}T00:00:00Z`))}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => void restore(entry)}>
                    {t('everyday.trash.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ModalDialog>
  )
}
