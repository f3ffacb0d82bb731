import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useToastStore } from '../lib/toast-store'

/** How long a toast stays: long enough to read it and reach "되돌리기" with the mouse or Tab. */
const VISIBLE_MS = 10_000

/** The confirmation toast (toast-store): announced politely, with an undo button while the action can be undone. */
export function Toasts(): JSX.Element {
  const { t } = useTranslation()
  const toast = useToastStore((s) => s.toast)
  const shown = useToastStore((s) => s.shown)
  const dismissed = useToastStore((s) => s.dismissed)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => dismissed(toast.id), VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [toast, dismissed])

  return (
    <div className="toast-region" role="status" aria-live="polite" data-testid="toast">
      {toast && (
        <div className="toast">
          <span>{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              className="toast__undo"
              disabled={busy}
              onClick={() => {
                const undo = toast.undo
                if (!undo) return
                setBusy(true)
                void undo()
                  .then((message) => shown(message))
                  .catch(() => dismissed(toast.id))
                  .finally(() => setBusy(false))
              }}
            >
              {t('everyday.delete.undo')}
            </button>
          )}
          <button type="button" className="toast__close" aria-label={t('common.dismiss')} onClick={() => dismissed(toast.id)}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
