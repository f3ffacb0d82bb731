import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { type DuplicateMatch } from '../../../../shared/model/customer-views'
import { ModalDialog } from '../../components/ModalDialog'

/** "This looks like an existing record": the user checks the matches and either goes back or saves anyway. */
export function DuplicateDialog({
  duplicates,
  onBack,
  onSaveAnyway,
  onOpen,
}: {
  readonly duplicates: readonly DuplicateMatch[]
  readonly onBack: () => void
  readonly onSaveAnyway: () => void
  readonly onOpen: (match: DuplicateMatch) => void
}): JSX.Element {
  const { t } = useTranslation()
  return (
    <ModalDialog title={t('customers.duplicates.title')} onClose={onBack}>
      <p className="muted">{t('customers.duplicates.body')}</p>
      <ul className="duplicate-list" data-testid="duplicate-list">
        {duplicates.map((match) => (
          <li key={match.id}>
            <div>
              <strong>{match.name}</strong>
              <div className="duplicate-list__reasons">
                {match.reasons.map((reason) => (
                  <span key={reason} className="chip chip--warn">
                    {t(`customers.duplicates.reasons.${reason}`)}
                  </span>
                ))}
              </div>
            </div>
            {match.companyId && (
              <button type="button" className="link-button" onClick={() => onOpen(match)}>
                {t('customers.duplicates.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('customers.duplicates.back')}
        </button>
        <button type="button" className="button button--primary" onClick={onSaveAnyway}>
          {t('customers.duplicates.saveAnyway')}
        </button>
      </div>
    </ModalDialog>
  )
}
