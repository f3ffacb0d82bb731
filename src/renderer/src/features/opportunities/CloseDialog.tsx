import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { todayIsoDate } from '../../../../shared/domain/dates'
import { ModalDialog } from '../../components/ModalDialog'
import { BoardError } from './BoardError'
import { useOpportunitiesStore } from './opportunities-store'

/** Won or lost needs a reason: it is what the sales review reads later, so the dialog will not close without one. */
export function CloseDialog(): JSX.Element | null {
  const { t } = useTranslation()
  const closing = useOpportunitiesStore((s) => s.closing)
  const closeCancelled = useOpportunitiesStore((s) => s.closeCancelled)
  const closeConfirmed = useOpportunitiesStore((s) => s.closeConfirmed)
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(() => todayIsoDate())
  if (!closing) return null
  const won = closing.outcome === 'WON'

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (await closeConfirmed({ id: closing.id, outcome: closing.outcome, reason, closeDate: date })) setReason('')
  }

  return (
    <ModalDialog title={`${won ? t('opportunities.closeTitleWon') : t('opportunities.closeTitleLost')} · ${closing.title}`} onClose={closeCancelled}>
      <BoardError />
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        <div className="form-grid__fields">
          <label className="form-grid__wide">
            <span>{t('opportunities.reason')}</span>
            <textarea
              required
              rows={3}
              maxLength={1000}
              value={reason}
              placeholder={won ? t('opportunities.reasonHintWon') : t('opportunities.reasonHintLost')}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <label>
            <span>{t('opportunities.closeDateLabel')}</span>
            <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={closeCancelled}>
            {t('opportunities.cancel')}
          </button>
          <button type="submit" className={won ? 'button button--primary' : 'button button--danger'} disabled={!reason.trim()}>
            {won ? t('opportunities.won') : t('opportunities.lost')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
