/**
 * The idle lock as the window sees it (main keeps the truth, src/main/idle-lock.ts): the setting, whether the window
 * is locked, and the unlock attempt. Reads no synced tables.
 */
import { create } from 'zustand'
import { type LockState } from '../../../../shared/ipc/lock-contract'
import { api } from '../../lib/api'

interface LockStoreState {
  readonly lock: LockState | null
  readonly wrongPassword: boolean
  readonly busy: boolean
}

interface LockActions {
  reload(): Promise<void>
  idleTimeReached(): Promise<void>
  settingsSaved(minutes: number | null): Promise<void>
  passwordSubmitted(password: string): Promise<void>
}

export const readsTables: readonly string[] = []

export const useLockStore = create<LockStoreState & LockActions>()((set) => ({
  lock: null,
  wrongPassword: false,
  busy: false,
  reload: async () => set({ lock: await api.lock.state() }),
  idleTimeReached: async () => set({ lock: await api.lock.lock() }),
  settingsSaved: async (minutes) => set({ lock: await api.lock.saveSettings({ minutes }) }),
  passwordSubmitted: async (password) => {
    set({ busy: true, wrongPassword: false })
    try {
      const result = await api.lock.unlock({ password })
      set({ lock: result.state, wrongPassword: !result.unlocked })
    } finally {
      set({ busy: false })
    }
  },
}))
