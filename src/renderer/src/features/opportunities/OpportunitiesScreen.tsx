import { type JSX, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { objectParticle } from '../../../../shared/domain/josa'
import { ListFilter } from '../../components/ListFilter'
import { BoardError } from './BoardError'
import { filterBoard } from './board-filter'
import { CloseDialog } from './CloseDialog'
import { KanbanBoard } from './KanbanBoard'
import { NewOpportunityDialog } from './NewOpportunityDialog'
import { OpportunityDetailDialog } from './OpportunityDetailDialog'
import { useOpportunitiesStore } from './opportunities-store'
import { stageLabel } from './stage-label'

export function OpportunitiesScreen(): JSX.Element {
  const { t, i18n } = useTranslation()
  const store = useOpportunitiesStore()
  const { boardOpened } = store
  const [query, setQuery] = useState('')
  const columns = useMemo(() => filterBoard(store.columns, query), [store.columns, query])

  useEffect(() => {
    void boardOpened()
  }, [boardOpened])

  return (
    <section className="sales-screen" aria-label={t('nav.opportunities')}>
      <div className="toolbar">
        <ListFilter value={query} onChange={setQuery} label={t('everyday.listFilter.opportunities')} />
        <p className="muted toolbar__hint">{t('opportunities.dragHint')}</p>
        <button type="button" className="button button--primary" onClick={() => void store.newClicked()}>
          {t('opportunities.new')}
        </button>
      </div>
      {!store.detail && !store.creating && !store.closing && <BoardError />}
      <p className="notice" role="status" data-testid="move-notice">
        {store.lastMove ? t('opportunities.moved', {
              title: store.lastMove.title,
              particle: objectParticle(store.lastMove.title),
              stage: stageLabel(store.lastMove.stage, i18n.language),
            }) : ''}
      </p>
      <KanbanBoard columns={columns} onMove={(id, stage) => void store.cardMoved(id, stage)} onOpen={(id) => void store.cardOpened(id)} />
      {store.detail && <OpportunityDetailDialog key={`${store.detail.id}-${store.detail.stage}`} detail={store.detail} />}
      {store.creating && <NewOpportunityDialog onClose={store.newCancelled} />}
      <CloseDialog />
    </section>
  )
}
