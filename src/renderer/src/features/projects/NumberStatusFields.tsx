/**
 * The number (1차 / 1분반) and status fields a session or class gets when it is edited. Numbers are editable because
 * two devices may pick the same one offline; a person renumbers (docs/hrd-training-rules.md).
 */
import { type JSX } from 'react'

export function NumberStatusFields<S extends string>({
  labels,
  number,
  numberInvalid,
  onNumber,
  status,
  statuses,
  statusLabel,
  onStatus,
}: {
  readonly labels: { readonly number: string; readonly status: string }
  readonly number: string
  readonly numberInvalid: boolean
  readonly onNumber: (value: string) => void
  readonly status: S
  readonly statuses: readonly S[]
  readonly statusLabel: (value: S) => string
  readonly onStatus: (value: S) => void
}): JSX.Element {
  return (
    <>
      <label>
        {labels.number}
        <input type="number" min={1} max={999} value={number} onChange={(e) => onNumber(e.target.value)} aria-invalid={numberInvalid} />
      </label>
      <label>
        {labels.status}
        <select value={status} onChange={(e) => onStatus(e.target.value as S)}>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
