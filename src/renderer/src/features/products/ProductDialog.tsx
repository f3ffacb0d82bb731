import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { productMargin, productMarginPercent } from '../../../../shared/domain/project-finance'
import { money } from '../../lib/money'
import { categoryTree } from '../../../../shared/domain/product-categories'
import { PRODUCT_TYPES, type ProductType } from '../../../../shared/model/enums'
import { type ProductDetail } from '../../../../shared/ipc/products-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ModalDialog } from '../../components/ModalDialog'
import { WonInput, wonText, type WonText } from '../../components/WonInput'
import { curriculumFromText, curriculumToText } from './product-view'
import { useProductsStore } from './products-store'

const countText = (value: number | null): string => (value === null ? '' : String(value))
/** '' → null; a whole number ≥ 0 → it; anything else → undefined (invalid). */
const parseCount = (text: string): number | null | undefined => {
  if (!text.trim()) return null
  const value = Number(text)
  return Number.isInteger(value) && value >= 0 ? value : undefined
}
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/**
 * A new or edited product. Margin and margin % are shown as the user types price and cost (derived, never typed); the
 * same rules as main (min ≤ max participants, amounts in whole won ≥ 0) keep the save button from sending bad input.
 */
export function ProductDialog({
  product,
  defaultCategoryId,
}: {
  readonly product: ProductDetail | null
  readonly defaultCategoryId: string | null
}): JSX.Element {
  const { t } = useTranslation()
  const categories = useProductsStore((s) => s.catalogue.categories)
  const dialogOpened = useProductsStore((s) => s.dialogOpened)
  const error = useProductsStore((s) => s.error)
  const errorDismissed = useProductsStore((s) => s.errorDismissed)
  const productSaved = useProductsStore((s) => s.productSaved)
  const [code, setCode] = useState(product?.code ?? '')
  const [name, setName] = useState(product?.name ?? '')
  const [categoryId, setCategoryId] = useState(product?.categoryId ?? defaultCategoryId ?? '')
  const [type, setType] = useState<ProductType | ''>(product?.type ?? '')
  const [days, setDays] = useState(countText(product?.durationDays ?? null))
  const [hours, setHours] = useState(countText(product?.durationHours ?? null))
  const [minText, setMinText] = useState(countText(product?.minParticipants ?? null))
  const [maxText, setMaxText] = useState(countText(product?.maxParticipants ?? null))
  const [listPrice, setListPrice] = useState<WonText>(wonText(product?.listPrice === null || !product ? '' : String(product.listPrice)))
  const [cost, setCost] = useState<WonText>(wonText(product?.cost === null || !product ? '' : String(product.cost)))
  const [description, setDescription] = useState(product?.description ?? '')
  const [curriculum, setCurriculum] = useState(curriculumToText(product?.curriculum ?? []))
  const [objectives, setObjectives] = useState((product?.objectives ?? []).join('\n'))
  const [prerequisites, setPrerequisites] = useState((product?.prerequisites ?? []).join('\n'))
  const [targetAudience, setTargetAudience] = useState(product?.targetAudience ?? '')
  const [isActive, setIsActive] = useState(product?.isActive ?? true)
  const [submitted, setSubmitted] = useState(false)

  const counts = { days: parseCount(days), hours: parseCount(hours), min: parseCount(minText), max: parseCount(maxText) }
  const modules = curriculumFromText(curriculum)
  const errors = {
    name: !name.trim() ? t('products.form.required') : null,
    code: code.trim() && !CODE.test(code.trim()) ? t('products.form.badCode') : null,
    days: counts.days === undefined ? t('products.form.wholeNumber') : null,
    hours: counts.hours === undefined ? t('products.form.wholeNumber') : null,
    min: counts.min === undefined ? t('products.form.wholeNumber') : null,
    max:
      counts.max === undefined
        ? t('products.form.wholeNumber')
        : counts.min != null && counts.max !== null && counts.min > counts.max
          ? t('products.form.minAboveMax')
          : null,
    curriculum: modules === null ? t('products.form.badCurriculum') : null,
  }
  const invalid = Object.values(errors).some(Boolean) || !listPrice.valid || !cost.valid
  const figures = { listPrice: listPrice.value, cost: cost.value }
  const margin = listPrice.valid && cost.valid ? productMargin(figures) : null
  const marginPercent = listPrice.valid && cost.valid ? productMarginPercent(figures) : null

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSubmitted(true)
    if (invalid || modules === null) return
    await productSaved({
      ...(product ? { id: product.id } : {}),
      code: code.trim() || null,
      name,
      categoryId: categoryId || null,
      type: type || null,
      description,
      durationDays: counts.days ?? null,
      durationHours: counts.hours ?? null,
      minParticipants: counts.min ?? null,
      maxParticipants: counts.max ?? null,
      listPrice: listPrice.value,
      cost: cost.value,
      curriculum: modules,
      objectives: objectives.split('\n'),
      prerequisites: prerequisites.split('\n'),
      targetAudience,
      isActive,
    })
  }
  const shown = (message: string | null): JSX.Element | null =>
    message && submitted ? (
      <p role="alert" className="form-field__error">
        {message}
      </p>
    ) : null

  return (
    <ModalDialog title={product ? t('products.editProduct') : t('products.newProduct')} onClose={() => dialogOpened(null)} wide>
      {error && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      <form className="product-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="product-form__field">
          <label>
            {t('products.form.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={255} aria-invalid={submitted && Boolean(errors.name)} />
          </label>
          {shown(errors.name)}
        </div>
        <div className="product-form__field">
          <label>
            {t('products.form.code')}
            <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={50} placeholder={t('products.form.codeHint')} />
          </label>
          {shown(errors.code)}
        </div>
        <label>
          {t('products.form.category')}
          <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('products.form.noCategory')}</option>
            {categoryTree(categories).map((node) => (
              <option key={node.category.id} value={node.category.id}>
                {node.path.join(' › ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('products.form.type')}
          <select value={type} onChange={(e) => setType(e.target.value as ProductType | '')}>
            <option value="">{t('products.form.noType')}</option>
            {PRODUCT_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`products.types.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="product-form__field">
          <label>
            {t('products.form.durationDays')}
            <input inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          {shown(errors.days)}
        </div>
        <div className="product-form__field">
          <label>
            {t('products.form.durationHours')}
            <input inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
          </label>
          {shown(errors.hours)}
        </div>
        <div className="product-form__field">
          <label>
            {t('products.form.minParticipants')}
            <input inputMode="numeric" value={minText} onChange={(e) => setMinText(e.target.value)} />
          </label>
          {shown(errors.min)}
        </div>
        <div className="product-form__field">
          <label>
            {t('products.form.maxParticipants')}
            <input inputMode="numeric" value={maxText} onChange={(e) => setMaxText(e.target.value)} aria-invalid={submitted && Boolean(errors.max)} />
          </label>
          {shown(errors.max)}
        </div>
        <WonInput label={t('products.form.listPrice')} value={listPrice} invalidText={t('products.form.notWon')} onChange={setListPrice} />
        <WonInput label={t('products.form.cost')} value={cost} invalidText={t('products.form.notWon')} onChange={setCost} />
        <p className="product-form__margin" data-testid="form-margin">
          {t('products.form.margin')} <strong>{margin === null ? '—' : money(margin)}</strong> · {t('products.form.marginPercent')}{' '}
          <strong>{marginPercent === null ? '—' : `${marginPercent}%`}</strong>
          <span className="muted"> ({t('products.detail.marginHint')})</span>
        </p>
        <label className="product-form__wide">
          {t('products.form.description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={4000} />
        </label>
        <div className="product-form__field product-form__wide">
          <label>
            {t('products.form.curriculum')}
            <textarea value={curriculum} onChange={(e) => setCurriculum(e.target.value)} rows={4} />
          </label>
          {shown(errors.curriculum)}
        </div>
        <label>
          {t('products.form.objectives')}
          <textarea value={objectives} onChange={(e) => setObjectives(e.target.value)} rows={3} />
        </label>
        <label>
          {t('products.form.prerequisites')}
          <textarea value={prerequisites} onChange={(e) => setPrerequisites(e.target.value)} rows={3} />
        </label>
        <label className="product-form__wide">
          {t('products.form.targetAudience')}
          <input value={targetAudience} onChange={(e) => setTargetAudience(e.target.value)} maxLength={1000} />
        </label>
        <label className="product-form__check">
          <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} />
          {t('products.form.active')}
        </label>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => dialogOpened(null)}>
            {t('products.form.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('products.form.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
