/**
 * Session state of this PC (first run, demo, signed in). Actions are named after what happened, not what they set.
 */
import { create } from 'zustand'
import { type LoginInput, type SessionState } from '../../../../shared/ipc/contract'
import { type IpcError } from '../../../../shared/ipc/errors'
import { api, toIpcError } from '../../lib/api'

type Busy = 'loading' | 'demo' | 'login' | 'logout' | null

interface SessionStoreState {
  /** null until main has answered `session.state`. */
  readonly session: SessionState | null
  readonly busy: Busy
  readonly error: IpcError | null
}

interface SessionActions {
  appOpened(): Promise<void>
  demoChosen(): Promise<void>
  loginSubmitted(input: LoginInput): Promise<void>
  /**
   * Resolves to the number of unsynced changes that blocked the sign-out (0 when it went through). `removeCopy` also
   * erases this PC's copy; with changes waiting, `confirmDiscard` is the number the user confirmed losing.
   */
  signOutRequested(options?: { force: boolean; removeCopy?: boolean; confirmDiscard?: number }): Promise<number>
  errorDismissed(): void
  /** Main answered with a new session state (e.g. after a password change). */
  sessionChanged(session: SessionState): void
}

export type SessionStore = SessionStoreState & SessionActions

export const initialSessionState: SessionStoreState = { session: null, busy: null, error: null }

export const useSessionStore = create<SessionStore>()((set) => {
  const run = async (busy: Exclude<Busy, null>, action: () => Promise<SessionState>): Promise<void> => {
    set({ busy, error: null })
    try {
      set({ session: await action(), busy: null })
    } catch (error) {
      set({ busy: null, error: toIpcError(error) })
    }
  }

  return {
    ...initialSessionState,
    appOpened: () => run('loading', () => api.session.state()),
    demoChosen: () => run('demo', () => api.session.startDemo()),
    loginSubmitted: (input) => run('login', () => api.session.login(input)),
    signOutRequested: async (options) => {
      set({ busy: 'logout', error: null })
      try {
        set({ session: await api.session.logout(options), busy: null })
        return 0
      } catch (error) {
        const ipc = toIpcError(error)
        if (ipc.code === 'session.unsyncedChanges' && !options?.force && !options?.removeCopy) {
          set({ busy: null })
          return Number(ipc.params.count ?? 0)
        }
        set({ busy: null, error: ipc })
        return 0
      }
    },
    errorDismissed: () => set({ error: null }),
    sessionChanged: (session) => set({ session }),
  }
})
