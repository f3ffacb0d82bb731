import { type JSX, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type IpcError } from '../../../shared/ipc/errors'
import { type ExportFormat } from '../../../shared/ipc/transfer-types'
import { api, toIpcError } from '../lib/api'
import { downloadBase64 } from './download'
import { ErrorBanner } from './ErrorBanner'

export interface ExportColumn {
  readonly key: string
  /** Shown as the file's header row (Korean by default). */
  readonly header: string
  /** `won`: whole won, written as a number with #,##0 in XLSX. */
  readonly kind?: 'text' | 'number' | 'won'
}

export type ExportRow = Readonly<Record<string, string | number | null>>

export interface ExportButtonProps {
  /** Without extension; the format's is added. */
  readonly fileName: string
  readonly columns: readonly ExportColumn[]
  /** The rows, or a function reading them (e.g. every page of a paged list) when the user asks. */
  readonly rows: readonly ExportRow[] | (() => Promise<readonly ExportRow[]>)
  readonly disabled?: boolean
  /** The button's text when a screen has more than one export (담당자 내보내기); default 내보내기. */
  readonly label?: string
  /** Distinguishes several export buttons on one screen; menu items get it as a prefix. Default `export`. */
  readonly testId?: string
}

/** 내보내기: a menu of Excel (XLSX) and CSV; the file is built in main and saved through the browser's download. */
export function ExportButton({ fileName, columns, rows, disabled, label, testId = 'export' }: ExportButtonProps): JSX.Element {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])

  const run = async (format: ExportFormat): Promise<void> => {
    setOpen(false)
    setBusy(true)
    setError(null)
    try {
      const data = typeof rows === 'function' ? await rows() : rows
      const file = await api.export.table({
        fileName,
        format,
        columns: columns.map((c) => ({ ...c })),
        rows: data.map((r) => ({ ...r })),
      })
      downloadBase64(file)
    } catch (e) {
      setError(toIpcError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export-button" ref={root}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled || busy}
        onClick={() => setOpen((o) => !o)}
        data-testid={`${testId}-button`}
      >
        {busy ? t('transfer.export.working') : (label ?? t('transfer.export.action'))}
      </button>
      {open && (
        <div role="menu" className="card export-button__menu">
          <button type="button" role="menuitem" className="button button--ghost" onClick={() => void run('xlsx')} data-testid={`${testId}-xlsx`}>
            {t('transfer.export.xlsx')}
          </button>
          <button type="button" role="menuitem" className="button button--ghost" onClick={() => void run('csv')} data-testid={`${testId}-csv`}>
            {t('transfer.export.csv')}
          </button>
        </div>
      )}
      {error && (
        <div className="export-button__error">
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </div>
  )
}
