/** The app's screens, declared once as data: the sidebar, the header title and the screen registry read from here. */
export const screenIds = [
  'dashboard',
  'companies',
  'leads',
  'opportunities',
  'projects',
  'contracts',
  'training',
  'meetings',
  'products',
  'kpi',
  'admin',
] as const

export type ScreenId = (typeof screenIds)[number]

/** Visual grouping of the sidebar: sales, delivery, then management. */
export const navGroups: ReadonlyArray<ReadonlyArray<ScreenId>> = [
  ['dashboard'],
  ['companies', 'leads', 'opportunities'],
  ['projects', 'contracts', 'training', 'meetings', 'products'],
  ['kpi', 'admin'],
]

/**
 * Screens shown only to people who may work with their records (permission rule of the named table, any write
 * action): the contracts screen is for whoever may create or edit contracts. The server's scope still decides which
 * rows reach the device; this only keeps a menu entry away from people who could do nothing on it.
 */
export const screenPermission: Partial<Readonly<Record<ScreenId, 'contracts'>>> = { contracts: 'contracts' }
