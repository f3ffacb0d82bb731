/** The dashboard feature's public entry: what other features may use (eslint: features import each other only here). */
export { DashboardScreen } from './DashboardScreen'
