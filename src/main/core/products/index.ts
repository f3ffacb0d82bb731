/** The product master (상품, 상품 분류), on the local replica: `createProducts(ctx)`, the same shape as every core/<domain>/index.ts. */
import { type DomainContext } from '../common/context'
import { createProductsRepo, type ProductsRepo } from './products'

export type { ProductsRepo }

export function createProducts(ctx: DomainContext): ProductsRepo {
  return createProductsRepo(ctx)
}
