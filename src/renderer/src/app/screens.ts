/**
 * The screen registry: each screen is its own chunk, loaded the first time it is opened, so the first-run and sign-in
 * screens do not wait for the charts library or the admin screens. Links to records still reach screens that load
 * late (lib/record-links.ts replays the last link to new listeners).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { type UserRole } from '../../../shared/ipc/contract'
import { type ScreenId } from './navigation'

export interface ScreenProps {
  readonly role: UserRole
}

type Screen = LazyExoticComponent<ComponentType<ScreenProps>>

/** `lazy` wants a default export; our modules export the component by name. */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType<ScreenProps>>>, name: K): Screen {
  return lazy(async () => ({ default: (await load())[name] }))
}

export const SCREENS: Readonly<Record<ScreenId, Screen>> = {
  dashboard: screen(() => import('../features/coordinator/HomeScreen'), 'HomeScreen'),
  companies: screen(() => import('../features/customers/CompaniesScreen'), 'CompaniesScreen'),
  leads: screen(() => import('../features/leads/LeadsScreen'), 'LeadsScreen'),
  opportunities: screen(() => import('../features/opportunities/OpportunitiesScreen'), 'OpportunitiesScreen'),
  projects: screen(() => import('../features/projects/ProjectsScreen'), 'ProjectsScreen'),
  contracts: screen(() => import('../features/contracts/ContractsScreen'), 'ContractsScreen'),
  training: screen(() => import('../features/attendance/TrainingScreen'), 'TrainingScreen'),
  meetings: screen(() => import('../features/meetings/MeetingsScreen'), 'MeetingsScreen'),
  products: screen(() => import('../features/products/ProductsScreen'), 'ProductsScreen'),
  kpi: screen(() => import('../features/kpi/KpiScreen'), 'KpiScreen'),
  admin: screen(() => import('../features/admin/AdminScreen'), 'AdminScreen'),
}
