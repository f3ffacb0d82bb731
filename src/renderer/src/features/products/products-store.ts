/** The product master screen: the catalogue, the chosen category and product, and which dialog is open. */
import { create } from 'zustand'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type ProductCatalogue, type ProductDetail } from '../../../../shared/ipc/products-types'
import { type CategorySaveInput, type ProductSaveInput } from '../../../../shared/model/validation/products'
import { api, toIpcError } from '../../lib/api'

/** `all`: every product; `none`: products without a category; otherwise a category id (with its subcategories). */
export type CategoryChoice = 'all' | 'none' | string

export type ProductsDialog =
  { readonly kind: 'product'; readonly product: ProductDetail | null } | { readonly kind: 'category'; readonly categoryId: string | null }

interface ProductsState {
  readonly catalogue: ProductCatalogue
  readonly loaded: boolean
  readonly category: CategoryChoice
  readonly query: string
  readonly showInactive: boolean
  readonly selected: ProductDetail | null
  readonly dialog: ProductsDialog | null
  readonly error: IpcError | null
}

interface ProductsActions {
  screenOpened(): Promise<void>
  /** A change arrived (lib/live.ts): the catalogue and the selected product again. */
  reload(): Promise<void>
  categoryChosen(category: CategoryChoice): void
  queryTyped(query: string): void
  inactiveToggled(show: boolean): void
  productOpened(id: string): Promise<void>
  dialogOpened(dialog: ProductsDialog | null): void
  productSaved(input: ProductSaveInput): Promise<boolean>
  categorySaved(input: CategorySaveInput): Promise<boolean>
  errorDismissed(): void
}

export type ProductsStore = ProductsState & ProductsActions

export const initialProductsState: ProductsState = {
  catalogue: { categories: [], products: [] },
  loaded: false,
  category: 'all',
  query: '',
  showInactive: false,
  selected: null,
  dialog: null,
  error: null,
}

/** What the products screen reads (lib/live.ts reloads it when one of these changes). */
export const PRODUCTS_READS = ['products', 'product_categories'] as const

export const useProductsStore = create<ProductsStore>()((set, get) => {
  const guard = async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn()
      return true
    } catch (error) {
      set({ error: toIpcError(error) })
      return false
    }
  }
  const reload = async (): Promise<void> => set({ catalogue: await api.products.catalogue(), loaded: true })

  return {
    ...initialProductsState,
    screenOpened: async () => {
      await guard(async () => {
        await reload()
        const selected = get().selected
        if (selected) set({ selected: await api.products.get({ id: selected.id }) })
      })
    },
    categoryChosen: (category) => set({ category }),
    queryTyped: (query) => set({ query }),
    inactiveToggled: (showInactive) => set({ showInactive }),
    reload: async () => {
      await guard(async () => {
        await reload()
        const selected = get().selected
        if (selected) {
          const fresh = await api.products.get({ id: selected.id }).catch(() => null)
          if (get().selected?.id === selected.id) set({ selected: fresh })
        }
      })
    },
    productOpened: async (id) => {
      await guard(async () => set({ selected: await api.products.get({ id }), error: null }))
    },
    dialogOpened: (dialog) => set({ dialog, error: null }),
    productSaved: async (input) =>
      guard(async () => {
        const selected = await api.products.save(input)
        set({ selected, dialog: null, error: null })
        await reload()
      }),
    categorySaved: async (input) =>
      guard(async () => {
        const catalogue = await api.products.saveCategory(input)
        set({ catalogue, dialog: null, error: null })
      }),
    errorDismissed: () => set({ error: null }),
  }
})
