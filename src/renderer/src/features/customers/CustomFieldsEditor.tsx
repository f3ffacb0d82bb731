import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { translateKey } from '../../i18n'
import { customFieldPairs, customFieldsText } from './company-form-values'

/**
 * 사용자 정의 항목 (companies.custom_fields): a key/value list the customer fills without a migration. Rows are edited
 * in place; the value travels as one text (company-form-values.ts) so "only changed fields are sent" holds for it too.
 */
export function CustomFieldsEditor({
  value,
  error,
  onChange,
}: {
  readonly value: string
  readonly error?: string | undefined
  readonly onChange: (next: string) => void
}): JSX.Element {
  const { t } = useTranslation()
  const pairs = customFieldPairs(value)
  const changed = (index: number, part: 'key' | 'value', text: string): void =>
    onChange(customFieldsText(pairs.map((pair, i) => (i === index ? { ...pair, [part]: text } : pair))))
  return (
    <fieldset className="form-field form-field--wide custom-fields" aria-invalid={Boolean(error)}>
      <legend>{t('editing.company.customFields')}</legend>
      <span className="form-field__hint">{t('editing.company.customFieldsHint')}</span>
      {pairs.map((pair, index) => (
        <div key={index} className="custom-fields__row">
          <input
            aria-label={`${t('editing.company.customKey')} ${index + 1}`}
            placeholder={t('editing.company.customKey')}
            value={pair.key}
            onChange={(e) => changed(index, 'key', e.target.value)}
          />
          <input
            aria-label={`${t('editing.company.customValue')} ${index + 1}`}
            placeholder={t('editing.company.customValue')}
            value={pair.value}
            onChange={(e) => changed(index, 'value', e.target.value)}
          />
          <button
            type="button"
            className="link-button link-button--danger"
            aria-label={t('editing.company.removeCustomField', { key: pair.key || index + 1 })}
            onClick={() => onChange(customFieldsText(pairs.filter((_, i) => i !== index)))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange(customFieldsText([...pairs, { key: '', value: '' }]))}>
        {t('editing.company.addCustomField')}
      </button>
      {error && (
        <span className="form-field__error" role="alert">
          {translateKey(error)}
        </span>
      )}
    </fieldset>
  )
}
