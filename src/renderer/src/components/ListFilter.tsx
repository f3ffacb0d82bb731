import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A list's own text filter (name, code, 초성), the same box on every list. Filtering is the list's business: this
 * only reports what was typed; Esc clears it.
 */
export function ListFilter({
  value,
  onChange,
  label,
  placeholder,
}: {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly label?: string
  readonly placeholder?: string
}): JSX.Element {
  const { t } = useTranslation()
  return (
    <input
      type="search"
      className="list-filter"
      aria-label={label ?? t('everyday.listFilter.label')}
      placeholder={placeholder ?? t('everyday.listFilter.placeholder')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value !== '') {
          e.stopPropagation()
          onChange('')
        }
      }}
    />
  )
}
