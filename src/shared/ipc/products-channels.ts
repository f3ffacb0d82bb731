/** The product master channels (상품, 상품 분류), spread into `ipcChannels`. */
export const productsChannels = ['products.catalogue', 'products.get', 'products.save', 'products.saveCategory'] as const

export type ProductsChannel = (typeof productsChannels)[number]
