import { describe, expect, it } from 'vitest'
import { nextRow, rosterCommand, type KeyInput } from './roster-keys'

const key = (code: string, mods: Partial<KeyInput> = {}): KeyInput => ({ code, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods })

describe('roster keyboard', () => {
  it('maps digits, numpad and letters to the five statuses by physical key (works with the Korean IME on)', () => {
    expect(['Digit1', 'Numpad1', 'KeyP'].map((c) => rosterCommand(key(c)))).toEqual(Array(3).fill({ kind: 'mark', status: 'PRESENT' }))
    expect(rosterCommand(key('Digit2'))).toEqual({ kind: 'mark', status: 'LATE' })
    expect(rosterCommand(key('KeyE'))).toEqual({ kind: 'mark', status: 'LEFT_EARLY' })
    expect(rosterCommand(key('KeyX'))).toEqual({ kind: 'mark', status: 'EXCUSED' })
    expect(rosterCommand(key('Digit5'))).toEqual({ kind: 'mark', status: 'ABSENT' })
    expect(rosterCommand(key('Digit6'))).toBeNull()
  })

  it('moves with arrows and j/k, opens remarks and walk-in, and marks the rest with Shift+P only', () => {
    expect(rosterCommand(key('KeyJ'))).toEqual({ kind: 'move', by: 1 })
    expect(rosterCommand(key('ArrowUp'))).toEqual({ kind: 'move', by: -1 })
    expect(rosterCommand(key('KeyR'))).toEqual({ kind: 'remarks' })
    expect(rosterCommand(key('KeyN'))).toEqual({ kind: 'walkIn' })
    expect(rosterCommand(key('KeyP', { shiftKey: true }))).toEqual({ kind: 'restPresent' })
    // The browser keeps its own shortcuts (Ctrl+P prints).
    expect(rosterCommand(key('KeyP', { ctrlKey: true }))).toBeNull()
    expect(rosterCommand(key('KeyJ', { shiftKey: true }))).toBeNull()
  })

  it('keeps the cursor inside the roster and advances after a mark', () => {
    expect(nextRow(0, { kind: 'move', by: -1 }, 30)).toBe(0)
    expect(nextRow(29, { kind: 'move', by: 1 }, 30)).toBe(29)
    expect(nextRow(3, { kind: 'mark', status: 'LATE' }, 30)).toBe(4)
    expect(nextRow(29, { kind: 'mark', status: 'LATE' }, 30)).toBe(29)
    expect(nextRow(5, { kind: 'last' }, 30)).toBe(29)
    expect(nextRow(5, { kind: 'remarks' }, 30)).toBe(5)
    expect(nextRow(5, { kind: 'first' }, 0)).toBe(0)
  })
})
