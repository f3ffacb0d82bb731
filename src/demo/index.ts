/** Deterministic Korean HRD demo data for every synced table (see generate.ts). */
export { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNT_LIST, DEMO_ACCOUNTS, type DemoAccount, type DemoAccountKey } from './accounts'
export { referenceTimeForSeed } from './clock'
export { demoPlan, generateDemoData, generateDemoTables, resolveReferenceTime, type DemoOptions, type DemoTableBatch, type WireRow } from './generate'
export { MAX_SCALE, MIN_SCALE, planDemo, type DemoPlan } from './plan'
export { type DemoSeed } from './prng'
