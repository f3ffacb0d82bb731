/** The meetings feature's public entry: what other features may use (eslint: features import each other only here). */
export { meetingExportColumns, meetingExportRows } from './meeting-export'
