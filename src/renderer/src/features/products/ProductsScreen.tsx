import { type JSX, useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { moneyOrDash } from '../../lib/money'
import { categoryTree } from '../../../../shared/domain/product-categories'
import { type ProductDetail, type ProductSummary } from '../../../../shared/ipc/products-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { useCan } from '../../lib/permissions'
import { ImportButton } from '../import'
import { CategoryDialog } from './CategoryDialog'
import { ProductDialog } from './ProductDialog'
import { productExportColumns, productExportRows } from './product-export'
import { visibleProducts } from './product-view'
import { PRODUCTS_READS, useProductsStore } from './products-store'
import { useReloadOn } from '../../lib/live'

const won = moneyOrDash
const percent = (value: number | null): string => (value === null ? '—' : `${value}%`)

function useDuration(): (p: ProductSummary) => string {
  const { t } = useTranslation()
  return (p) =>
    p.durationDays !== null && p.durationHours !== null
      ? t('products.duration', { days: p.durationDays, hours: p.durationHours })
      : p.durationDays !== null
        ? t('products.durationDays', { days: p.durationDays })
        : p.durationHours !== null
          ? t('products.durationHours', { hours: p.durationHours })
          : '—'
}

function participants(p: ProductSummary, t: (key: 'products.participants', o: { min: string; max: string }) => string): string {
  if (p.minParticipants === null && p.maxParticipants === null) return '—'
  return t('products.participants', { min: p.minParticipants?.toString() ?? '', max: p.maxParticipants?.toString() ?? '' })
}

function CategoryTree({ canEdit }: { readonly canEdit: boolean }): JSX.Element {
  const { t } = useTranslation()
  const categories = useProductsStore((s) => s.catalogue.categories)
  const chosen = useProductsStore((s) => s.category)
  const categoryChosen = useProductsStore((s) => s.categoryChosen)
  const dialogOpened = useProductsStore((s) => s.dialogOpened)
  const nodes = useMemo(() => categoryTree(categories), [categories])
  const item = (id: string, label: string, depth: number): JSX.Element => (
    <li key={id} style={{ paddingLeft: depth * 14 }}>
      <button type="button" className="category-tree__item" aria-current={chosen === id ? 'true' : undefined} onClick={() => categoryChosen(id)}>
        {label}
      </button>
      {canEdit && depth >= 0 && id !== 'all' && id !== 'none' && (
        <button
          type="button"
          className="link-button category-tree__edit"
          aria-label={`${label} ${t('products.editCategory')}`}
          onClick={() => dialogOpened({ kind: 'category', categoryId: id })}
        >
          ✎
        </button>
      )}
    </li>
  )
  return (
    <nav className="category-tree card" aria-label={t('products.categories')}>
      <h3>{t('products.categories')}</h3>
      <ul>
        {item('all', t('products.allCategories'), 0)}
        {nodes.map((node) => item(node.category.id, node.category.name, node.depth))}
        {item('none', t('products.uncategorized'), 0)}
      </ul>
      {canEdit && (
        <button type="button" className="button button--small" onClick={() => dialogOpened({ kind: 'category', categoryId: null })}>
          {t('products.newCategory')}
        </button>
      )}
    </nav>
  )
}

function ProductPanel({ product, canEdit }: { readonly product: ProductDetail; readonly canEdit: boolean }): JSX.Element {
  const { t } = useTranslation()
  const categories = useProductsStore((s) => s.catalogue.categories)
  const dialogOpened = useProductsStore((s) => s.dialogOpened)
  const duration = useDuration()
  const path = categoryTree(categories)
    .find((n) => n.category.id === product.categoryId)
    ?.path.join(' › ')
  const list = (items: readonly string[]): JSX.Element =>
    items.length === 0 ? (
      <p className="muted">{t('products.detail.none')}</p>
    ) : (
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    )
  return (
    <section className="product-panel card" aria-label={product.name} data-testid="product-panel">
      <header className="product-panel__header">
        <h3>{product.name}</h3>
        <span className="muted">
          {product.code}
          {path ? ` · ${t('products.detail.category')} ${path}` : ''}
          {product.isActive ? '' : ` · ${t('products.inactive')}`}
        </span>
        {canEdit && (
          <button type="button" className="button button--small" onClick={() => dialogOpened({ kind: 'product', product })}>
            {t('products.editProduct')}
          </button>
        )}
      </header>
      <dl className="product-panel__facts">
        <dt>{t('products.columns.type')}</dt>
        <dd>{product.type ? t(`products.types.${product.type}`) : '—'}</dd>
        <dt>{t('products.columns.duration')}</dt>
        <dd>{duration(product)}</dd>
        <dt>{t('products.columns.participants')}</dt>
        <dd>{participants(product, t)}</dd>
        <dt>{t('products.columns.listPrice')}</dt>
        <dd>{won(product.listPrice)}</dd>
        <dt>{t('products.columns.cost')}</dt>
        <dd>{won(product.cost)}</dd>
        <dt>{t('products.columns.margin')}</dt>
        <dd data-testid="product-margin">{won(product.margin)}</dd>
        <dt>{t('products.columns.marginPercent')}</dt>
        <dd data-testid="product-margin-percent">{percent(product.marginPercent)}</dd>
      </dl>
      {product.description && <p>{product.description}</p>}
      <h4>{t('products.detail.curriculum')}</h4>
      {product.curriculum.length === 0 ? (
        <p className="muted">{t('products.detail.none')}</p>
      ) : (
        <ol>
          {product.curriculum.map((m, i) => (
            <li key={`${i}-${m.title}`}>
              {m.title}
              {m.hours === undefined ? '' : ` · ${t('products.detail.moduleHours', { hours: m.hours })}`}
            </li>
          ))}
        </ol>
      )}
      <h4>{t('products.detail.objectives')}</h4>
      {list(product.objectives)}
      <h4>{t('products.detail.prerequisites')}</h4>
      {list(product.prerequisites)}
      <h4>{t('products.detail.targetAudience')}</h4>
      <p>{product.targetAudience ?? t('products.detail.none')}</p>
    </section>
  )
}

/** 상품: the category tree, the products of the chosen category with their derived margin, and the product's detail. */
export function ProductsScreen(): JSX.Element {
  const { t } = useTranslation()
  const state = useProductsStore()
  const { catalogue, category, query, showInactive, selected, dialog, error, loaded } = state
  // One boolean per kind of edit, from the same rule the server enforces.
  const canCreate = useCan('products', 'create')
  const canUpdate = useCan('products', 'update')
  const canEditCategories = useCan('product_categories', 'update')
  const duration = useDuration()
  const screenOpened = state.screenOpened

  useEffect(() => {
    void screenOpened()
  }, [screenOpened])
  useReloadOn(PRODUCTS_READS, () => useProductsStore.getState().reload())

  const products = useMemo(() => visibleProducts(catalogue, { category, query, showInactive }), [catalogue, category, query, showInactive])
  const defaultCategory = category === 'all' || category === 'none' ? null : category

  return (
    <div className="products-screen">
      {error && !dialog && <ErrorBanner error={error} onDismiss={state.errorDismissed} />}
      {loaded && !canUpdate && !canCreate && (
        <p className="products-screen__readonly muted" data-testid="products-readonly">
          {t('products.readOnly')}
        </p>
      )}
      <div className="products-screen__body">
        <CategoryTree canEdit={canEditCategories} />
        <div className="products-screen__main">
          <div className="products-toolbar">
            <input
              type="search"
              aria-label={t('products.search')}
              placeholder={t('products.search')}
              value={query}
              onChange={(e) => state.queryTyped(e.target.value)}
            />
            <label>
              <input type="checkbox" checked={showInactive} onChange={(e) => state.inactiveToggled(e.target.checked)} />
              {t('products.showInactive')}
            </label>
            <span className="muted" data-testid="product-count">
              {t('products.count', { count: products.length })}
            </span>
            <div className="transfer-actions">
              <ImportButton target="products" onImported={() => void screenOpened()} />
              <ExportButton
                fileName={t('transfer.export.productsFile')}
                columns={productExportColumns(t)}
                rows={() => Promise.resolve(productExportRows(t, products, catalogue.categories))}
                disabled={products.length === 0}
              />
              {canCreate && (
                <button type="button" className="button button--primary" onClick={() => state.dialogOpened({ kind: 'product', product: null })}>
                  {t('products.newProduct')}
                </button>
              )}
            </div>
          </div>
          {loaded && products.length === 0 && (
            <p className="empty-state" data-testid="products-empty">
              {t('editing.empty.products')}
            </p>
          )}
          {/* The list scrolls on its own so the chosen product's detail stays in view below it. */}
          <div className="product-table-wrap">
            <table className="product-table">
              <thead>
                <tr>
                  {(['code', 'name', 'type', 'duration', 'participants', 'listPrice', 'cost', 'margin', 'marginPercent'] as const).map((key) => (
                    <th key={key}>{t(`products.columns.${key}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p.id} data-testid="product-row" aria-selected={selected?.id === p.id}>
                    <td className="muted">{p.code}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => void state.productOpened(p.id)}>
                        {p.name}
                      </button>
                      {p.isActive ? '' : <span className="badge">{t('products.inactive')}</span>}
                    </td>
                    <td>{p.type ? t(`products.types.${p.type}`) : '—'}</td>
                    <td>{duration(p)}</td>
                    <td>{participants(p, t)}</td>
                    <td className="num">{won(p.listPrice)}</td>
                    <td className="num">{won(p.cost)}</td>
                    <td className="num">{won(p.margin)}</td>
                    <td className="num">{percent(p.marginPercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selected && <ProductPanel product={selected} canEdit={canUpdate} />}
        </div>
      </div>
      {dialog?.kind === 'product' && <ProductDialog product={dialog.product} defaultCategoryId={defaultCategory} />}
      {dialog?.kind === 'category' && <CategoryDialog categoryId={dialog.categoryId} defaultParentId={defaultCategory} />}
    </div>
  )
}
