/** The files feature's public entry: what other features may use (eslint: features import each other only here). */
export { AttachmentsPanel } from './AttachmentsPanel'
export { FileBudgetSetting } from './FileBudgetSetting'
export { FileTransfers, useRefusedFileCount } from './FileTransfers'
