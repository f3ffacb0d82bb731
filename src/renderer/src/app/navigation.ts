/** The app's screens, declared once as data: the sidebar, the header title and the screen registry read from here. */
export const screenIds = [
  'dashboard',
  'companies',
  'leads',
  'opportunities',
  'projects',
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
  ['projects', 'training', 'meetings', 'products'],
  ['kpi', 'admin'],
]
