import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core'
import { type JSX, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { objectParticle } from '../../../../shared/domain/josa'
import { moneyCompact, moneyExact } from '../../lib/money'
import { isOpportunityStage, stageDefinition } from '../../../../shared/domain/opportunity-stage'
import { type BoardColumn } from '../../../../shared/ipc/sales-types'
import { type OpportunityStage } from '../../../../shared/model/enums'
import { columnKeyboardCoordinates } from './column-keyboard'
import { CLOSED_WINDOW } from './board-filter'
import { OpportunityCard } from './OpportunityCard'
import { stageLabel } from './stage-label'

function Column({
  column,
  shown,
  onMore,
  children,
}: {
  readonly column: BoardColumn
  /** Cards drawn (won/lost show a recent window); the rest behind "더 보기". */
  readonly shown: number
  readonly onMore: () => void
  readonly children: ReactNode
}): JSX.Element {
  const { t, i18n } = useTranslation()
  const { setNodeRef, isOver } = useDroppable({ id: column.stage })
  const definition = stageDefinition(column.stage)
  const label = stageLabel(column.stage, i18n.language)
  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'kanban__column kanban__column--over' : 'kanban__column'}
      data-stage={column.stage}
      data-testid={`stage-${column.stage}`}
      aria-label={label}
    >
      <header className="kanban__header">
        <span className="kanban__swatch" style={{ background: definition.color }} aria-hidden="true" />
        <h2>{label}</h2>
        <span className="kanban__count">{column.cards.length}</span>
      </header>
      <p className="kanban__totals" title={moneyExact(column.totalAmount)}>
        {moneyCompact(column.totalAmount)} · {t('opportunities.expectedShort', { amount: moneyCompact(column.totalExpected) })}
      </p>
      {shown < column.cards.length && <p className="kanban__window muted">{t('everyday.board.recentWindow', { shown, total: column.cards.length })}</p>}
      <div className="kanban__cards" data-testid={`stage-cards-${column.stage}`}>
        {column.cards.length === 0 ? <p className="muted kanban__empty">{t('opportunities.empty')}</p> : children}
        {shown < column.cards.length && (
          <button type="button" className="button button--small button--ghost kanban__more" onClick={onMore}>
            {t('everyday.board.more')} ({column.cards.length - shown})
          </button>
        )}
      </div>
    </section>
  )
}

/** Open stages show every card; won and lost (the whole history) a recent window. */
function shownCount(column: BoardColumn, windowSize: number | undefined): number {
  const closed = column.stage === 'CLOSED_WON' || column.stage === 'CLOSED_LOST'
  return closed ? Math.min(column.cards.length, windowSize ?? CLOSED_WINDOW) : column.cards.length
}

/** The pipeline board: drag with a pointer or the keyboard (Space, ←/→, Space), or use each card's stage menu. */
export function KanbanBoard({
  columns,
  onMove,
  onOpen,
  movedId = null,
}: {
  readonly columns: readonly BoardColumn[]
  /** The card just moved: it says so on itself. */
  readonly movedId?: string | null
  readonly onMove: (id: string, stage: OpportunityStage) => void
  readonly onOpen: (id: string) => void
}): JSX.Element {
  const { t, i18n } = useTranslation()
  // How many won / lost cards each closed column shows (most recent first, CLOSED_WINDOW more per click).
  const [windows, setWindows] = useState<Partial<Record<OpportunityStage, number>>>({})
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on a card's buttons stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  )
  const titleOf = (id: string | number): string => columns.flatMap((c) => c.cards).find((card) => card.id === id)?.title ?? ''
  const stageName = (id: string | number | undefined): string => (isOpportunityStage(id) ? stageLabel(id, i18n.language) : '')
  const ko = i18n.language !== 'en'
  const announcements: Announcements = {
    onDragStart: ({ active }) => (ko ? `${titleOf(active.id)}${objectParticle(titleOf(active.id))} 집었습니다.` : `Picked up ${titleOf(active.id)}.`),
    onDragOver: ({ active, over }) =>
      over ? (ko ? `${titleOf(active.id)}: ${stageName(over.id)} 위` : `${titleOf(active.id)} is over ${stageName(over.id)}.`) : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? ko
          ? `${titleOf(active.id)}${objectParticle(titleOf(active.id))} ${stageName(over.id)}에 놓았습니다.`
          : `Dropped ${titleOf(active.id)} on ${stageName(over.id)}.`
        : undefined,
    onDragCancel: ({ active }) => (ko ? `${titleOf(active.id)} 이동을 취소했습니다.` : `Cancelled moving ${titleOf(active.id)}.`),
  }

  const dragEnded = ({ active, over }: DragEndEvent): void => {
    if (over && isOpportunityStage(over.id)) onMove(String(active.id), over.id)
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={rectIntersection}
      onDragEnd={dragEnded}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('opportunities.dragHint') } }}
    >
      <div className="kanban" role="region" aria-label={t('opportunities.boardLabel')}>
        {columns.map((column) => (
          <Column
            key={column.stage}
            column={column}
            shown={shownCount(column, windows[column.stage])}
            onMore={() => setWindows((w) => ({ ...w, [column.stage]: shownCount(column, w[column.stage]) + CLOSED_WINDOW }))}
          >
            {column.cards.slice(0, shownCount(column, windows[column.stage])).map((card) => (
              <OpportunityCard
                key={card.id}
                card={card}
                moved={card.id === movedId ? stageLabel(card.stage, i18n.language) : null}
                onMove={(stage) => onMove(card.id, stage)}
                onOpen={() => onOpen(card.id)}
              />
            ))}
          </Column>
        ))}
      </div>
    </DndContext>
  )
}
