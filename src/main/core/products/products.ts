/**
 * The product master (상품, 상품 분류) on the device. Read by everyone (consultants quote from it); written only by users
 * the permission rule allows (MANAGER / EXECUTIVE by default, or a role granted `products`), checked here as well as on
 * the server so a refused edit never reaches the outbox.
 *
 * - Margin and margin % are derived from list price and cost on every read (project-finance), never stored.
 * - Codes are unique. A code left empty gets an offline-safe one (P-7K3M-9QXA-2BHT, src/shared/ids/record-code.ts); a
 *   typed code already used on this device is refused. Two devices typing the same code offline is refused by the
 *   server's unique index and shows in the sync panel.
 * - A category move under itself or one of its descendants is refused (createsCategoryCycle); a loop made by two
 *   offline moves still renders (categoryTree shows its members at the top level) and can be undone by a move here.
 */
import { createsCategoryCycle } from '../../../shared/domain/product-categories'
import { productMargin, productMarginPercent } from '../../../shared/domain/project-finance'
import { type CurriculumModule } from '../../../shared/model/json'
import { type ProductType } from '../../../shared/model/enums'
import { type CategorySave, type ProductSave } from '../../../shared/model/validation/products'
import { type ProductCatalogue, type ProductCategoryView, type ProductDetail, type ProductSummary } from '../../../shared/ipc/products-types'
import { newRecordCode } from '../../../shared/ids/record-code'
import { type RepoContext } from '../common/context'
import { RuleError } from '../rule-error'

export const PRODUCT_RULES = ['notFound', 'signInToEdit', 'notPermitted', 'duplicateCode', 'categoryCycle', 'categoryNotFound', 'participantsRange'] as const
export type ProductRule = (typeof PRODUCT_RULES)[number]

export class ProductRuleError extends RuleError<ProductRule> {}

export interface ProductsRepo {
  catalogue(): ProductCatalogue
  get(id: string): ProductDetail
  save(input: ProductSave): ProductDetail
  saveCategory(input: CategorySave): ProductCatalogue
}

interface ProductRow {
  id: string
  code: string
  name: string
  category_id: string | null
  type: ProductType | null
  description: string | null
  duration_days: number | null
  duration_hours: number | null
  min_participants: number | null
  max_participants: number | null
  list_price: number | null
  cost: number | null
  curriculum: string | null
  prerequisites: string | null
  objectives: string | null
  target_audience: string | null
  is_active: number
}

interface CategoryRow {
  id: string
  code: string
  name: string
  parent_id: string | null
  description: string | null
  is_active: number
}

const SUMMARY_COLUMNS = `id, code, name, category_id, type, duration_days, duration_hours, min_participants, max_participants,
  list_price, cost, is_active`

/** JSON columns written by other devices or versions: anything that is not the expected list reads as empty. */
function jsonList<T>(raw: string | null, keep: (item: unknown) => item is T): T[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) ? value.filter(keep) : []
  } catch {
    return []
  }
}
const isText = (item: unknown): item is string => typeof item === 'string'
const isModule = (item: unknown): item is CurriculumModule =>
  typeof item === 'object' && item !== null && typeof (item as { title?: unknown }).title === 'string'

function summaryOf(row: Omit<ProductRow, 'description' | 'curriculum' | 'prerequisites' | 'objectives' | 'target_audience'>): ProductSummary {
  const figures = { listPrice: row.list_price, cost: row.cost }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    categoryId: row.category_id,
    type: row.type,
    durationDays: row.duration_days,
    durationHours: row.duration_hours,
    minParticipants: row.min_participants,
    maxParticipants: row.max_participants,
    listPrice: row.list_price,
    cost: row.cost,
    margin: productMargin(figures),
    marginPercent: productMarginPercent(figures),
    isActive: row.is_active === 1,
  }
}

const categoryOf = (row: CategoryRow): ProductCategoryView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  parentId: row.parent_id,
  description: row.description,
  isActive: row.is_active === 1,
})

export function createProductsRepo(ctx: RepoContext): ProductsRepo {
  const { sqlite, writer } = ctx
  const allProducts = sqlite.prepare<[], ProductRow>(`SELECT ${SUMMARY_COLUMNS} FROM products WHERE deleted_at IS NULL ORDER BY code, id`)
  const productById = sqlite.prepare<[string], ProductRow>(
    `SELECT ${SUMMARY_COLUMNS}, description, curriculum, prerequisites, objectives, target_audience
       FROM products WHERE id = ? AND deleted_at IS NULL`,
  )
  const productCodeTaken = sqlite.prepare<[string, string], { id: string }>(
    'SELECT id FROM products WHERE upper(code) = ? AND id <> ? AND deleted_at IS NULL LIMIT 1',
  )
  const allCategories = sqlite.prepare<[], CategoryRow>(
    'SELECT id, code, name, parent_id, description, is_active FROM product_categories WHERE deleted_at IS NULL ORDER BY code, id',
  )
  const categoryById = sqlite.prepare<[string], CategoryRow>(
    'SELECT id, code, name, parent_id, description, is_active FROM product_categories WHERE id = ? AND deleted_at IS NULL',
  )
  const categoryCodeTaken = sqlite.prepare<[string, string], { id: string }>(
    'SELECT id FROM product_categories WHERE upper(code) = ? AND id <> ? AND deleted_at IS NULL LIMIT 1',
  )

  // Permission to write the catalogue is the writer's check (outbox/write-permission.ts).
  const requireSignedIn = (): void => {
    if (!ctx.actor()) throw new ProductRuleError('signInToEdit', 'Nobody is signed in')
  }
  const catalogue = (): ProductCatalogue => ({
    categories: allCategories.all().map(categoryOf),
    products: allProducts.all().map(summaryOf),
  })

  const get = (id: string): ProductDetail => {
    const row = productById.get(id)
    if (!row) throw new ProductRuleError('notFound', `No product ${id} on this device`)
    return {
      ...summaryOf(row),
      description: row.description,
      curriculum: jsonList(row.curriculum, isModule),
      prerequisites: jsonList(row.prerequisites, isText),
      objectives: jsonList(row.objectives, isText),
      targetAudience: row.target_audience,
    }
  }

  return {
    catalogue,
    get,

    save(input) {
      const existing = input.id ? productById.get(input.id) : undefined
      if (input.id && !existing) throw new ProductRuleError('notFound', `No product ${input.id} on this device`)
      requireSignedIn()
      // The form's rule, again here: an IPC caller or an older renderer must not store min > max.
      if (input.minParticipants !== null && input.maxParticipants !== null && input.minParticipants > input.maxParticipants) {
        throw new ProductRuleError('participantsRange', 'min participants above max')
      }
      if (input.categoryId && !categoryById.get(input.categoryId)) {
        throw new ProductRuleError('categoryNotFound', `No category ${input.categoryId}`)
      }
      const id = existing?.id ?? ctx.newId()
      const code = input.code ?? existing?.code ?? newRecordCode('products')
      if (productCodeTaken.get(code.toUpperCase(), id)) throw new ProductRuleError('duplicateCode', `code ${code} is taken`)
      writer.upsert('products', id, {
        code,
        name: input.name,
        category_id: input.categoryId,
        type: input.type,
        description: input.description,
        duration_days: input.durationDays,
        duration_hours: input.durationHours,
        min_participants: input.minParticipants,
        max_participants: input.maxParticipants,
        list_price: input.listPrice,
        cost: input.cost,
        curriculum: input.curriculum,
        prerequisites: input.prerequisites,
        objectives: input.objectives,
        target_audience: input.targetAudience,
        is_active: input.isActive,
      })
      return get(id)
    },

    saveCategory(input) {
      const existing = input.id ? categoryById.get(input.id) : undefined
      if (input.id && !existing) throw new ProductRuleError('categoryNotFound', `No category ${input.id} on this device`)
      requireSignedIn()
      const id = existing?.id ?? ctx.newId()
      if (input.parentId !== null) {
        if (!categoryById.get(input.parentId)) throw new ProductRuleError('categoryNotFound', `No category ${input.parentId}`)
        const links = allCategories.all().map((c) => ({ id: c.id, name: c.name, parentId: c.parent_id }))
        if (createsCategoryCycle(links, id, input.parentId)) throw new ProductRuleError('categoryCycle', 'a category cannot sit under itself')
      }
      const code = input.code ?? existing?.code ?? newRecordCode('product_categories')
      if (categoryCodeTaken.get(code.toUpperCase(), id)) throw new ProductRuleError('duplicateCode', `code ${code} is taken`)
      writer.upsert('product_categories', id, {
        code,
        name: input.name,
        parent_id: input.parentId,
        description: input.description,
        is_active: input.isActive,
      })
      return catalogue()
    },
  }
}
