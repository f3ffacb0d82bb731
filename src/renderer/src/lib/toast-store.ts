/**
 * The confirmation toast at the bottom of the window: what just happened, and "되돌리기" for the last action when it
 * can be undone. One toast at a time; a new action replaces the previous one (and with it the chance to undo it, as
 * in any editor: only the last action is undone from here, older ones from the trash).
 */
import { create } from 'zustand'

export interface Toast {
  readonly id: number
  readonly message: string
  /** Present when the action can be undone; resolves with the message to show after undoing. */
  readonly undo?: () => Promise<string>
}

interface ToastState {
  readonly toast: Toast | null
  shown(message: string, undo?: () => Promise<string>): void
  dismissed(id?: number): void
}

let next = 1

export const useToastStore = create<ToastState>()((set, get) => ({
  toast: null,
  shown: (message, undo) => set({ toast: { id: next++, message, ...(undo ? { undo } : {}) } }),
  dismissed: (id) => {
    if (id === undefined || get().toast?.id === id) set({ toast: null })
  },
}))
