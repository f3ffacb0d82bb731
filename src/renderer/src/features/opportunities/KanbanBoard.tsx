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
import { type JSX, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { objectParticle } from '../../../../shared/domain/josa'
import { formatWon, formatWonCompact } from '../../../../shared/domain/money'
import { isOpportunityStage, stageDefinition } from '../../../../shared/domain/opportunity-stage'
import { type BoardColumn } from '../../../../shared/ipc/sales-types'
import { type OpportunityStage } from '../../../../shared/model/enums'
import { columnKeyboardCoordinates } from './column-keyboard'
import { OpportunityCard } from './OpportunityCard'
import { stageLabel } from './stage-label'

function Column({ column, children }: { readonly column: BoardColumn; readonly children: ReactNode }): JSX.Element {
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
      <p className="kanban__totals" title={formatWon(column.totalAmount)}>
        {formatWonCompact(column.totalAmount)} · {t('opportunities.expectedShort', { amount: formatWonCompact(column.totalExpected) })}
      </p>
      <div className="kanban__cards">{column.cards.length === 0 ? <p className="muted kanban__empty">{t('opportunities.empty')}</p> : children}</div>
    </section>
  )
}

/** The pipeline board: drag with a pointer or the keyboard (Space, ←/→, Space), or use each card's stage menu. */
export function KanbanBoard({
  columns,
  onMove,
  onOpen,
}: {
  readonly columns: readonly BoardColumn[]
  readonly onMove: (id: string, stage: OpportunityStage) => void
  readonly onOpen: (id: string) => void
}): JSX.Element {
  const { t, i18n } = useTranslation()
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
      over ? (ko ? `${titleOf(active.id)}${objectParticle(titleOf(active.id))} ${stageName(over.id)}에 놓았습니다.` : `Dropped ${titleOf(active.id)} on ${stageName(over.id)}.`) : undefined,
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
          <Column key={column.stage} column={column}>
            {column.cards.map((card) => (
              <OpportunityCard key={card.id} card={card} onMove={(stage) => onMove(card.id, stage)} onOpen={() => onOpen(card.id)} />
            ))}
          </Column>
        ))}
      </div>
    </DndContext>
  )
}
