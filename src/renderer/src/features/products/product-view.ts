/**
 * What the product screen shows, as pure functions: the list for the chosen category (with its subcategories), the
 * search (name or code, 초성 allowed), and the curriculum as editable lines ("모듈명 | 시간").
 */
import { categoryWithDescendants } from '../../../../shared/domain/product-categories'
import { compareKorean, matchesChoseong } from '../../../../shared/domain/korean-text'
import { type CurriculumModule } from '../../../../shared/model/json'
import { type ProductCatalogue, type ProductSummary } from '../../../../shared/ipc/products-types'
import { type CategoryChoice } from './products-store'

export function visibleProducts(
  catalogue: ProductCatalogue,
  { category, query, showInactive }: { readonly category: CategoryChoice; readonly query: string; readonly showInactive: boolean },
): ProductSummary[] {
  const links = catalogue.categories.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId }))
  const within = category === 'all' || category === 'none' ? null : categoryWithDescendants(links, category)
  const q = query.trim()
  return catalogue.products
    .filter((p) => showInactive || p.isActive)
    .filter((p) => (category === 'none' ? p.categoryId === null : within === null || (p.categoryId !== null && within.has(p.categoryId))))
    .filter((p) => !q || matchesChoseong(p.name, q) || p.code.toLowerCase().includes(q.toLowerCase()))
    .sort((a, b) => compareKorean(a.name, b.name) || compareKorean(a.code, b.code))
}

export function curriculumToText(modules: readonly CurriculumModule[]): string {
  return modules.map((m) => (m.hours === undefined ? m.title : `${m.title} | ${m.hours}`)).join('\n')
}

/** Null when a line's hours are not a number ≥ 0 (the form then refuses to save). */
export function curriculumFromText(text: string): CurriculumModule[] | null {
  const out: CurriculumModule[] = []
  for (const line of text.split('\n')) {
    const [rawTitle = '', rawHours, ...rest] = line.split('|')
    const title = rawTitle.trim()
    if (!title && rawHours === undefined) continue
    if (!title || rest.length > 0) return null
    if (rawHours === undefined || !rawHours.trim()) {
      out.push({ title })
      continue
    }
    const hours = Number(rawHours.trim())
    if (!Number.isFinite(hours) || hours < 0) return null
    out.push({ title, hours })
  }
  return out
}
