import { type JSX, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { objectParticle } from '../../../../shared/domain/josa'
import { ExportButton } from '../../components/ExportButton'
import { ListFilter } from '../../components/ListFilter'
import { opportunityExportColumns, opportunityExportRows } from '../export'
import { BoardError } from './BoardError'
import { BOARD_PERIODS, boardChoices, filterBoard, NO_BOARD_FILTERS, type BoardFilters, type BoardPeriod } from './board-filter'
import { toIsoDate } from '../../../../shared/domain/dates'
import { WonInput, wonText } from '../../components/WonInput'
import { CloseDialog } from './CloseDialog'
import { KanbanBoard } from './KanbanBoard'
import { NewOpportunityDialog } from './NewOpportunityDialog'
import { OpportunityDetailDialog } from './OpportunityDetailDialog'
import { OPPORTUNITIES_READS, useOpportunitiesStore } from './opportunities-store'
import { useReloadOn } from '../../lib/live'
import { stageLabel } from './stage-label'
import { useCan } from '../../lib/permissions'

export function OpportunitiesScreen(): JSX.Element {
  const { t, i18n } = useTranslation()
  const canCreate = useCan('opportunities', 'create')
  const store = useOpportunitiesStore()
  const { boardOpened } = store
  const [filters, setFilters] = useState<BoardFilters>(NO_BOARD_FILTERS)
  const [minAmount, setMinAmount] = useState(() => wonText(''))
  const today = toIsoDate(new Date())
  const columns = useMemo(() => filterBoard(store.columns, filters, today), [store.columns, filters, today])
  const choices = useMemo(() => boardChoices(store.columns), [store.columns])
  const set = (patch: Partial<BoardFilters>): void => setFilters((f) => ({ ...f, ...patch }))
  const lastMoveId = store.lastMove?.id ?? null

  // A moved card keeps keyboard focus and stays in view (it is re-mounted in its new column).
  useEffect(() => {
    if (!lastMoveId) return
    const handle = document.querySelector<HTMLElement>(`[data-opportunity-id="${lastMoveId}"] .opp-card__handle`)
    handle?.focus({ preventScroll: true })
    handle?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [lastMoveId, store.columns])

  useEffect(() => {
    void boardOpened()
  }, [boardOpened])
  // A colleague's move or edit, pulled from the server, moves the card here without navigating.
  useReloadOn(OPPORTUNITIES_READS, () => useOpportunitiesStore.getState().reload())

  return (
    <section className="sales-screen" aria-label={t('nav.opportunities')}>
      <div className="toolbar">
        <div className="board-filters" role="group" aria-label={t('everyday.board.filters')}>
          <ListFilter value={filters.text} onChange={(text) => set({ text })} label={t('everyday.listFilter.opportunities')} />
          <label>
            <span>{t('everyday.board.owner')}</span>
            <select value={filters.ownerId} onChange={(e) => set({ ownerId: e.target.value })}>
              <option value="">{t('everyday.board.all')}</option>
              {choices.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('everyday.board.team')}</span>
            <select value={filters.teamId} onChange={(e) => set({ teamId: e.target.value })}>
              <option value="">{t('everyday.board.all')}</option>
              {choices.teams.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('everyday.board.period')}</span>
            <select value={filters.period} onChange={(e) => set({ period: e.target.value as BoardPeriod })}>
              {BOARD_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`everyday.board.periods.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <WonInput
            label={t('everyday.board.minAmount')}
            value={minAmount}
            invalidText={t('opportunities.invalidAmount')}
            onChange={(value) => {
              setMinAmount(value)
              if (value.valid) set({ minAmount: value.value ?? 0 })
            }}
          />
        </div>
        <p className="muted toolbar__hint">{t('opportunities.dragHint')}</p>
        {/* The cards the filters leave, every one of them (won and lost beyond the board's window included). */}
        <ExportButton
          fileName={t('exports.opportunitiesFile')}
          testId="export-opportunities"
          columns={opportunityExportColumns(t)}
          rows={opportunityExportRows(
            i18n.language,
            columns.flatMap((column) => column.cards),
          )}
          disabled={!columns.some((column) => column.cards.length > 0)}
        />
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => void store.newClicked()}>
            {t('opportunities.new')}
          </button>
        )}
      </div>
      {!store.detail && !store.creating && !store.closing && <BoardError />}
      <p className="notice" role="status" data-testid="move-notice">
        {store.lastMove
          ? t('opportunities.moved', {
              title: store.lastMove.title,
              particle: objectParticle(store.lastMove.title),
              stage: stageLabel(store.lastMove.stage, i18n.language),
            })
          : ''}
      </p>
      {store.columns.length > 0 && store.columns.every((column) => column.cards.length === 0) && (
        <p className="empty-state" data-testid="opportunities-empty">
          {t('editing.empty.opportunities')}
        </p>
      )}
      <KanbanBoard columns={columns} movedId={lastMoveId} onMove={(id, stage) => void store.cardMoved(id, stage)} onOpen={(id) => void store.cardOpened(id)} />
      {store.detail && <OpportunityDetailDialog key={`${store.detail.id}-${store.detail.stage}`} detail={store.detail} />}
      {store.creating && <NewOpportunityDialog onClose={store.newCancelled} />}
      <CloseDialog />
    </section>
  )
}
