/**
 * The product master: each channel is one call into the device's products repository; its refusals become typed,
 * translated errors.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type IpcErrorCode } from '../../shared/ipc/errors'
import { type ProductsChannel } from '../../shared/ipc/products-channels'
import { ProductRuleError, type ProductRule } from '../core/products/products'
import { type HandlerContext } from './context'
import { refusalsOf } from './refusals'

const RULE_ERRORS: Record<ProductRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  notPermitted: 'products.notPermitted',
  duplicateCode: 'products.duplicateCode',
  categoryCycle: 'products.categoryCycle',
  categoryNotFound: 'products.categoryNotFound',
  participantsRange: 'products.participantsRange',
}

export const productsCall = refusalsOf(ProductRuleError, RULE_ERRORS)

type ProductsHandlers = Pick<HandlerTable, Extract<IpcChannel, ProductsChannel>>

export function productsHandlers(ctx: HandlerContext): ProductsHandlers {
  const products = () => ctx.device.products
  return {
    'products.catalogue': () => productsCall(() => products().catalogue()),
    'products.get': ({ id }) => productsCall(() => products().get(id)),
    'products.save': (input) => productsCall(() => products().save(input)),
    'products.saveCategory': (input) => productsCall(() => products().saveCategory(input)),
  }
}
