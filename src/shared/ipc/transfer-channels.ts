/** The import / export channels (가져오기·내보내기), spread into `ipcChannels`. */
export const transferChannels = ['export.table', 'export.workbook', 'export.attendance', 'import.preview', 'import.commit'] as const

export type TransferChannel = (typeof transferChannels)[number]
