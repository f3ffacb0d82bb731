/** The links feature's public entry: what other features may use (eslint: features import each other only here). */
export { ExternalLink } from './ExternalLink'
