import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { categoryTree, categoryWithDescendants } from '../../../../shared/domain/product-categories'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { useProductsStore } from './products-store'

/**
 * A new category, or a rename / move of one. The parent list leaves out the category itself and everything below it
 * (main refuses such a move too, in case the tree changed meanwhile).
 */
export function CategoryDialog({ categoryId, defaultParentId }: { readonly categoryId: string | null; readonly defaultParentId: string | null }): JSX.Element {
  const { t } = useTranslation()
  const categories = useProductsStore((s) => s.catalogue.categories)
  const dialogOpened = useProductsStore((s) => s.dialogOpened)
  const error = useProductsStore((s) => s.error)
  const errorDismissed = useProductsStore((s) => s.errorDismissed)
  const categorySaved = useProductsStore((s) => s.categorySaved)
  const existing = categories.find((c) => c.id === categoryId) ?? null
  const [name, setName] = useState(existing?.name ?? '')
  const [code, setCode] = useState(existing?.code ?? '')
  const [parentId, setParentId] = useState(existing ? (existing.parentId ?? '') : (defaultParentId ?? ''))
  const [description, setDescription] = useState(existing?.description ?? '')
  const excluded = existing ? categoryWithDescendants(categories, existing.id) : new Set<string>()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!name.trim()) return
    await categorySaved({
      ...(existing ? { id: existing.id } : {}),
      name,
      code: code.trim() || null,
      parentId: parentId || null,
      description,
      isActive: existing?.isActive ?? true,
    })
  }

  return (
    <ModalDialog title={existing ? t('products.editCategory') : t('products.newCategory')} onClose={() => dialogOpened(null)}>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <form className="product-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('products.categoryForm.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <label>
          {t('products.categoryForm.code')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={50}
            placeholder={t('products.form.codeHint')}
            pattern="[A-Za-z0-9][A-Za-z0-9_\-]*"
          />
        </label>
        <label className="product-form__wide">
          {t('products.categoryForm.parent')}
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('products.categoryForm.root')}</option>
            {categoryTree(categories)
              .filter((node) => !excluded.has(node.category.id))
              .map((node) => (
                <option key={node.category.id} value={node.category.id}>
                  {node.path.join(' › ')}
                </option>
              ))}
          </select>
        </label>
        <label className="product-form__wide">
          {t('products.categoryForm.description')}
          <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} />
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => dialogOpened(null)}>
            {t('products.categoryForm.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('products.categoryForm.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
