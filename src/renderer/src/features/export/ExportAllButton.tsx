import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type IpcError } from '../../../../shared/ipc/errors'
import { downloadBase64 } from '../../components/download'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { api, toIpcError } from '../../lib/api'
import { everythingSheets } from './list-exports'

/**
 * 전체 내보내기: everything this user can see on this PC as one Excel workbook, one sheet per list, headers in the
 * screen's language. Reads only; the file is built in main like every other export.
 */
export function ExportAllButton({ tone = 'light' }: { readonly tone?: 'light' | 'dark' }): JSX.Element {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)

  const run = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const sheets = await everythingSheets(t, i18n.language)
      const file = await api.export.workbook({
        fileName: t('exports.allFile', { date: new Date().toISOString().slice(0, 10) }),
        sheets: sheets.map((s) => ({ name: s.name, columns: s.columns.map((c) => ({ ...c })), rows: s.rows.map((r) => ({ ...r })) })),
      })
      downloadBase64(file)
    } catch (e) {
      setError(toIpcError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className={`link-button replica-open replica-open--${tone}`}
        disabled={busy}
        title={t('exports.allHint')}
        onClick={() => void run()}
        data-testid="export-all"
      >
        {busy ? t('transfer.export.working') : t('exports.all')}
      </button>
      {error && (
        <ModalDialog title={t('exports.all')} onClose={() => setError(null)}>
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </ModalDialog>
      )}
    </>
  )
}
