/** The trash channels (휴지통: delete with what goes with it, list, restore), spread into `ipcChannels`. */
export const trashChannels = ['trash.preview', 'trash.remove', 'trash.list', 'trash.restore'] as const

export type TrashChannel = (typeof trashChannels)[number]
