/** The attendance feature's public entry: what other features may use (eslint: features import each other only here). */
export { RosterScreen } from './RosterScreen'
export { useAgendaStore } from './agenda-store'
