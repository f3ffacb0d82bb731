import { type JSX, type KeyboardEvent, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesText } from '../../../shared/domain/korean-text'

export interface ComboboxOption {
  readonly value: string
  readonly label: string
  /** A second line that is also searched (a code, a business number, a company). */
  readonly hint?: string | null
}

/** At most this many matches are drawn; typing narrows a long list faster than scrolling it. */
const SHOWN = 50

/**
 * A searchable picker for long lists (companies, people, opportunities): type part of a name, a code or its 초성
 * (ㅅㅅ → 삼성전자), ↑↓ to move, Enter to pick, Esc to close without changing anything. Replaces a <select> whose
 * options run into the hundreds. `noneLabel` adds an empty choice (value ''), for optional fields.
 */
export function Combobox({
  value,
  options,
  onChange,
  noneLabel,
  id,
  disabled,
  required,
  placeholder,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  'aria-label': ariaLabel,
}: {
  readonly value: string
  readonly options: readonly ComboboxOption[]
  readonly onChange: (value: string) => void
  readonly noneLabel?: string
  readonly id?: string
  readonly disabled?: boolean
  readonly required?: boolean
  readonly placeholder?: string
  readonly 'aria-invalid'?: boolean
  readonly 'aria-describedby'?: string | undefined
  readonly 'aria-label'?: string
}): JSX.Element {
  const { t } = useTranslation()
  const listId = `${useId()}-list`
  const input = useRef<HTMLInputElement>(null)
  const selected = options.find((o) => o.value === value)
  const selectedText = selected?.label ?? ''
  /** null while not typing: the box shows the chosen option's label. */
  const [query, setQuery] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)

  const choices = useMemo(() => {
    const all: ComboboxOption[] = noneLabel !== undefined ? [{ value: '', label: noneLabel }, ...options] : [...options]
    if (query === null || query.trim() === '') return all
    return all.filter((o) => o.value !== '' && matchesText([o.label, o.hint], query))
  }, [options, noneLabel, query])
  const shown = choices.slice(0, SHOWN)

  const close = (): void => {
    setOpen(false)
    setQuery(null)
  }
  const pick = (option: ComboboxOption | undefined): void => {
    if (!option) return
    onChange(option.value)
    close()
  }
  const openAt = (index: number): void => {
    setOpen(true)
    setActive(Math.max(0, Math.min(index, shown.length - 1)))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    // Enter that ends a Hangul composition is not a choice.
    if (event.nativeEvent.isComposing) return
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      if (!open)
        openAt(
          Math.max(
            0,
            shown.findIndex((o) => o.value === value),
          ),
        )
      else setActive((i) => Math.min(i + 1, shown.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      if (open) setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter') {
      if (open) {
        event.preventDefault()
        pick(shown[active])
      }
    } else if (event.key === 'Escape') {
      if (open || query !== null) {
        // Closing the list must not close the dialog the picker sits in.
        event.preventDefault()
        event.stopPropagation()
        close()
      }
    }
  }

  return (
    <div className="combobox">
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        aria-invalid={ariaInvalid}
        aria-describedby={ariaDescribedBy}
        aria-label={ariaLabel}
        aria-required={required}
        disabled={disabled}
        placeholder={placeholder ?? (selected ? undefined : (noneLabel ?? t('everyday.combobox.placeholder')))}
        title={t('everyday.combobox.placeholder')}
        value={query ?? selectedText}
        onChange={(e) => {
          setQuery(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={(e) => e.target.select()}
        onClick={() =>
          open
            ? undefined
            : openAt(
                Math.max(
                  0,
                  shown.findIndex((o) => o.value === value),
                ),
              )
        }
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" className="combobox__list card" aria-label={t('everyday.combobox.count', { count: options.length })}>
          {shown.length === 0 && (
            <li className="combobox__empty" role="presentation">
              {t('everyday.combobox.noMatch', { query: query ?? '' })}
            </li>
          )}
          {shown.map((option, index) => (
            <li
              key={option.value || '__none'}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              data-value={option.value}
              className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
              // mousedown, so the input keeps focus (its blur would close the list before a click lands).
              onMouseDown={(e) => {
                e.preventDefault()
                pick(option)
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="combobox__label">{option.label}</span>
              {option.hint && <span className="combobox__hint">{option.hint}</span>}
            </li>
          ))}
          {choices.length > shown.length && (
            <li className="combobox__more" role="presentation">
              {t('everyday.combobox.more', { count: choices.length - shown.length })}
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
