import { create } from 'zustand'
import { type ScreenId } from './navigation'

interface NavigationStore {
  readonly screen: ScreenId
  screenOpened(screen: ScreenId): void
}

export const initialNavigationState = { screen: 'dashboard' } as const satisfies Pick<NavigationStore, 'screen'>

export const useNavigationStore = create<NavigationStore>()((set) => ({
  ...initialNavigationState,
  screenOpened: (screen) => set({ screen }),
}))
