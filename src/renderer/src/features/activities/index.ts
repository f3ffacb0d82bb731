/** The activities feature's public entry: what other features may use (eslint: features import each other only here). */
export { ActivityPanel } from './ActivityPanel'
export { type LogTarget, QuickLogForm } from './QuickLogForm'
export { Timeline } from './Timeline'
