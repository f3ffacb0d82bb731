import { type JSX, useId } from 'react'
import { parseWon } from '../../../shared/domain/money'
import { moneyExact } from '../lib/money'

/** What the user typed in a won field: empty, a whole-won amount, or something that is not one. */
export type WonText = { readonly text: string; readonly value: number | null; readonly valid: boolean }

export function wonText(text: string): WonText {
  if (!text.trim()) return { text, value: null, valid: true }
  const value = parseWon(text)
  return { text, value, valid: value !== null && value >= 0 }
}

/**
 * An amount in won, typed the way people write it (30,000,000 · 3000만 · 1.2억); the exact amount it means is shown
 * underneath, so "2400만" is never a surprise. Invalid text marks the field and the form refuses to submit.
 */
export function WonInput({
  label,
  value,
  invalidText,
  onChange,
}: {
  readonly label: string
  readonly value: WonText
  readonly invalidText: string
  readonly onChange: (next: WonText) => void
}): JSX.Element {
  const hintId = useId()
  return (
    <div className="won-field">
      <label>
        <span>{label}</span>
        <input
          inputMode="numeric"
          placeholder="30,000,000"
          value={value.text}
          aria-invalid={!value.valid}
          aria-describedby={hintId}
          onChange={(event) => {
            const next = wonText(event.target.value)
            event.target.setCustomValidity(next.valid ? '' : invalidText)
            onChange(next)
          }}
        />
      </label>
      {/* Outside the label, so the field's accessible name stays just its label. */}
      <small id={hintId} className={value.valid ? 'won-hint' : 'won-hint won-hint--invalid'}>
        {value.valid ? (value.value === null ? '' : moneyExact(value.value)) : invalidText}
      </small>
    </div>
  )
}
