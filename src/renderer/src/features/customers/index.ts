/** The customers feature's public entry: what other features may use (eslint: features import each other only here). */
export { companyExportColumns, companyExportRows } from './company-export'
