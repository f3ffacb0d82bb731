/** Contract entries of the product master channels (spread into `ipcContract`). */
import { z } from 'zod'
import { idSchema } from '../model/validation/common'
import { categorySaveSchema, productSaveSchema } from '../model/validation/products'
import { returns } from './returns'
import { type ProductsChannel } from './products-channels'
import { type ProductCatalogue, type ProductDetail } from './products-types'

export const productsContract = {
  /** Every live category and product (inactive ones included, marked): the screen filters them. */
  'products.catalogue': { input: z.undefined(), output: returns<ProductCatalogue>() },
  'products.get': { input: z.strictObject({ id: idSchema }), output: returns<ProductDetail>() },
  /** Creates (no id) or updates a product; refused for users without the products permission. */
  'products.save': { input: productSaveSchema, output: returns<ProductDetail>() },
  /** Creates, renames or moves a category; a move under itself or a descendant is refused. */
  'products.saveCategory': { input: categorySaveSchema, output: returns<ProductCatalogue>() },
} as const satisfies { readonly [K in ProductsChannel]: { readonly input: z.ZodType; readonly output: object } }
