/** The export feature's public entry: what other features may use (eslint: features import each other only here). */
export {
  attendanceExportColumns,
  contactExportColumns,
  contactExportRows,
  kpiExportColumns,
  kpiExportRows,
  opportunityExportColumns,
  opportunityExportRows,
  projectExportColumns,
  projectExportRows,
  rosterExportRows,
} from './list-exports'
