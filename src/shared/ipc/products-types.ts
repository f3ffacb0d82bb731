/** Output shapes of the product master channels. Margin and margin % are derived on every read, never stored. */
import { type ProductType } from '../model/enums'
import { type CurriculumModule } from '../model/json'

export interface ProductCategoryView {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly parentId: string | null
  readonly description: string | null
  readonly isActive: boolean
}

export interface ProductSummary {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly categoryId: string | null
  readonly type: ProductType | null
  readonly durationDays: number | null
  readonly durationHours: number | null
  readonly minParticipants: number | null
  readonly maxParticipants: number | null
  readonly listPrice: number | null
  readonly cost: number | null
  /** list price − cost; null unless both are known. */
  readonly margin: number | null
  /** margin / list price × 100, two decimals. */
  readonly marginPercent: number | null
  readonly isActive: boolean
}

export interface ProductDetail extends ProductSummary {
  readonly description: string | null
  readonly curriculum: readonly CurriculumModule[]
  readonly prerequisites: readonly string[]
  readonly objectives: readonly string[]
  readonly targetAudience: string | null
}

/** The whole catalogue (a few hundred rows at most): the tree and the list are filtered on screen. */
export interface ProductCatalogue {
  readonly categories: readonly ProductCategoryView[]
  readonly products: readonly ProductSummary[]
}
