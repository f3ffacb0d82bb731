/**
 * Notices that outlive the screen or dialog that raised them, e.g. "the record you had open is no longer available"
 * after a dialog closed because its record left the user's scope. Shown by <NoticeHost/> in the app shell.
 */
import { create } from 'zustand'

export interface Notice {
  readonly id: number
  readonly title: string
  readonly body: string
}

interface NoticeState {
  readonly notices: readonly Notice[]
  shown(title: string, body: string): void
  dismissed(id: number): void
}

let next = 1

export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  shown: (title, body) => set((s) => ({ notices: [...s.notices.filter((n) => n.title !== title || n.body !== body), { id: next++, title, body }] })),
  dismissed: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}))

export function showNotice(title: string, body: string): void {
  useNoticeStore.getState().shown(title, body)
}
