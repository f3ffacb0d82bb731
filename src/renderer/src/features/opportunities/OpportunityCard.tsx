import { useDraggable } from '@dnd-kit/core'
import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { directionParticle } from '../../../../shared/domain/josa'
import { money } from '../../lib/money'
import { OPPORTUNITY_STAGE_DEFINITIONS } from '../../../../shared/domain/opportunity-stage'
import { type OpportunityCard as Card } from '../../../../shared/ipc/sales-types'
import { type OpportunityStage } from '../../../../shared/model/enums'
import { stageLabel } from './stage-label'

/**
 * One opportunity on the board. The body is the drag handle (pointer, or Space + arrows with the keyboard); the
 * footer's "move to stage" menu is the explicit alternative that needs no dragging at all.
 */
export function OpportunityCard({
  card,
  onMove,
  onOpen,
  moved = null,
}: {
  readonly card: Card
  /** Set on the card just moved: the stage it went to, confirmed on the card itself. */
  readonly moved?: string | null
  readonly onMove: (stage: OpportunityStage) => void
  readonly onOpen: () => void
}): JSX.Element {
  const { t, i18n } = useTranslation()
  const closed = card.stage === 'CLOSED_WON' || card.stage === 'CLOSED_LOST'
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    disabled: closed,
    // Screen readers announce the role in the UI language, not dnd-kit's English default.
    attributes: { roleDescription: t('opportunities.draggable') },
  })
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined

  return (
    <article
      className={isDragging ? 'opp-card opp-card--dragging' : 'opp-card'}
      data-testid="opportunity-card"
      data-opportunity-id={card.id}
      data-stage={card.stage}
      style={style}
    >
      <div ref={setNodeRef} className="opp-card__handle" {...listeners} {...attributes} aria-label={card.title}>
        <h3 className="opp-card__title">{card.title}</h3>
        <p className="opp-card__company">{card.companyName ?? '—'}</p>
        <p className="opp-card__amount">{card.amount === null ? t('opportunities.noAmount') : money(card.amount)}</p>
        <p className="opp-card__meta">
          <span>{t('opportunities.probability', { value: card.probability })}</span>
          {card.expectedAmount !== null && <span>{t('opportunities.expected', { amount: money(card.expectedAmount) })}</span>}
        </p>
        {card.nextActionDate && (
          <p className="opp-card__next">
            {t('opportunities.nextActionDate', {
              date: new Intl.DateTimeFormat(i18n.language === 'ko' ? 'ko-KR' : 'en-US', { month: 'short', day: 'numeric', weekday: 'short' }).format(
                Date.parse(`${card.nextActionDate}T00:00:00`),
              ),
            })}
            {card.nextAction && ` · ${card.nextAction}`}
          </p>
        )}
      </div>
      {moved && (
        <p className="opp-card__moved" data-testid="card-moved">
          ✓ {t('everyday.board.moved', { stage: moved, particle: directionParticle(moved) })}
        </p>
      )}
      <footer className="opp-card__footer">
        {!closed && (
          <select
            aria-label={t('opportunities.moveMenuLabel', { title: card.title })}
            value=""
            onChange={(event) => {
              if (event.target.value) onMove(event.target.value as OpportunityStage)
            }}
          >
            <option value="">{t('opportunities.moveTo')}</option>
            {OPPORTUNITY_STAGE_DEFINITIONS.filter((d) => d.value !== card.stage).map((d) => (
              <option key={d.value} value={d.value}>
                {stageLabel(d.value, i18n.language)}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="link-button" onClick={onOpen}>
          {t('opportunities.detail')}
        </button>
      </footer>
    </article>
  )
}
