import { type JSX, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { type SearchHit } from '../../../../shared/model/customer-views'
import { openRecord, type RecordLink } from '../../lib/record-links'
import { flatHits, useSearchStore } from './search-store'

/** Each hit opens its own record: the company page only for companies and (on their company's page) contacts. */
export function linkOfHit(hit: SearchHit): RecordLink | null {
  switch (hit.type) {
    case 'companies':
      return { screen: 'companies', companyId: hit.id }
    case 'contacts':
      return hit.companyId ? { screen: 'companies', companyId: hit.companyId, contactId: hit.id } : null
    case 'leads':
      return { screen: 'leads', leadId: hit.id }
    case 'opportunities':
      return { screen: 'opportunities', opportunityId: hit.id }
    case 'projects':
      return { screen: 'projects', projectId: hit.id }
  }
}

function openHit(hit: SearchHit): void {
  const link = linkOfHit(hit)
  if (link) openRecord(link)
}

/**
 * Search box in the app header (Ctrl+K / ⌘K from anywhere): companies, contacts, leads, opportunities and projects
 * from the local replica, grouped by type; ↑↓ moves, Enter opens, Esc closes.
 */
export function GlobalSearch(): JSX.Element {
  const { t } = useTranslation()
  const query = useSearchStore((s) => s.query)
  const result = useSearchStore((s) => s.result)
  const open = useSearchStore((s) => s.open)
  const active = useSearchStore((s) => s.active)
  const queryTyped = useSearchStore((s) => s.queryTyped)
  const opened = useSearchStore((s) => s.opened)
  const closed = useSearchStore((s) => s.closed)
  const hitChosen = useSearchStore((s) => s.hitChosen)
  const activeMoved = useSearchStore((s) => s.activeMoved)
  const input = useRef<HTMLInputElement>(null)
  const hits = flatHits(result)

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        input.current?.focus()
        input.current?.select()
        opened()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [opened])

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return
    openHit(hit)
    hitChosen()
    input.current?.blur()
  }

  const showPanel = open && query.trim() !== '' && result !== null
  // Each group's first position in the flattened hit list (what ↑↓ and aria-activedescendant count in).
  const groupStart: number[] = []
  let offset = 0
  for (const group of result?.groups ?? []) {
    groupStart.push(offset)
    offset += group.hits.length
  }

  return (
    <div className="global-search" role="search">
      <input
        ref={input}
        type="search"
        className="global-search__input"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showPanel}
        aria-controls="global-search-results"
        aria-activedescendant={active >= 0 && showPanel ? `search-hit-${active}` : undefined}
        placeholder={`${t('search.placeholder')}  (${t('search.shortcut')})`}
        value={query}
        onChange={(e) => void queryTyped(e.target.value)}
        onFocus={opened}
        // Hits take the mouse on mousedown (default prevented), so the box keeps focus while one is clicked.
        onBlur={closed}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            activeMoved(1)
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            activeMoved(-1)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            choose(hits[active])
          } else if (e.key === 'Escape') {
            closed()
            input.current?.blur()
          }
        }}
      />
      {showPanel && (
        <div id="global-search-results" className="global-search__panel card" role="listbox" aria-label={t('search.label')} data-query={result.query}>
          {result.mode === 'choseong' && <div className="global-search__mode">{t('search.choseong')}</div>}
          {result.groups.length === 0 && <p className="empty-state">{t('search.empty', { query })}</p>}
          {result.groups.map((group, groupIndex) => (
            <div key={group.type} className="global-search__group" role="group" aria-label={t(`search.groups.${group.type}`)}>
              <div className="global-search__group-title">{t(`search.groups.${group.type}`)}</div>
              {group.hits.map((hit, hitIndex) => {
                const mine = (groupStart[groupIndex] ?? 0) + hitIndex
                return (
                  <div
                    key={hit.id}
                    id={`search-hit-${mine}`}
                    role="option"
                    aria-selected={mine === active}
                    className={mine === active ? 'global-search__hit global-search__hit--active' : 'global-search__hit'}
                    onMouseDown={(e) => {
                      e.preventDefault()
                      choose(hit)
                    }}
                  >
                    <span className="global-search__title">{hit.title}</span>
                    {hit.subtitle && <span className="global-search__subtitle">{hit.subtitle}</span>}
                  </div>
                )
              })}
            </div>
          ))}
          <div className="global-search__hint">{t('search.hint')}</div>
        </div>
      )}
    </div>
  )
}
