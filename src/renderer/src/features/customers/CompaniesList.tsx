import { useVirtualizer } from '@tanstack/react-virtual'
import { type JSX, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBusinessNumber } from '../../../../shared/domain/business-number'
import { formatPhone } from '../../../../shared/domain/phone'
import { rowAt, useCompaniesStore } from './companies-store'

const ROW_HEIGHT = 48

/** The companies table: only the rows in view are rendered, and only their pages are read from the replica. */
export function CompaniesList(): JSX.Element {
  const { t } = useTranslation()
  const total = useCompaniesStore((s) => s.total)
  const pages = useCompaniesStore((s) => s.pages)
  const rowsVisible = useCompaniesStore((s) => s.rowsVisible)
  const companyOpened = useCompaniesStore((s) => s.companyOpened)
  const generation = useCompaniesStore((s) => s.generation)
  const filtered = useCompaniesStore((s) =>
    Object.values(s.filters).some((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  )
  const scroller = useRef<HTMLDivElement>(null)

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read only during render here
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  // A new filter or sort is a new list: start at its top.
  useEffect(() => {
    scroller.current?.scrollTo(0, 0)
  }, [generation])

  useEffect(() => {
    if (total) void rowsVisible(first, last)
  }, [first, last, total, rowsVisible])

  return (
    <div className="company-table card">
      <div className="company-table__head" role="presentation">
        <span>{t('customers.columns.name')}</span>
        <span>{t('customers.columns.businessNumber')}</span>
        <span>{t('customers.columns.representative')}</span>
        <span>{t('customers.columns.tier')}</span>
        <span>{t('customers.columns.status')}</span>
        <span>{t('customers.columns.industry')}</span>
        <span>{t('customers.columns.accountManager')}</span>
        <span>{t('customers.columns.phone')}</span>
      </div>
      {total === 0 ? (
        <p className="empty-state" data-testid="companies-empty">
          {filtered ? t('customers.empty') : t('customers.emptyStart')}
        </p>
      ) : (
        <div ref={scroller} className="company-table__body" data-testid="company-list">
          <ul className="company-table__rows" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt({ pages }, item.index)
              return (
                <li key={item.key} className="company-table__row-slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                  {row ? (
                    <button type="button" className="company-table__row" onClick={() => companyOpened(row.id)}>
                      <span className="company-table__name">{row.name}</span>
                      <span className="tabular">{row.businessNumber ? formatBusinessNumber(row.businessNumber) : '—'}</span>
                      <span>{row.representative ?? '—'}</span>
                      <span>
                        <span className={`chip chip--tier-${row.tier.toLowerCase()}`}>{t(`customers.tiers.${row.tier}`)}</span>
                      </span>
                      <span>{t(`customers.statuses.${row.status}`)}</span>
                      <span>{row.industryName ?? '—'}</span>
                      <span>{row.accountManagerName ?? '—'}</span>
                      <span className="tabular">{row.phone ? formatPhone(row.phone) : '—'}</span>
                    </button>
                  ) : (
                    <span className="company-table__placeholder" aria-hidden="true" />
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </div>
  )
}
