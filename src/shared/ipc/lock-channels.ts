/** The idle lock's channels (src/main/idle-lock.ts), spread into `ipcChannels`. */
export const lockChannels = ['lock.state', 'lock.saveSettings', 'lock.lock', 'lock.unlock'] as const

export type LockChannel = (typeof lockChannels)[number]
