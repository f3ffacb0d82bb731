/** The meetings channels (미팅, 회의록, 액션 아이템, 캘린더), spread into `ipcChannels`. */
export const meetingsChannels = [
  'meetings.list',
  'meetings.get',
  'meetings.save',
  'meetings.cancel',
  'meetings.saveMinutes',
  'meetings.saveActionItem',
  'meetings.calendar',
  'meetings.options',
  'meetings.contacts',
] as const

export type MeetingsChannel = (typeof meetingsChannels)[number]
