/** The opportunities feature's public entry: what other features may use (eslint: features import each other only here). */
export { stageLabel } from './stage-label'
