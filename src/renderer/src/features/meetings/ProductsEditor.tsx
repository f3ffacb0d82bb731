import { type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { money } from '../../lib/money'
import { type MeetingOptions } from '../../../../shared/ipc/meetings-types'
import { wonText } from '../../components/WonInput'
import { draftKey, draftLineAmounts, type FieldErrors, type ProductDraft } from './meeting-draft'
import { RowError } from './RowError'
import { useCan } from '../../lib/permissions'

/**
 * 제안 상품: product, quantity, unit price (empty = the product's list price), discount rate. Each line's amount,
 * discount in won and total are derived as the user types (shared rule: one half-up rounding per line), and the
 * proposal's sums under the table are the sums of those lines.
 */
export function ProductsEditor({
  rows,
  errors,
  options,
  readOnly,
  onChange,
}: {
  readonly rows: readonly ProductDraft[]
  readonly errors: FieldErrors
  readonly options: MeetingOptions | null
  readonly readOnly: boolean
  readonly onChange: (rows: readonly ProductDraft[]) => void
}): JSX.Element {
  const { t } = useTranslation()
  // A saved row taken out is deleted on save: offered only with the grant (a row not yet saved can always go).
  const canDelete = useCan('meeting_products', 'delete')
  const [productId, setProductId] = useState('')
  const patch = (key: string, change: Partial<ProductDraft>): void => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const products = options?.products ?? []
  const amounts = rows.map((r) => draftLineAmounts(r, options))
  const sums = { gross: 0, discount: 0, total: 0, unpriced: 0 }
  for (const a of amounts) {
    if (!a) {
      sums.unpriced += 1
      continue
    }
    sums.gross += a.gross
    sums.discount += a.discount
    sums.total += a.total
  }
  return (
    <div className="meeting-list-editor">
      {rows.length === 0 ? (
        <p className="muted">{t('meetings.products.empty')}</p>
      ) : (
        <table className="meeting-table meeting-products" data-testid="proposed-products">
          <thead>
            <tr>
              <th>{t('meetings.products.product')}</th>
              <th>{t('meetings.products.quantity')}</th>
              <th>{t('meetings.products.unitPrice')}</th>
              <th>{t('meetings.products.discount')}</th>
              <th className="num">{t('meetings.products.gross')}</th>
              <th className="num">{t('meetings.products.discountAmount')}</th>
              <th className="num">{t('meetings.products.total')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, index) => {
              const product = products.find((p) => p.id === r.productId)
              const line = amounts[index]
              const err = (field: string) => errors[`products.${index}.${field}`]
              return (
                <tr key={r.key} data-testid="proposed-product">
                  <td>
                    {product ? product.name : r.productId}
                    {product?.listPrice != null && <div className="muted small">{t('meetings.products.listPrice', { price: money(product.listPrice) })}</div>}
                    <RowError error={errors[`products.${index}.productId`]} />
                  </td>
                  <td>
                    <input
                      className="meeting-products__qty"
                      aria-label={t('meetings.products.quantity')}
                      inputMode="numeric"
                      value={r.quantity}
                      disabled={readOnly}
                      aria-invalid={Boolean(err('quantity'))}
                      onChange={(e) => patch(r.key, { quantity: e.target.value })}
                    />
                    <RowError error={err('quantity')} />
                  </td>
                  <td>
                    <input
                      aria-label={t('meetings.products.unitPrice')}
                      inputMode="numeric"
                      placeholder={product?.listPrice != null ? product.listPrice.toLocaleString('ko-KR') : ''}
                      title={t('meetings.products.unitPriceHint')}
                      value={r.unitPrice.text}
                      disabled={readOnly}
                      aria-invalid={!r.unitPrice.valid || Boolean(err('unitPrice'))}
                      onChange={(e) => patch(r.key, { unitPrice: wonText(e.target.value) })}
                    />
                    <RowError error={err('unitPrice')} />
                  </td>
                  <td>
                    <input
                      className="meeting-products__rate"
                      aria-label={t('meetings.products.discount')}
                      inputMode="decimal"
                      value={r.discount}
                      disabled={readOnly}
                      aria-invalid={Boolean(err('discountPercent'))}
                      onChange={(e) => patch(r.key, { discount: e.target.value })}
                    />
                    <RowError error={err('discountPercent')} />
                  </td>
                  <td className="num tabular">{line ? money(line.gross) : '—'}</td>
                  <td className="num tabular">{line ? money(line.discount) : '—'}</td>
                  <td className="num tabular" data-testid="line-total">
                    {line ? money(line.total) : t('meetings.products.unpriced')}
                  </td>
                  <td>
                    {!readOnly && (r.id === undefined || canDelete) && (
                      <button type="button" className="link-button link-button--danger" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
                        {t('meetings.dialog.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={4}>{t('meetings.products.sumGross')}</th>
              <td className="num tabular" data-testid="proposal-gross">
                {money(sums.gross)}
              </td>
              <td colSpan={3} />
            </tr>
            <tr>
              <th colSpan={5}>{t('meetings.products.sumDiscount')}</th>
              <td className="num tabular" data-testid="proposal-discount">
                {money(sums.discount)}
              </td>
              <td colSpan={2} />
            </tr>
            <tr className="meeting-products__total">
              <th colSpan={6}>{t('meetings.products.sumTotal')}</th>
              <td className="num tabular" data-testid="proposal-total">
                {money(sums.total)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {sums.unpriced > 0 && <p className="form-field__hint">{t('meetings.products.unpricedLines', { count: sums.unpriced })}</p>}
      {rows.length > 0 && <p className="muted small">{t('meetings.products.rounding')}</p>}
      {!readOnly && (
        <div className="meeting-adder">
          <select aria-label={t('meetings.products.product')} value={productId} onChange={(e) => setProductId(e.target.value)}>
            <option value="">{t('meetings.dialog.choose')}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.listPrice != null ? ` · ${money(p.listPrice)}` : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={!productId}
            onClick={() => {
              onChange([...rows, { key: draftKey(), productId, quantity: '1', unitPrice: wonText(''), discount: '0' }])
              setProductId('')
            }}
          >
            {t('meetings.products.add')}
          </button>
        </div>
      )}
    </div>
  )
}
