/** The attachments channels (첨부 파일), spread into `ipcChannels`. */
export const filesChannels = [
  'files.list',
  'files.add',
  'files.remove',
  'files.open',
  'files.pin',
  'files.transfers',
  'files.settings',
  'files.saveSettings',
] as const

export type FilesChannel = (typeof filesChannels)[number]
