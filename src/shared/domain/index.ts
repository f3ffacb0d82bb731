// Public business rules of CRM AUGU, usable in the renderer, main and the sync server.
// rounding.ts is an internal helper (exact half-up arithmetic) and is imported directly where needed.

export * from './attendance'
export * from './bant'
export * from './business-number'
export * from './corporate-number'
export * from './dates'
export * from './email'
export * from './fiscal-period'
export * from './josa'
export * from './korean-name'
export * from './korean-text'
export * from './kpi'
export * from './money'
export * from './opportunity-stage'
export * from './phone'
export * from './project-finance'
