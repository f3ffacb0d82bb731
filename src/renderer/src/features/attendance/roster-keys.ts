/**
 * The roster's keyboard: a coordinator marks a whole class without the mouse. Keys are read from `event.code` (the
 * physical key), not `event.key`: with the Korean IME on, J produces ㅓ and P produces ㅔ, and the shortcuts must work
 * whether 한/영 is set or not.
 */
import { type AttendanceStatus } from '../../../../shared/model/enums'

export type RosterCommand =
  | { readonly kind: 'move'; readonly by: 1 | -1 }
  | { readonly kind: 'first' }
  | { readonly kind: 'last' }
  | { readonly kind: 'mark'; readonly status: AttendanceStatus }
  | { readonly kind: 'remarks' }
  | { readonly kind: 'restPresent' }
  | { readonly kind: 'walkIn' }

/** Number row and numpad 1–5, then the letter of each status (P L E X A), in the order of the legend. */
const STATUS_KEYS: Readonly<Record<string, AttendanceStatus>> = {
  Digit1: 'PRESENT',
  Numpad1: 'PRESENT',
  KeyP: 'PRESENT',
  Digit2: 'LATE',
  Numpad2: 'LATE',
  KeyL: 'LATE',
  Digit3: 'LEFT_EARLY',
  Numpad3: 'LEFT_EARLY',
  KeyE: 'LEFT_EARLY',
  Digit4: 'EXCUSED',
  Numpad4: 'EXCUSED',
  KeyX: 'EXCUSED',
  Digit5: 'ABSENT',
  Numpad5: 'ABSENT',
  KeyA: 'ABSENT',
}

export interface KeyInput {
  readonly code: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly altKey: boolean
  readonly metaKey: boolean
}

/** The command a key press means on the roster, or null (the browser keeps the key: Tab, Ctrl+P, typing …). */
export function rosterCommand(key: KeyInput): RosterCommand | null {
  if (key.ctrlKey || key.altKey || key.metaKey) return null
  if (key.shiftKey) return key.code === 'KeyP' ? { kind: 'restPresent' } : null
  switch (key.code) {
    case 'ArrowDown':
    case 'KeyJ':
      return { kind: 'move', by: 1 }
    case 'ArrowUp':
    case 'KeyK':
      return { kind: 'move', by: -1 }
    case 'Home':
      return { kind: 'first' }
    case 'End':
      return { kind: 'last' }
    case 'KeyR':
      return { kind: 'remarks' }
    case 'KeyN':
      return { kind: 'walkIn' }
  }
  const status = STATUS_KEYS[key.code]
  return status ? { kind: 'mark', status } : null
}

/** The row after a command moves the cursor, kept inside the roster. */
export function nextRow(current: number, command: RosterCommand, length: number): number {
  if (length === 0) return 0
  const clamp = (n: number): number => Math.min(Math.max(n, 0), length - 1)
  switch (command.kind) {
    case 'move':
      return clamp(current + command.by)
    case 'first':
      return 0
    case 'last':
      return length - 1
    // Marking moves on, so a run of marks is one key per trainee.
    case 'mark':
      return clamp(current + 1)
    default:
      return clamp(current)
  }
}
