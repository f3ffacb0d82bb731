/** The trainees feature's public entry: what other features may use (eslint: features import each other only here). */
export { TraineesPanel } from './TraineesPanel'
