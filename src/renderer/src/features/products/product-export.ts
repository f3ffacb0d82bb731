/**
 * The products list as an export: the rows the screen shows (category, search, inactive filter), with the product
 * form's Korean labels as headers, so the same file can be edited and imported back (코드, 상품명, 분류, 정가…).
 */
import { type TFunction } from 'i18next'
import { type ProductCategoryView, type ProductSummary } from '../../../../shared/ipc/products-types'
import { type ExportColumn, type ExportRow } from '../../components/ExportButton'

export function productExportColumns(t: TFunction): readonly ExportColumn[] {
  return [
    { key: 'code', header: t('products.form.code') },
    { key: 'name', header: t('products.form.name') },
    { key: 'category', header: t('products.form.category') },
    { key: 'type', header: t('products.form.type') },
    { key: 'durationDays', header: t('products.form.durationDays'), kind: 'number' },
    { key: 'durationHours', header: t('products.form.durationHours'), kind: 'number' },
    { key: 'minParticipants', header: t('products.form.minParticipants'), kind: 'number' },
    { key: 'maxParticipants', header: t('products.form.maxParticipants'), kind: 'number' },
    { key: 'listPrice', header: t('products.form.listPrice'), kind: 'won' },
    { key: 'cost', header: t('products.form.cost'), kind: 'won' },
    { key: 'margin', header: t('products.form.margin'), kind: 'won' },
    { key: 'marginPercent', header: t('products.form.marginPercent'), kind: 'number' },
    { key: 'status', header: t('transfer.export.status') },
  ]
}

export function productExportRows(t: TFunction, products: readonly ProductSummary[], categories: readonly ProductCategoryView[]): ExportRow[] {
  // The category's own name, not its path: that is what an import looks categories up by.
  const categoryName = new Map(categories.map((c) => [c.id, c.name]))
  return products.map((p) => ({
    code: p.code,
    name: p.name,
    category: p.categoryId ? (categoryName.get(p.categoryId) ?? null) : null,
    type: p.type ? t(`products.types.${p.type}`) : null,
    durationDays: p.durationDays,
    durationHours: p.durationHours,
    minParticipants: p.minParticipants,
    maxParticipants: p.maxParticipants,
    listPrice: p.listPrice,
    cost: p.cost,
    margin: p.margin,
    marginPercent: p.marginPercent,
    status: p.isActive ? t('products.form.active') : t('products.inactive'),
  }))
}
